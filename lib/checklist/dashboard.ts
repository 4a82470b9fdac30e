import type { CriteriaSet } from '../criteria/types';
import type { EvidenceRecord, ItemRecord, TaskRecord } from '../evidence/types';
import type { Dashboard, DashboardRow, GroupProgress, OrphanEvidence } from './dashboard-types';
import { CHECKLIST_MESSAGES } from './messages';
import { ProgressTally, toProgress } from './progress';
import { estimateScore } from './score';
import { deriveStatus } from './status';
import { ITEM_STATUSES } from '../evidence/item-status';
import type { ItemStatus } from '../evidence/types';

export type { Dashboard, DashboardRow, GroupProgress } from './dashboard-types';
export { filterRows, needsAttention, type RowFilter } from './dashboard-filter';

export interface DashboardInput {
  set: CriteriaSet;
  evidence: readonly EvidenceRecord[];
  items: readonly ItemRecord[];
  tasks: readonly TaskRecord[];
  /** ISO date yyyy-mm-dd. */
  today: string;
  /** Responsible units, in display order. */
  units: readonly string[];
}

export const UPCOMING_TASK_LIMIT = 5;

function byDeadline(a: TaskRecord, b: TaskRecord): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  const sa = a.start ?? '';
  const sb = b.start ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.title.localeCompare(b.title, 'th');
}

/**
 * One pass over the evidence builds a Map from criterion code to its records, so the whole
 * dashboard costs O(evidence + items), whatever the number of evidence records.
 */
function indexEvidence(set: CriteriaSet, evidence: readonly EvidenceRecord[]) {
  const byCode = new Map<string, EvidenceRecord[]>();
  for (const criterion of set.items) byCode.set(criterion.code, []);
  const orphans: OrphanEvidence[] = [];
  for (const record of evidence) {
    const codes = new Set(record.criteria);
    const unknown: string[] = [];
    for (const code of codes) {
      const list = byCode.get(code);
      if (list) list.push(record);
      else unknown.push(code);
    }
    if (unknown.length > 0 || codes.size === 0) {
      orphans.push({
        id: record.id,
        url: record.url || record.requestedUrl,
        title: record.title,
        capturedAt: record.capturedAt,
        unknownCodes: unknown,
        wholly: unknown.length === codes.size,
      });
    }
  }
  return { byCode, orphans };
}

/** True when there is evidence and none of it was reached from the home page. */
function isUnlinkedOnly(evidence: readonly EvidenceRecord[]): boolean {
  return evidence.length > 0 && evidence.every((record) => record.reachedFromHome === false);
}

function unitGroups(tally: ProgressTally<string>): GroupProgress<string>[] {
  const unassigned = CHECKLIST_MESSAGES['progress.unassigned'];
  return tally.keys().map((unit) => ({
    key: unit,
    nameTh: unit === '' ? unassigned.th : unit,
    nameEn: unit === '' ? unassigned.en : unit,
    ...tally.get(unit),
  }));
}

export function buildDashboard(input: DashboardInput): Dashboard {
  const { set, today } = input;
  const { byCode, orphans } = indexEvidence(set, input.evidence);
  const itemsByCode = new Map(input.items.map((item) => [item.code, item]));

  const byIndicator = new ProgressTally<number>();
  for (const indicator of set.indicators) byIndicator.declare(indicator.number);
  const bySubindicator = new ProgressTally<string>();
  for (const sub of set.subindicators) bySubindicator.declare(sub.code);
  const byUnit = new ProgressTally<string>();
  for (const unit of input.units) byUnit.declare(unit);

  const rows: DashboardRow[] = set.items.map((criterion) => {
    const evidence = byCode.get(criterion.code) ?? [];
    const item = itemsByCode.get(criterion.code) ?? null;
    const status = deriveStatus(criterion, evidence, item);
    const dueDate = item?.dueDate ?? null;
    const unit = item?.unit.trim() ?? '';
    byIndicator.add(criterion.indicator, status.status);
    bySubindicator.add(criterion.subindicator, status.status);
    byUnit.add(unit, status.status);
    return {
      code: criterion.code,
      nameTh: criterion.nameTh,
      nameEn: criterion.nameEn,
      indicator: criterion.indicator,
      subindicator: criterion.subindicator,
      status,
      unit,
      dueDate,
      assignee: item?.assignee ?? '',
      evidenceCount: evidence.length,
      unlinkedOnly: isUnlinkedOnly(evidence),
      overdue: dueDate !== null && dueDate < today && status.status !== 'complete',
      confidence: criterion.confidence,
    };
  });

  const statuses = rows.map((row) => row.status.status);
  const score = estimateScore(statuses);
  const statusCounts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const s of statuses) statusCounts[s]++;
  const indicatorNames = new Map(set.indicators.map((i) => [i.number, i]));
  const subNames = new Map(set.subindicators.map((s) => [s.code, s]));

  const openTasks = input.tasks.filter((task) => !task.done).sort(byDeadline);

  return {
    setId: set.id,
    today,
    rows,
    progress: {
      overall: toProgress(score.complete, score.total),
      byIndicator: byIndicator.keys().map((key) => ({
        key,
        nameTh: indicatorNames.get(key)?.nameTh ?? String(key),
        nameEn: indicatorNames.get(key)?.nameEn ?? String(key),
        ...byIndicator.get(key),
      })),
      bySubindicator: bySubindicator.keys().map((key) => ({
        key,
        nameTh: subNames.get(key)?.nameTh ?? key,
        nameEn: subNames.get(key)?.nameEn ?? key,
        ...bySubindicator.get(key),
      })),
      byUnit: unitGroups(byUnit),
    },
    score,
    statusCounts,
    overdueItems: rows.filter((row) => row.overdue).map((row) => row.code),
    noEvidenceItems: rows.filter((row) => row.evidenceCount === 0).map((row) => row.code),
    upcomingTasks: openTasks.filter((task) => task.end >= today).slice(0, UPCOMING_TASK_LIMIT),
    overdueTasks: openTasks.filter((task) => task.end < today),
    orphans,
  };
}
