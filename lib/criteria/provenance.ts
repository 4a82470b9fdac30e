/** Where a set's items come from: enough to say once whether a set is confirmed by an official manual. */
import type { Confidence, CriteriaSet } from './types';

/** True when some item's source is not the NACC's own manual (no manual was found for any year so far). */
export function isUnconfirmedSet(set: CriteriaSet): boolean {
  return set.items.some((it) => it.source?.official !== true);
}

/** How many items carry each confidence, e.g. { A: 30, B: 8, C: 5 }. */
export function confidenceSummary(set: CriteriaSet): Record<Confidence, number> {
  const out: Record<Confidence, number> = { A: 0, B: 0, C: 0 };
  for (const it of set.items) out[it.confidence]++;
  return out;
}
