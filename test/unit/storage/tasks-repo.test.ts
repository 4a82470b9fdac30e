import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ItaDb } from '../../../lib/storage/db';
import { addTask, deleteTask, listTasks, seedTasks, updateTask } from '../../../lib/storage/tasks-repo';
import { memoTasks } from '../../../lib/checklist/memo-tasks';
import { RecordValidationError, isIsoDate } from '../../../lib/evidence/record-validation';

const opened: ItaDb[] = [];
function freshDb(): ItaDb {
  const db = openDb('t-' + crypto.randomUUID());
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

function ids(prefix: string) {
  let n = 0;
  return () => `${prefix}${++n}`;
}

describe('tasks repository', () => {
  it('adds tasks and lists them by deadline', async () => {
    const db = freshDb();
    const newId = ids('t');
    await addTask(
      db,
      { title: 'ตอบแบบ OIT', start: '2021-03-01', end: '2021-04-20', people: 'นายก', done: false },
      newId,
    );
    await addTask(db, { title: ' ตรวจเว็บไซต์ ', start: null, end: '2021-02-28', people: '', done: false }, newId);
    await addTask(db, { title: 'ก่อน', start: '2021-02-01', end: '2021-04-20', people: '', done: true }, newId);
    const list = await listTasks(db);
    expect(list.map((t) => t.id)).toEqual(['t2', 't3', 't1']);
    expect(list[0]).toEqual({ id: 't2', title: 'ตรวจเว็บไซต์', start: null, end: '2021-02-28', people: '', done: false });
  });

  it('updates and deletes tasks', async () => {
    const db = freshDb();
    const task = await addTask(db, { title: 'a', start: null, end: '2021-03-01', people: '', done: false }, ids('x'));
    const done = await updateTask(db, task.id, { done: true, end: '2021-03-05' });
    expect(done).toMatchObject({ id: 'x1', done: true, end: '2021-03-05', title: 'a' });
    expect((await listTasks(db))[0]).toEqual(done);
    expect(await deleteTask(db, 'x1')).toBe(true);
    expect(await deleteTask(db, 'x1')).toBe(false);
    expect(await listTasks(db)).toEqual([]);
  });

  it('rejects bad tasks with a typed error', async () => {
    const db = freshDb();
    const base = { title: 'a', start: null, end: '2021-03-01', people: '', done: false };
    const cases: [Partial<typeof base> | Record<string, unknown>, string][] = [
      [{ title: '  ' }, 'title-required'],
      [{ end: '2021-02-30' }, 'invalid-date'],
      [{ start: 'soon' }, 'invalid-date'],
      [{ start: '2021-03-02' }, 'invalid-date-range'],
      [{ done: 'yes' }, 'invalid-field'],
    ];
    for (const [patch, code] of cases) {
      const error = await addTask(db, { ...base, ...patch } as typeof base).catch((e: unknown) => e);
      expect(error, code).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).code).toBe(code);
    }
    const missing = await updateTask(db, 'nope', { done: true }).catch((e: unknown) => e);
    expect((missing as RecordValidationError).code).toBe('not-found');
    expect(await listTasks(db)).toEqual([]);
  });
});

describe('memoTasks', () => {
  it('reproduces the ten tasks of the 2564 memo calendar in Gregorian dates', () => {
    const tasks = memoTasks(2564);
    expect(tasks).toHaveLength(10);
    expect(tasks.every((t) => isIsoDate(t.end) && t.start !== null && isIsoDate(t.start) && t.start <= t.end)).toBe(
      true,
    );
    expect(tasks.every((t) => !t.done && t.title.trim() !== '' && t.people.trim() !== '')).toBe(true);
    expect(tasks[0]).toMatchObject({ start: '2021-02-01', end: '2021-02-18', people: 'ทุกหน่วยงาน' });
    expect(tasks[3]).toMatchObject({ start: '2021-02-19', end: '2021-02-28' });
    expect(tasks[3]!.title).toContain('O1–O43');
    expect(tasks[7]).toMatchObject({ title: 'ตอบแบบเปิดเผยข้อมูล (OIT) ในระบบ', start: '2021-03-01', end: '2021-04-20' });
    expect(tasks[9]).toMatchObject({ start: '2021-06-01', end: '2021-06-15' });
    expect(new Set(tasks.map((t) => t.id)).size).toBe(10);
  });

  it('shifts to another fiscal year', () => {
    expect(memoTasks(2568)[9]).toMatchObject({ start: '2025-06-01', end: '2025-06-15', id: 'memo-2568-10' });
  });

  it('seeds idempotently and lists by deadline', async () => {
    const db = freshDb();
    await seedTasks(db, memoTasks(2564));
    await seedTasks(db, memoTasks(2564));
    const list = await listTasks(db);
    expect(list).toHaveLength(10);
    expect(list.map((t) => t.end)).toEqual([...list.map((t) => t.end)].sort());
    expect(list[0]!.end).toBe('2021-02-18');
    expect(list[9]!.end).toBe('2021-06-15');
  });
});
