import type { EvidenceRecord, ItemRecord } from '../evidence/types';
import { normalizeUrl } from '../verify/url-normalize';

export const DEFAULT_URL_CAP = 5;

export interface SubmitUrls {
  urls: string[];
  /** True when more distinct URLs exist than the cap allows. */
  overCap: boolean;
  /** How many distinct URLs there are before capping. */
  available: number;
}

/** Oldest capture first; ties broken by id so the order is stable. */
export function byCaptureOrder(a: EvidenceRecord, b: EvidenceRecord): number {
  if (a.capturedAt !== b.capturedAt) return a.capturedAt < b.capturedAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * The URLs to enter in ITAS for one item. `evidence` must already be filtered to the item's code.
 * The item's own list wins when set; otherwise the evidence URLs, in capture order, deduplicated.
 */
export function submitUrls(
  item: ItemRecord | null | undefined,
  evidence: readonly EvidenceRecord[],
  cap: number = DEFAULT_URL_CAP,
): SubmitUrls {
  const limit = Math.max(0, Math.floor(cap));
  let distinct: string[];
  if (item?.submitUrls) {
    distinct = [...item.submitUrls];
  } else {
    const seen = new Set<string>();
    distinct = [];
    for (const record of [...evidence].sort(byCaptureOrder)) {
      const url = record.url || record.requestedUrl;
      // Host lowercased, fragment dropped, query kept; null for anything but http(s).
      const key = normalizeUrl(url);
      if (key === null || seen.has(key)) continue;
      seen.add(key);
      distinct.push(url.trim());
    }
  }
  return { urls: distinct.slice(0, limit), overCap: distinct.length > limit, available: distinct.length };
}
