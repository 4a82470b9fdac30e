import type { ItemStatus } from '../evidence/types';
import type { DashboardRow } from './dashboard-types';

export interface RowFilter {
  status?: ItemStatus;
  /** Exact unit; '' selects items with no unit. */
  unit?: string;
  /** Substring of the assignee field, which may name several people. */
  assignee?: string;
  /** Substring of the code, Thai or English name, unit or assignee. */
  text?: string;
  needsAttention?: boolean;
}

/** Overdue, or evidence shows the item is missing or incomplete. */
export function needsAttention(row: DashboardRow): boolean {
  return row.overdue || row.status.status === 'missing' || row.status.status === 'incomplete';
}

function fold(text: string): string {
  return text.normalize('NFC').toLowerCase().trim();
}

export function filterRows(rows: readonly DashboardRow[], filter: RowFilter): DashboardRow[] {
  const text = filter.text !== undefined ? fold(filter.text) : '';
  const assignee = filter.assignee !== undefined ? fold(filter.assignee) : '';
  return rows.filter((row) => {
    if (filter.status !== undefined && row.status.status !== filter.status) return false;
    if (filter.unit !== undefined && row.unit !== filter.unit) return false;
    if (assignee && !fold(row.assignee).includes(assignee)) return false;
    if (filter.needsAttention !== undefined && needsAttention(row) !== filter.needsAttention) return false;
    if (text) {
      const haystack = fold([row.code, row.nameTh, row.nameEn, row.unit, row.assignee].join('\n'));
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}
