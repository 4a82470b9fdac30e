import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ItaDb } from '../../../lib/storage/db';
import { clearOverride, getItem, listItems, setOverride, updateItem } from '../../../lib/storage/items-repo';
import { RecordValidationError } from '../../../lib/evidence/record-validation';

const opened: ItaDb[] = [];
function freshDb(): ItaDb {
  const db = openDb('t-' + crypto.randomUUID());
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const clockAt = (iso: string) => () => new Date(iso);

async function rejection(p: Promise<unknown>): Promise<RecordValidationError> {
  const error = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RecordValidationError);
  return error as RecordValidationError;
}

describe('items repository', () => {
  it('creates a missing item with defaults and the clock time', async () => {
    const db = freshDb();
    const saved = await updateItem(db, 'O5', { unit: ' กองวิชาการฯ ' }, clockAt('2021-03-01T02:00:00Z'));
    expect(saved).toEqual({
      code: 'O5',
      unit: 'กองวิชาการฯ',
      dueDate: null,
      assignee: '',
      notes: '',
      statusOverride: null,
      submitUrls: null,
      explanation: null,
      updatedAt: '2021-03-01T02:00:00.000Z',
    });
    expect(await getItem(db, 'O5')).toEqual(saved);
    expect(await getItem(db, 'O6')).toBeUndefined();
  });

  it('merges later patches and moves updatedAt', async () => {
    const db = freshDb();
    await updateItem(db, 'O5', { unit: 'สำนักปลัด', notes: 'โทรสารยังไม่มี' }, clockAt('2021-03-01T00:00:00Z'));
    const saved = await updateItem(
      db,
      'O5',
      {
        dueDate: '2021-03-15',
        submitUrls: [' https://a.go.th/contact ', 'http://a.go.th/map?id=1'],
        explanation: 'เมนูติดต่อ',
      },
      clockAt('2021-03-02T00:00:00Z'),
    );
    expect(saved).toMatchObject({
      unit: 'สำนักปลัด',
      notes: 'โทรสารยังไม่มี',
      dueDate: '2021-03-15',
      submitUrls: ['https://a.go.th/contact', 'http://a.go.th/map?id=1'],
      explanation: 'เมนูติดต่อ',
      updatedAt: '2021-03-02T00:00:00.000Z',
    });
    const back = await updateItem(db, 'O5', { dueDate: null, submitUrls: null, explanation: null });
    expect(back).toMatchObject({ dueDate: null, submitUrls: null, explanation: null, unit: 'สำนักปลัด' });
  });

  it('lists stored items', async () => {
    const db = freshDb();
    await updateItem(db, 'O2', { unit: 'a' });
    await updateItem(db, 'O1', { unit: 'b' });
    expect((await listItems(db)).map((i) => i.code).sort()).toEqual(['O1', 'O2']);
  });

  it.each(['2021-3-15', '15/03/2564', '2021-02-30', '2021-13-01', ''])('rejects due date %j', async (dueDate) => {
    const db = freshDb();
    const error = await rejection(updateItem(db, 'O5', { dueDate }));
    expect(error).toMatchObject({ code: 'invalid-date', field: 'dueDate' });
    expect(await getItem(db, 'O5')).toBeUndefined();
  });

  it.each(['ftp://a.go.th/x', 'javascript:alert(1)', 'www.a.go.th', 'not a url'])(
    'rejects submit URL %j',
    async (url) => {
      const db = freshDb();
      const error = await rejection(updateItem(db, 'O5', { submitUrls: ['https://a.go.th/ok', url] }));
      expect(error).toMatchObject({ code: 'invalid-url', field: 'submitUrls[1]' });
    },
  );

  it('rejects non-string text fields and an empty code', async () => {
    const db = freshDb();
    expect(await rejection(updateItem(db, 'O5', { unit: 5 as unknown as string }))).toMatchObject({
      code: 'invalid-field',
      field: 'unit',
    });
    expect(await rejection(updateItem(db, ' ', { unit: 'x' }))).toMatchObject({ field: 'code' });
  });

  it('sets an override with a reason and clears it', async () => {
    const db = freshDb();
    await updateItem(db, 'O5', { unit: 'สำนักปลัด' });
    const set = await setOverride(db, 'O5', 'incomplete', ' ไม่มีโทรสาร ', clockAt('2021-03-05T00:00:00Z'));
    expect(set.statusOverride).toEqual({ status: 'incomplete', reason: 'ไม่มีโทรสาร' });
    expect(set.unit).toBe('สำนักปลัด');
    const cleared = await clearOverride(db, 'O5', clockAt('2021-03-06T00:00:00Z'));
    expect(cleared.statusOverride).toBeNull();
    expect(cleared.updatedAt).toBe('2021-03-06T00:00:00.000Z');
  });

  it('requires a non-empty reason and a known status for an override', async () => {
    const db = freshDb();
    expect(await rejection(setOverride(db, 'O5', 'missing', '   '))).toMatchObject({
      code: 'override-reason-required',
    });
    expect(await rejection(setOverride(db, 'O5', 'missing', ''))).toMatchObject({ code: 'override-reason-required' });
    expect(await rejection(setOverride(db, 'O5', 'done' as never, 'x'))).toMatchObject({ code: 'invalid-status' });
    expect(await rejection(updateItem(db, 'O5', { statusOverride: { status: 'complete', reason: '' } }))).toMatchObject(
      {
        code: 'override-reason-required',
      },
    );
    expect(await getItem(db, 'O5')).toBeUndefined();
  });
});
