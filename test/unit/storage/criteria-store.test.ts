import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { openDb, type ItaDb } from '../../../lib/storage/db';
import { getCriteriaSet, importCriteriaSet, listCriteriaSets } from '../../../lib/storage/criteria-store';
import type { CriteriaSet } from '../../../lib/criteria/types';

const opened: ItaDb[] = [];
function freshDb(): ItaDb {
  const db = openDb('t-' + crypto.randomUUID());
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** A set imported and stored before format 2, under its own id so that it does not shadow the built-in one. */
function storedV1(): CriteriaSet {
  const v1 = JSON.parse(readFileSync('test/fixtures/criteria/nacc-ita-oit-2564.v1.json', 'utf8'));
  return { ...v1, agencyType: 'lao', id: 'nacc-ita-oit/2564/lao' } as CriteriaSet;
}

describe('criteria store', () => {
  it('reads a set stored in format 1 as the current format', async () => {
    const db = freshDb();
    await db.criteriaSets.put(storedV1());
    const set = await getCriteriaSet(db, 'nacc-ita-oit/2564/lao');
    expect(set.formatVersion).toBe(2);
    expect(set.items[4]!.elements.every((e) => e.required)).toBe(true);
    expect(set.items[4]!.anyOf).toEqual([]);
    const listed = await listCriteriaSets(db);
    expect(listed.map((s) => s.id)).toEqual([
      'nacc-ita-oit/2564/all',
      'nacc-ita-oit/2565/all',
      'nacc-ita-oit/2566/all',
      'nacc-ita-oit/2564/lao',
    ]);
    expect(listed.every((s) => s.formatVersion === 2)).toBe(true);
  });

  it('stores imports in the current format and never shows a stored set that no longer validates', async () => {
    const db = freshDb();
    const r = await importCriteriaSet(db, storedV1());
    expect(r.ok).toBe(true);
    expect((await db.criteriaSets.get('nacc-ita-oit/2564/lao'))?.formatVersion).toBe(2);
    await db.criteriaSets.put({ ...storedV1(), id: 'nacc-ita-oit/2564/lao', items: [] });
    expect((await listCriteriaSets(db)).map((s) => s.id)).toEqual([
      'nacc-ita-oit/2564/all',
      'nacc-ita-oit/2565/all',
      'nacc-ita-oit/2566/all',
    ]);
    expect((await getCriteriaSet(db, 'nacc-ita-oit/2564/lao')).id).toBe('nacc-ita-oit/2564/all');
  });
});
