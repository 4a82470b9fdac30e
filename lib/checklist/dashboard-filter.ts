import type { ItemStatus } from '../evidence/types';
import { toArabicDigits } from '../i18n/thai-digits';
import type { DashboardRow } from './dashboard-types';

export interface RowFilter {
  status?: ItemStatus;
  /** Exact unit; '' selects items with no unit. */
  unit?: string;
  /** Substring of the assignee field, which may name several people. */
  assignee?: string;
  /**
   * Substring of the code, Thai or English name, unit or assignee. A query that looks like a code
   * ("5", "๕", "O5", "o๕") matches the whole code instead: O5, not O15 or O25.
   */
  text?: string;
  needsAttention?: boolean;
}

/** Overdue, evidence shows the item is missing or incomplete, or all its evidence was opened directly. */
export function needsAttention(row: DashboardRow): boolean {
  const s = row.status.status;
  return row.overdue || s === 'missing' || s === 'incomplete' || s === 'needs-review' || row.unlinkedOnly;
}

/** Case, Unicode form and Thai digits folded away, so "O๕" and "o5" compare equal. */
function fold(text: string): string {
  return toArabicDigits(text.normalize('NFC')).toLowerCase().trim();
}

const CODE_QUERY = /^([a-z]*)\s*(\d+)$/;

/** For a code-like folded query, a test on the folded code; null for any other query. */
function codeMatcher(query: string): ((code: string) => boolean) | null {
  const m = CODE_QUERY.exec(query);
  if (!m) return null;
  const prefix = m[1]!;
  const number = Number(m[2]);
  return (code) => {
    const c = CODE_QUERY.exec(fold(code));
    return c !== null && (prefix === '' || c[1] === prefix) && Number(c[2]) === number;
  };
}

export function filterRows(rows: readonly DashboardRow[], filter: RowFilter): DashboardRow[] {
  const text = filter.text !== undefined ? fold(filter.text) : '';
  const assignee = filter.assignee !== undefined ? fold(filter.assignee) : '';
  const byCode = codeMatcher(text);
  return rows.filter((row) => {
    if (filter.status !== undefined && row.status.status !== filter.status) return false;
    if (filter.unit !== undefined && row.unit !== filter.unit) return false;
    if (assignee && !fold(row.assignee).includes(assignee)) return false;
    if (filter.needsAttention !== undefined && needsAttention(row) !== filter.needsAttention) return false;
    if (byCode) return byCode(row.code);
    if (text) {
      const haystack = fold([row.code, row.nameTh, row.nameEn, row.unit, row.assignee].join('\n'));
      if (!haystack.includes(text)) return false;
    }
    return true;
  });
}
