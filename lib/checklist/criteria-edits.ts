/**
 * Saving an edited criteria set. When the set is the one in use, items whose code changed take
 * their evidence (codes and element ticks) and their checklist rows with them, in the same
 * transaction as the set: a renumbered code never strands its evidence.
 */
import type { CriteriaSet } from '../criteria/types';
import type { EvidenceRecord, ItemRecord } from '../evidence/types';
import type { ItaDb } from '../storage/db';

function renameCodes(codes: string[], renames: ReadonlyMap<string, string>): string[] {
  return [...new Set(codes.map((c) => renames.get(c) ?? c))];
}

function renameEvidence(r: EvidenceRecord, renames: ReadonlyMap<string, string>): EvidenceRecord {
  const elementTicks: Record<string, string[]> = {};
  for (const [code, keys] of Object.entries(r.elementTicks)) elementTicks[renames.get(code) ?? code] = keys;
  return { ...r, criteria: renameCodes(r.criteria, renames), elementTicks };
}

/** Returns how many evidence records changed codes. */
export async function saveEditedSet(
  db: ItaDb,
  set: CriteriaSet,
  renames: ReadonlyMap<string, string>,
  activeSetId: string,
  now = () => new Date(),
): Promise<number> {
  return db.transaction('rw', [db.criteriaSets, db.evidence, db.items], async () => {
    await db.criteriaSets.put(set);
    if (set.id !== activeSetId || renames.size === 0) return 0;
    const from = [...renames.keys()];
    const touched = await db.evidence.where('criteria').anyOf(from).distinct().toArray();
    const updatedAt = now().toISOString();
    await db.evidence.bulkPut(touched.map((r) => ({ ...renameEvidence(r, renames), updatedAt })));
    const items = (await db.items.bulkGet(from)).filter((i): i is ItemRecord => !!i);
    await db.items.bulkDelete(from);
    await db.items.bulkPut(items.map((i) => ({ ...i, code: renames.get(i.code)!, updatedAt })));
    return touched.length;
  });
}
