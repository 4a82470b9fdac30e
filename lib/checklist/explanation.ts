import { draftExplanation } from '../capture/clickpath';
import type { EvidenceRecord, ItemRecord } from '../evidence/types';
import type { Lang } from '../i18n/language';
import { byCaptureOrder } from './submit-urls';

/** True when the item has no explanation of its own, so `itemExplanation` returns a draft. */
export function isDraftExplanation(item: ItemRecord | null | undefined): boolean {
  return item?.explanation == null;
}

/**
 * คำอธิบายเพิ่มเติม for ITAS: the item's own text when set, else a draft from the click-paths of
 * its evidence (already filtered to the item), in capture order: one numbered line per distinct path.
 *
 * Same output as draftItemExplanation in lib/capture/clickpath, except that a path which does not
 * start at the home page (`reachedFromHome` false) keeps its first page's own label instead of
 * claiming หน้าแรก: assessors only credit what is reachable from the home page.
 */
export function itemExplanation(
  item: ItemRecord | null | undefined,
  evidence: readonly EvidenceRecord[],
  lang: Lang,
): string {
  if (item?.explanation != null) return item.explanation;
  const lines: string[] = [];
  for (const record of [...evidence].sort(byCaptureOrder)) {
    if (record.clickPath.length === 0) continue;
    const line = draftExplanation(record.clickPath, lang, { fromHome: record.reachedFromHome });
    if (!lines.includes(line)) lines.push(line);
  }
  return lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}
