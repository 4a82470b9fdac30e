import type { CriteriaSet } from '../criteria/types';
import { builtInSets, getBuiltInSet, DEFAULT_SET_ID } from '../criteria/registry';
import { validateCriteriaSet } from '../criteria/validate';
import type { ItaDb } from './db';

/**
 * A stored set in the current format. Sets stored before format 2 are migrated as they are read (the
 * same migration as for files); one that no longer validates is left out rather than shown broken.
 */
function current(stored: unknown): CriteriaSet | undefined {
  const r = validateCriteriaSet(stored);
  return r.ok ? r.set : undefined;
}

/** Built-in sets plus those the reviewer imported (stored validated, keyed by id). */
export async function listCriteriaSets(db: ItaDb): Promise<CriteriaSet[]> {
  const imported = (await db.criteriaSets.toArray()).map(current).filter((s): s is CriteriaSet => s !== undefined);
  const ids = new Set(imported.map((s) => s.id));
  return [...builtInSets().filter((s) => !ids.has(s.id)), ...imported];
}

export async function getCriteriaSet(db: ItaDb, id: string): Promise<CriteriaSet> {
  const stored = await db.criteriaSets.get(id);
  return (stored && current(stored)) ?? getBuiltInSet(id) ?? getBuiltInSet(DEFAULT_SET_ID)!;
}

/** Stores an imported set only when it validates: a broken set never replaces a working one. */
export async function importCriteriaSet(db: ItaDb, data: unknown): Promise<ReturnType<typeof validateCriteriaSet>> {
  const result = validateCriteriaSet(data);
  if (result.ok) await db.criteriaSets.put(result.set);
  return result;
}
