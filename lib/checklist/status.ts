import type { Criterion } from '../criteria/types';
import { elementCoverage } from '../criteria/elements';
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
  /**
   * Keys of required elements no evidence record covers, in criterion order, then the keys of any-of
   * groups short of their minimum (label them with `elementLabel` from lib/criteria/elements).
   */
  missing: string[];
}

/** The memo's words (มี / ไม่สมบูรณ์ / ไม่มี) plus the two states before a verdict. */
export const STATUS_LABELS: Record<ItemStatus, { th: string; en: string }> = {
  unreviewed: { th: 'ยังไม่ตรวจ', en: 'Not reviewed' },
  'needs-review': { th: 'รอตรวจองค์ประกอบ', en: 'Needs review' },
  complete: { th: 'มี', en: 'Complete' },
  incomplete: { th: 'ไม่สมบูรณ์', en: 'Incomplete' },
  missing: { th: 'ไม่มี', en: 'Missing' },
};

/**
 * Status of one criterion. `evidence` must already be filtered to records tagged with this criterion.
 * Ticks are read from `elementTicks[criterion.code]`; ticks for keys the criterion lacks are ignored.
 *
 * - no evidence: unreviewed;
 * - evidence but no element of the item ticked on any of it: needs-review (never ไม่มี: the page is
 *   published, nobody has checked its elements yet);
 * - every required element ticked and every any-of group at its minimum: complete (examples never count);
 * - otherwise incomplete.
 * 'missing' (ไม่มี) is only ever set by hand.
 */
export function deriveStatus(
  criterion: Criterion,
  evidence: readonly EvidenceRecord[],
  item?: ItemRecord | null,
): StatusInfo {
  const known = new Set(criterion.elements.map((e) => e.key));
  const ticked = new Set<string>();
  for (const record of evidence) {
    for (const key of record.elementTicks[criterion.code] ?? []) if (known.has(key)) ticked.add(key);
  }
  const { covered, missing } = elementCoverage(criterion, ticked);

  let derived: ItemStatus;
  if (evidence.length === 0) derived = 'unreviewed';
  else if (ticked.size === 0 && criterion.elements.length > 0) derived = 'needs-review';
  else if (missing.length === 0) derived = 'complete';
  else derived = 'incomplete';

  const override = item?.statusOverride ?? null;
  if (override) {
    return { status: override.status, derived, overridden: true, reason: override.reason, covered, missing };
  }
  return { status: derived, derived, overridden: false, covered, missing };
}

/** The answer for ITAS: มี whenever there are URLs to submit; ไม่มี only when a reviewer said so. */
export type ItasAnswer = 'มี' | 'ไม่มี' | '';

export interface ItasRow {
  answer: ItasAnswer;
  /** Why the answer needs a look before it is submitted; '' when nothing to add. */
  note: string;
}

/**
 * What itas.csv says for an item. An item with URLs is answered มี even when it is incomplete or
 * awaits review (the note says so): answering ไม่มี would tell ITAS that a published page is not
 * published. Without URLs there is nothing to submit, so the answer stays blank, unless the reviewer
 * set the status ไม่มี by hand.
 */
export function itasRow(status: ItemStatus, urlCount: number, missingLabels: readonly string[] = []): ItasRow {
  const label = STATUS_LABELS[status].th;
  if (urlCount > 0) {
    if (status === 'complete') return { answer: 'มี', note: '' };
    const missing = status === 'incomplete' && missingLabels.length > 0 ? ` (ขาด ${missingLabels.join(', ')})` : '';
    return { answer: 'มี', note: `สถานะในระบบ: ${label}${missing} — ตรวจก่อนส่ง` };
  }
  if (status === 'missing') return { answer: 'ไม่มี', note: '' };
  return { answer: '', note: `ยังไม่มีลิงก์ที่จะส่ง (สถานะ: ${label})` };
}
