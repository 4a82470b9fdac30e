import { describe, expect, it, vi } from 'vitest';
import { openDb } from '../../../lib/storage/db';
import {
  deleteEvidence,
  findEvidence,
  getBlob,
  listByCriterion,
  listEvidence,
  reassignCriterion,
  restoreEvidence,
  saveEvidence,
  updateEvidence,
} from '../../../lib/storage/evidence-repo';
import { StorageError } from '../../../lib/storage/errors';
import { makeRecord } from '../evidence/fixtures';

const freshDb = () => openDb(`t-${crypto.randomUUID()}`);

describe('evidence repository', () => {
  it('creates a record with its bytes and lists it by criterion', async () => {
    const db = freshDb();
    const a = await makeRecord({ criteria: ['O5'] });
    const b = await makeRecord({ criteria: ['O1', 'O2'] });
    await saveEvidence(db, a.record, a.blobs);
    await saveEvidence(db, b.record, b.blobs);
    expect((await listByCriterion(db, 'O5')).map((r) => r.id)).toEqual([a.record.id]);
    expect((await listByCriterion(db, 'O2')).map((r) => r.id)).toEqual([b.record.id]);
    expect(await listByCriterion(db, 'O3')).toEqual([]);
    expect(await getBlob(db, a.blobs[0]!.id)).toEqual(a.blobs[0]!.data);
    expect((await listEvidence(db)).map((r) => r.url)).toContain(
      'https://www.tuayang.go.th/index.php?_mod=ZmlsZXM&type=MzI',
    );
  });

  it('refuses an invalid record and stores nothing', async () => {
    const db = freshDb();
    const bad = await makeRecord({ url: 'javascript:alert(1)', criteria: [] });
    await expect(saveEvidence(db, bad.record, bad.blobs)).rejects.toMatchObject({ code: 'invalid-record' });
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });

  it('refuses bytes that belong to no artifact', async () => {
    const db = freshDb();
    const a = await makeRecord();
    await expect(
      saveEvidence(db, a.record, [...a.blobs, { id: 'stray', data: new Uint8Array(1) }]),
    ).rejects.toBeInstanceOf(StorageError);
    expect(await db.blobs.count()).toBe(0);
  });

  it('maps a full disk to storage-full and keeps what was stored before', async () => {
    const db = freshDb();
    const first = await makeRecord();
    await saveEvidence(db, first.record, first.blobs);
    const quota = Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    const spy = vi.spyOn(db.evidence, 'put').mockRejectedValueOnce(quota);
    const second = await makeRecord();
    await expect(saveEvidence(db, second.record, second.blobs)).rejects.toMatchObject({ code: 'storage-full' });
    spy.mockRestore();
    expect((await listEvidence(db)).map((r) => r.id)).toEqual([first.record.id]);
    expect(await db.blobs.count()).toBe(1); // the second record's bytes were rolled back with it
  });

  it('deletes records with their bytes, and undo restores them exactly', async () => {
    const db = freshDb();
    const a = await makeRecord();
    await saveEvidence(db, a.record, a.blobs);
    await db.verify.put({ key: a.record.id, evidenceId: a.record.id, checkedAt: 'x', result: {} });
    const deleted = await deleteEvidence(db, [a.record.id]);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
    expect(await db.verify.count()).toBe(0);
    await restoreEvidence(db, deleted);
    expect(await db.evidence.get(a.record.id)).toEqual(a.record);
    expect(await getBlob(db, a.blobs[0]!.id)).toEqual(a.blobs[0]!.data);
  });

  it('moves and copies evidence between criteria without duplicating bytes', async () => {
    const db = freshDb();
    const a = await makeRecord({ criteria: ['O5'], elementTicks: { O5: ['phone'] } });
    await saveEvidence(db, a.record, a.blobs);
    const copied = await reassignCriterion(db, a.record.id, 'O5', 'O6', 'copy');
    expect(copied.criteria).toEqual(['O5', 'O6']);
    const moved = await reassignCriterion(db, a.record.id, 'O5', 'O7', 'move');
    expect(moved.criteria).toEqual(['O6', 'O7']);
    expect(moved.elementTicks).toEqual({});
    expect(await db.blobs.count()).toBe(1);
  });

  it('edits notes and finds by URL (percent-encoded Thai too) or title', async () => {
    const db = freshDb();
    const a = await makeRecord({
      url: 'https://x.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/1',
      title: 'ข่าวประชาสัมพันธ์',
    });
    await saveEvidence(db, a.record, a.blobs);
    const edited = await updateEvidence(db, a.record.id, { note: 'ตรวจแล้ว' }, () => new Date('2021-03-01T00:00:00Z'));
    expect(edited.note).toBe('ตรวจแล้ว');
    expect(edited.updatedAt).toBe('2021-03-01T00:00:00.000Z');
    expect((await findEvidence(db, 'ข่าว/1')).map((r) => r.id)).toEqual([a.record.id]);
    expect((await findEvidence(db, 'ประชาสัมพันธ์')).length).toBe(1);
    expect(await findEvidence(db, 'nothing-like-this')).toEqual([]);
    await expect(updateEvidence(db, 'missing', { note: '' })).rejects.toMatchObject({ code: 'not-found' });
  });
});
