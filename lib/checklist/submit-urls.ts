import type { EvidenceRecord, ItemRecord } from '../evidence/types';
import { normalizeUrl } from '../util/url';

const DEFAULT_URL_CAP = 5;

export interface SubmitUrls {
  /** What to enter in ITAS: the first `cap` entries of `all`. */
  urls: string[];
  /** True when more distinct URLs exist than the cap allows. */
  overCap: boolean;
  /** How many distinct URLs there are before capping. */
  available: number;
  /** Every distinct URL in submission order, before capping (what the panel lists). */
  all: string[];
  /** True when the reviewer set the order by hand (item.submitUrls). */
  custom: boolean;
}

/** Oldest capture first; ties broken by id so the order is stable. */
export function byCaptureOrder(a: EvidenceRecord, b: EvidenceRecord): number {
  if (a.capturedAt !== b.capturedAt) return a.capturedAt < b.capturedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Distinct evidence URLs in capture order, keyed by their normalised form (http(s) only). */
function evidenceUrls(evidence: readonly EvidenceRecord[]): Map<string, string> {
  const byKey = new Map<string, string>();
  for (const record of [...evidence].sort(byCaptureOrder)) {
    const url = (record.url || record.requestedUrl).trim();
    // Host lowercased, fragment dropped, query kept; null for anything but http(s).
    const key = normalizeUrl(url);
    if (key !== null && !byKey.has(key)) byKey.set(key, url);
  }
  return byKey;
}

/**
 * The URLs to enter in ITAS for one item; the side panel and the export both use this, so they agree.
 * `evidence` must already be filtered to the item's code.
 *
 * With a hand-set order (item.submitUrls): that order, minus URLs no surviving evidence has, then
 * evidence URLs not in it (captured since), in capture order. Without: evidence URLs in capture
 * order. Either way deduplicated after normalising (the first spelling is kept), then capped.
 */
export function submitUrls(
  item: ItemRecord | null | undefined,
  evidence: readonly EvidenceRecord[],
  cap: number = DEFAULT_URL_CAP,
): SubmitUrls {
  const limit = Math.max(0, Math.floor(cap));
  const fromEvidence = evidenceUrls(evidence);
  const seen = new Set<string>();
  const all: string[] = [];
  const custom = Array.isArray(item?.submitUrls);
  for (const saved of item?.submitUrls ?? []) {
    const key = normalizeUrl(saved);
    if (key === null || seen.has(key) || !fromEvidence.has(key)) continue;
    seen.add(key);
    all.push(saved.trim());
  }
  for (const [key, url] of fromEvidence) {
    if (seen.has(key)) continue;
    seen.add(key);
    all.push(url);
  }
  return { urls: all.slice(0, limit), overCap: all.length > limit, available: all.length, all, custom };
}
