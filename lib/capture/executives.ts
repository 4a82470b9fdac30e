/**
 * The current top executives, as the stored evidence of the executives item (O2) names them: what
 * O34 ("ผู้บริหารสูงสุดคนปัจจุบัน") and O35 are checked against. Reads each record's text artifact.
 */
import type { EvidenceRecord } from '../evidence/types';
import { findTopExecutives, normalizeText } from './thai-patterns';

const MAX_EXECUTIVE_NAMES = 10;

export async function executiveNamesFromEvidence(
  records: readonly EvidenceRecord[],
  getBlob: (id: string) => Promise<Uint8Array | undefined>,
): Promise<string[]> {
  const names: string[] = [];
  for (const record of records) {
    const text = record.artifacts.find((a) => a.method === 'text');
    const bytes = text && (await getBlob(text.id));
    if (!bytes) continue;
    for (const name of findTopExecutives(normalizeText(new TextDecoder('utf-8').decode(bytes)))) {
      if (!names.includes(name)) names.push(name);
    }
  }
  return names.slice(0, MAX_EXECUTIVE_NAMES);
}
