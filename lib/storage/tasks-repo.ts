import type { TaskRecord } from '../evidence/types';
import { RecordValidationError, isIsoDate, requireString } from '../evidence/record-validation';
import type { ItaDb } from './db';

export type TaskInput = Omit<TaskRecord, 'id'>;
export type TaskPatch = Partial<TaskInput>;

const randomId = () => crypto.randomUUID();

/** Throws RecordValidationError on the first bad field. */
function validateTask(task: TaskRecord): TaskRecord {
  const title = requireString(task.title, 'title').trim();
  if (title === '') throw new RecordValidationError('title-required', 'title', task.title);
  if (!isIsoDate(task.end)) throw new RecordValidationError('invalid-date', 'end', task.end);
  if (task.start !== null && !isIsoDate(task.start))
    throw new RecordValidationError('invalid-date', 'start', task.start);
  if (task.start !== null && task.start > task.end) {
    throw new RecordValidationError('invalid-date-range', 'start', task.start);
  }
  if (typeof task.done !== 'boolean') throw new RecordValidationError('invalid-field', 'done', task.done);
  const people = requireString(task.people, 'people').trim();
  return { id: task.id, title, start: task.start, end: task.end, people, done: task.done };
}

function byEnd(a: TaskRecord, b: TaskRecord): number {
  if (a.end !== b.end) return a.end < b.end ? -1 : 1;
  const sa = a.start ?? '';
  const sb = b.start ?? '';
  if (sa !== sb) return sa < sb ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export async function addTask(db: ItaDb, input: TaskInput, newId: () => string = randomId): Promise<TaskRecord> {
  const task = validateTask({ ...input, start: input.start ?? null, id: newId() });
  await db.tasks.add(task);
  return task;
}

export async function updateTask(db: ItaDb, id: string, patch: TaskPatch): Promise<TaskRecord> {
  return db.transaction('rw', db.tasks, async () => {
    const current = await db.tasks.get(id);
    if (!current) throw new RecordValidationError('not-found', 'id', id);
    const next = validateTask({ ...current, ...patch, id });
    await db.tasks.put(next);
    return next;
  });
}

/** Returns false when there was no such task. */
export async function deleteTask(db: ItaDb, id: string): Promise<boolean> {
  return db.transaction('rw', db.tasks, async () => {
    if (!(await db.tasks.get(id))) return false;
    await db.tasks.delete(id);
    return true;
  });
}

/** Deadline first (the `end` index), then start, then id. */
export async function listTasks(db: ItaDb): Promise<TaskRecord[]> {
  const tasks = await db.tasks.orderBy('end').toArray();
  return tasks.sort(byEnd);
}

/** Writes seed tasks (e.g. `memoTasks(2564)`); tasks with the same ids are replaced. */
export async function seedTasks(db: ItaDb, tasks: readonly TaskRecord[]): Promise<void> {
  const clean = tasks.map(validateTask);
  await db.tasks.bulkPut(clean);
}
