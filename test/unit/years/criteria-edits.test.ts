import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ItaDb } from '../../../lib/storage/db';
import { saveEditedSet } from '../../../lib/checklist/criteria-edits';
import { copySetToYear } from '../../../lib/criteria/editing';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import { updateItem } from '../../../lib/storage/items-repo';
import { makeRecord } from '../evidence/fixtures';

const opened: ItaDb[] = [];
const fresh = () => {
  const db = openDb(`t-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

describe('saving an edited set', () => {
  it('moves evidence codes, element ticks and item rows of the set in use to the renumbered codes', async () => {
    const db = fresh();
    const set = getBuiltInSet()!;
    const { record } = await makeRecord({ criteria: ['O5', 'O6'], elementTicks: { O5: ['phone'], O6: ['laws'] } });
    const { record: other } = await makeRecord({ criteria: ['O7'] });
    await db.evidence.bulkPut([record, other]);
    await updateItem(db, 'O5', { unit: 'กองช่าง' });
    const moved = await saveEditedSet(
      db,
      set,
      new Map([
        ['O5', 'O6'],
        ['O6', 'O5'],
      ]),
      set.id,
    );
    expect(moved).toBe(1);
    const after = (await db.evidence.get(record.id))!;
    expect(after.criteria.sort()).toEqual(['O5', 'O6']);
    expect(after.elementTicks).toEqual({ O6: ['phone'], O5: ['laws'] });
    expect((await db.evidence.get(other.id))!.criteria).toEqual(['O7']);
    expect((await db.items.get('O6'))!.unit).toBe('กองช่าง');
    expect(await db.items.get('O5')).toBeUndefined();
    expect(await db.criteriaSets.get(set.id)).toBeDefined();
  });

  it('leaves evidence alone when the edited set is not the one in use', async () => {
    const db = fresh();
    const copy = copySetToYear(getBuiltInSet()!, 2570);
    const { record } = await makeRecord({ criteria: ['O5'] });
    await db.evidence.put(record);
    expect(await saveEditedSet(db, copy, new Map([['O5', 'O50']]), 'nacc-ita-oit/2564/all')).toBe(0);
    expect((await db.evidence.get(record.id))!.criteria).toEqual(['O5']);
    expect((await db.criteriaSets.get(copy.id))!.fiscalYear).toBe(2570);
  });
});
