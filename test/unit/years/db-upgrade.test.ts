import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { CHECKLIST_KEY, openDb } from '../../../lib/storage/db';
import { getChecklistYear } from '../../../lib/storage/archive-repo';
import { makeRecord } from '../evidence/fixtures';

const V1 = {
  evidence: 'id, *criteria, url, capturedAt',
  blobs: 'id',
  items: 'code',
  tasks: 'id, end',
  verify: 'key, evidenceId',
  criteriaSets: 'id',
  meta: 'key',
};

describe('database version 2 (fiscal-year archives)', () => {
  it('upgrades a populated version-1 profile: data kept, the open year stamped from its settings', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1);
    const { record, blobs } = await makeRecord({ criteria: ['O5'] });
    await old.table('evidence').put(record);
    await old.table('blobs').bulkPut(blobs);
    await old.table('items').put({ code: 'O5', unit: 'กองช่าง' });
    await old.table('tasks').put({ id: 't', title: 'x', start: null, end: '2022-01-01', people: '', done: false });
    await old.table('meta').put({
      key: 'settings',
      value: { version: 2, fiscalYear: 2565, criteriaSetId: 'nacc-ita-oit/2565/all', agencyName: 'ก' },
    });
    old.close();

    const db = openDb(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect((await db.meta.get(CHECKLIST_KEY))?.value).toEqual({
      fiscalYear: 2565,
      criteriaSetId: 'nacc-ita-oit/2565/all',
      startedAt: null,
    });
    expect(await getChecklistYear(db)).toMatchObject({ fiscalYear: 2565 });
    expect(await db.evidence.where('criteria').equals('O5').count()).toBe(1);
    expect((await db.blobs.get(blobs[0]!.id))?.data).toEqual(blobs[0]!.data);
    expect((await db.items.get('O5'))?.unit).toBe('กองช่าง');
    expect(await db.tasks.count()).toBe(1);
    expect(await db.archives.count()).toBe(0);
    expect(await db.archivedEvidence.count()).toBe(0);
    db.close();
    await Dexie.delete(name);
  });

  it('upgrades a version-1 profile that never saved settings to the default year', async () => {
    const name = `t-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores(V1);
    await old.open();
    old.close();
    const db = openDb(name);
    expect((await db.meta.get(CHECKLIST_KEY))?.value).toEqual({
      fiscalYear: 2564,
      criteriaSetId: 'nacc-ita-oit/2564/all',
      startedAt: null,
    });
    db.close();
    await Dexie.delete(name);
  });
});
