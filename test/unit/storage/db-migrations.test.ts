import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { openDb } from '../../../lib/storage/db';
import { makeRecord } from '../evidence/fixtures';

describe('database schema', () => {
  it('opens a version-1 profile written before any upgrade and keeps its data', async () => {
    const name = `t-${crypto.randomUUID()}`;
    // A profile as the first release wrote it.
    const old = new Dexie(name);
    old.version(1).stores({
      evidence: 'id, *criteria, url, capturedAt',
      blobs: 'id',
      items: 'code',
      tasks: 'id, end',
      verify: 'key, evidenceId',
      criteriaSets: 'id',
      meta: 'key',
    });
    const { record, blobs } = await makeRecord({ criteria: ['O5', 'O6'] });
    await old.table('evidence').put(record);
    await old.table('blobs').bulkPut(blobs);
    old.close();

    const db = openDb(name);
    expect(db.verno).toBeGreaterThanOrEqual(1);
    expect(await db.evidence.where('criteria').equals('O6').count()).toBe(1);
    expect((await db.blobs.get(blobs[0]!.id))?.data).toEqual(blobs[0]!.data);
  });

  it('declares the indexes the repositories query', () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    const evidence = db.tables.find((t) => t.name === 'evidence')!;
    expect(evidence.schema.indexes.map((i) => i.name).sort()).toEqual(['capturedAt', 'criteria', 'url']);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'archivedEvidence',
      'archives',
      'blobs',
      'criteriaSets',
      'evidence',
      'items',
      'meta',
      'tasks',
      'verify',
    ]);
  });
});
