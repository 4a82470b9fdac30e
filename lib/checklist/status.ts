import type { Criterion } from '../criteria/types';
import type { EvidenceRecord, ItemRecord, ItemStatus } from '../evidence/types';

export interface StatusInfo {
  /** What the UI shows: the override when there is one, else `derived`. */
  status: ItemStatus;
  /** What the evidence alone says. */
  derived: ItemStatus;
  overridden: boolean;
  /** The reviewer's reason for an override. */
  reason?: string;
  /** Keys of required elements ticked on at least one evidence record, in criterion order. */
  covered: string[];
  /** Keys of required elements no evidence record covers, in criterion order. */
  missing: string[];
}

/** The memo's words: มี / ไม่สมบูรณ์ / ไม่มี. */
export const STATUS_LABELS: Record<ItemStatus, { th: string; en: string }> = {
  unreviewed: { th: 'ยังไม่ตรวจ', en: 'Not reviewed' },
  complete: { th: 'มี', en: 'Complete' },
  incomplete: { th: 'ไม่สมบูรณ์', en: 'Incomplete' },
  missing: { th: 'ไม่มี', en: 'Missing' },
};

/**
 * Status of one criterion. `evidence` must already be filtered to records tagged with this criterion.
 * Ticks are read from `elementTicks[criterion.code]`; ticks for keys the criterion lacks are ignored.
 */
export function deriveStatus(
  criterion: Criterion,
  evidence: readonly EvidenceRecord[],
  item?: ItemRecord | null,
): StatusInfo {
  const ticked = new Set<string>();
  for (const record of evidence) {
    for (const key of record.elementTicks[criterion.code] ?? []) ticked.add(key);
  }
  const covered: string[] = [];
  const missing: string[] = [];
  for (const element of criterion.elements) {
    (ticked.has(element.key) ? covered : missing).push(element.key);
  }

  let derived: ItemStatus;
  if (evidence.length === 0) derived = 'unreviewed';
  else if (missing.length === 0) derived = 'complete';
  else if (covered.length > 0) derived = 'incomplete';
  else derived = 'missing';

  const override = item?.statusOverride ?? null;
  if (override) {
    return { status: override.status, derived, overridden: true, reason: override.reason, covered, missing };
  }
  return { status: derived, derived, overridden: false, covered, missing };
}
