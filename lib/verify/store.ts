/**
 * Re-verification results in the `verify` table, and the resumable job state in `meta`.
 * Each result is written as soon as it is final, together with the job's list of done keys, so a
 * run interrupted by closing the side panel resumes where it stopped.
 */
import type { ItaDb, VerifyRow } from '../storage/db';
import { isProblemCode } from './problems';
import type { VerifyResult } from './types';

export const VERIFY_JOB_KEY = 'verifyJob';

export type VerifyJobStatus = 'running' | 'cancelled' | 'done' | 'failed';

export interface VerifyJobState {
  version: 1;
  startedAt: string;
  finishedAt: string | null;
  status: VerifyJobStatus;
  /** Whether the run checks that pages are linked from the home page. */
  crawl: boolean;
  /** Every target key of the run, and those whose result is stored. */
  keys: string[];
  doneKeys: string[];
}

/** Loose check of stored rows: the table may also hold results imported from a bundle. */
export function isVerifyResult(v: unknown): v is VerifyResult {
  if (!v || typeof v !== 'object') return false;
  const r = v as Record<string, unknown>;
  return (
    typeof r.key === 'string' &&
    typeof r.url === 'string' &&
    typeof r.ok === 'boolean' &&
    typeof r.checkedAt === 'string' &&
    Array.isArray(r.problems) &&
    r.problems.every((p) => typeof p === 'string' && isProblemCode(p))
  );
}

export function toRow(result: VerifyResult): VerifyRow {
  return { key: result.key, evidenceId: result.evidenceId ?? '', checkedAt: result.checkedAt, result };
}

export async function loadResults(db: ItaDb): Promise<VerifyResult[]> {
  const rows = await db.verify.toArray();
  return rows.map((r) => r.result).filter(isVerifyResult);
}

export async function getJob(db: ItaDb): Promise<VerifyJobState | null> {
  const v = (await db.meta.get(VERIFY_JOB_KEY))?.value;
  if (!v || typeof v !== 'object') return null;
  const j = v as Partial<VerifyJobState>;
  if (j.version !== 1 || !Array.isArray(j.keys) || !Array.isArray(j.doneKeys) || typeof j.startedAt !== 'string') return null;
  return j as VerifyJobState;
}

/** Starts a fresh job. Results of targets that no longer exist are dropped; the rest stay until replaced. */
export async function beginJob(db: ItaDb, keys: string[], crawl: boolean, now: () => Date = () => new Date()): Promise<VerifyJobState> {
  const job: VerifyJobState = {
    version: 1,
    startedAt: now().toISOString(),
    finishedAt: null,
    status: 'running',
    crawl,
    keys: [...new Set(keys)],
    doneKeys: [],
  };
  const keep = new Set(job.keys);
  await db.transaction('rw', db.verify, db.meta, async () => {
    await db.verify.filter((r) => !keep.has(r.key)).delete();
    await db.meta.put({ key: VERIFY_JOB_KEY, value: job });
  });
  return job;
}

/** Stores one result and marks its key done in the job, in one transaction. */
export async function saveResult(db: ItaDb, result: VerifyResult): Promise<void> {
  await db.transaction('rw', db.verify, db.meta, async () => {
    await db.verify.put(toRow(result));
    const job = await getJob(db);
    if (job && job.keys.includes(result.key) && !job.doneKeys.includes(result.key)) {
      await db.meta.put({ key: VERIFY_JOB_KEY, value: { ...job, doneKeys: [...job.doneKeys, result.key] } });
    }
  });
}

export async function setJobStatus(db: ItaDb, status: VerifyJobStatus, now: () => Date = () => new Date()): Promise<VerifyJobState | null> {
  return db.transaction('rw', db.meta, async () => {
    const job = await getJob(db);
    if (!job) return null;
    const next: VerifyJobState = { ...job, status, finishedAt: status === 'running' ? null : now().toISOString() };
    await db.meta.put({ key: VERIFY_JOB_KEY, value: next });
    return next;
  });
}

/** True when a job stopped before checking every target (panel closed, cancelled, failed). */
export function isResumable(job: VerifyJobState | null): job is VerifyJobState {
  return !!job && job.status !== 'done' && job.doneKeys.length < job.keys.length;
}

/** The stored results a resumed run may skip: those of this job's done keys, checked since it started. */
export async function resumeResults(db: ItaDb, job: VerifyJobState): Promise<VerifyResult[]> {
  const done = new Set(job.doneKeys);
  const rows = await db.verify.bulkGet([...done]);
  return rows
    .map((r) => r?.result)
    .filter(isVerifyResult)
    .filter((r) => done.has(r.key) && r.checkedAt >= job.startedAt);
}
