/**
 * VerifyTargets from the extension's own database: one page target per evidence record, plus one
 * document target per stored document. The blob reader is a parameter so this runs in Node tests.
 */
import type { CriteriaSet, PeriodRule } from '../criteria/types';
import type { EvidenceRecord } from '../evidence/types';
import { scanHtml } from './html-scan';
import { periodLookupFrom, type PeriodLookup } from './inputs';
import type { VerifyTarget } from './types';

export type BlobReader = (id: string) => Promise<Uint8Array | undefined>;

/** Of several criteria, the first that asks for a period decides (a 'current' rule asks nothing). */
export function periodRuleFor(criteria: string[], lookup: PeriodLookup): PeriodRule | undefined {
  const rules = criteria.map(lookup).filter((r): r is PeriodRule => r !== undefined);
  return rules.find((r) => r.kind !== 'current') ?? rules[0];
}

/** The text seen at capture: the `text` artifact, else the text of the DOM snapshot, else null. */
async function capturedTextOf(record: EvidenceRecord, getBlob: BlobReader): Promise<string | null> {
  const text = record.artifacts.find((a) => a.method === 'text');
  if (text) {
    const bytes = await getBlob(text.id);
    if (bytes) return new TextDecoder('utf-8').decode(bytes);
  }
  const snap = record.artifacts.find((a) => a.method === 'dom-snapshot');
  if (snap) {
    const bytes = await getBlob(snap.id);
    if (bytes) return scanHtml(new TextDecoder('utf-8').decode(bytes)).text;
  }
  return null;
}

function documentKey(evidenceId: string, artifactId: string): string {
  return `${evidenceId}#${artifactId}`;
}

export function targetsFromEvidence(
  records: EvidenceRecord[],
  getBlob: BlobReader,
  set: CriteriaSet | undefined,
): Promise<VerifyTarget[]> {
  return Promise.resolve(buildTargets(records, getBlob, set));
}

function buildTargets(records: EvidenceRecord[], getBlob: BlobReader, set: CriteriaSet | undefined): VerifyTarget[] {
  const lookup = periodLookupFrom(set);
  const targets: VerifyTarget[] = [];
  for (const r of records) {
    const criterion = r.criteria.join(',');
    const periodRule = periodRuleFor(r.criteria, lookup);
    targets.push({
      key: r.id,
      url: r.url || r.requestedUrl,
      criterion,
      evidenceId: r.id,
      loadCapturedText: () => capturedTextOf(r, getBlob),
      ...(periodRule ? { periodRule } : {}),
    });
    for (const a of r.artifacts) {
      if (a.method !== 'document-bytes' || !a.sourceUrl || !a.sha256) continue;
      targets.push({
        key: documentKey(r.id, a.id),
        url: a.sourceUrl,
        criterion,
        evidenceId: r.id,
        document: { sha256: a.sha256, url: a.sourceUrl },
      });
    }
  }
  return targets;
}
