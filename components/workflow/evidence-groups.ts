/** Groups an item's evidence by page: captures of the same URL together, newest page first. */
import type { EvidenceRecord } from '../../lib/evidence/types';

export interface EvidenceGroup {
  url: string;
  /** Captures of this URL, newest first. */
  records: EvidenceRecord[];
}

export function groupByUrl(evidence: readonly EvidenceRecord[]): EvidenceGroup[] {
  const byUrl = new Map<string, EvidenceRecord[]>();
  for (const r of evidence) {
    const list = byUrl.get(r.url);
    if (list) list.push(r);
    else byUrl.set(r.url, [r]);
  }
  const newest = (a: EvidenceRecord, b: EvidenceRecord) =>
    a.capturedAt < b.capturedAt ? 1 : a.capturedAt > b.capturedAt ? -1 : a.id.localeCompare(b.id);
  const groups = [...byUrl].map(([url, records]) => ({ url, records: [...records].sort(newest) }));
  return groups.sort((a, b) => newest(a.records[0]!, b.records[0]!));
}
