/**
 * Re-verification results in the `verify` table, and the resumable job state in `meta`.
 * Each result is one row, written as soon as it is final; the job row is small and fixed in size
 * (counts, not key lists), so storing a result costs the same on the 3,000th as on the first.
 * A row carries the start time of the job that wrote it: a resumed run skips exactly those.
 */
import type { ItaDb, VerifyRow } from '../storage/db';
import { isProblemCode } from './problems';
import type { VerifyResult } from './types';

export const VERIFY_JOB_KEY = 'verifyJob';

export type VerifyJobStatus = 'running' | 'cancelled' | 'done' | 'failed';

export interface VerifyJobState {
  version: 2;
  /** Also the job's identity: rows written by this job carry it as `job`. */
  startedAt: string;
  finishedAt: string | null;
  status: VerifyJobStatus;
  /** Whether the run checks that pages are linked from the home page. */
  crawl: boolean;
  /** Targets in the run, and how many of them have a stored result from this job. */
  total: number;
  done: number;
}

/** Version 1 kept every key and every done key in the job row (rewritten on every result). */
interface VerifyJobStateV1 {
  version: 1;
  startedAt: string;
  finishedAt: string | null;
  status: VerifyJobStatus;
  crawl: boolean;
  keys: string[];
  doneKeys: string[];
}

/** A row of the verify table as this module writes it: `job` names the run that wrote it. */
type JobRow = VerifyRow & { job?: string };

/** Loose check of stored rows: the table may also hold results imported from a bundle. */
function isVerifyResult(v: unknown): v is VerifyResult {
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

function toRow(result: VerifyResult, job?: string): VerifyRow {
  const row: JobRow = { key: result.key, evidenceId: result.evidenceId ?? '', checkedAt: result.checkedAt, result };
  if (job) row.job = job;
  return row;
}

export async function loadResults(db: ItaDb): Promise<VerifyResult[]> {
  const rows = await db.verify.toArray();
  return rows.map((r) => r.result).filter(isVerifyResult);
}

/** Version 1 → 2: the key lists become counts. Rows of a v1 job carry no job mark; they are re-checked. */
export function migrateJob(v: unknown): VerifyJobState | null {
  if (!v || typeof v !== 'object') return null;
  const j = v as Partial<VerifyJobState> | Partial<VerifyJobStateV1>;
  if (typeof j.startedAt !== 'string' || typeof j.status !== 'string') return null;
  const base = {
    startedAt: j.startedAt,
    finishedAt: typeof j.finishedAt === 'string' ? j.finishedAt : null,
    status: j.status,
    crawl: j.crawl === true,
  };
  if (j.version === 1 && Array.isArray(j.keys) && Array.isArray(j.doneKeys)) {
    return { version: 2, ...base, total: new Set(j.keys).size, done: 0 };
  }
  if (j.version === 2 && Number.isInteger(j.total) && Number.isInteger(j.done)) {
    return { version: 2, ...base, total: j.total!, done: j.done! };
  }
  return null;
}

export async function getJob(db: ItaDb): Promise<VerifyJobState | null> {
  return migrateJob((await db.meta.get(VERIFY_JOB_KEY))?.value);
}

/** Starts a fresh job. Results of targets that no longer exist are dropped; the rest stay until replaced. */
export async function beginJob(
  db: ItaDb,
  keys: string[],
  crawl: boolean,
  now: () => Date = () => new Date(),
): Promise<VerifyJobState> {
  const keep = new Set(keys);
  const job: VerifyJobState = {
    version: 2,
    startedAt: now().toISOString(),
    finishedAt: null,
    status: 'running',
    crawl,
    total: keep.size,
    done: 0,
  };
  await db.transaction('rw', db.verify, db.meta, async () => {
    await db.verify.filter((r) => !keep.has(r.key)).delete();
    await db.meta.put({ key: VERIFY_JOB_KEY, value: job });
  });
  return job;
}

/**
 * Stores results (one row each) and counts those new to the running job, in one transaction:
 * one read and one write per result plus one small job write, whatever the job's size.
 */
export async function saveResults(db: ItaDb, results: VerifyResult[]): Promise<void> {
  if (results.length === 0) return;
  await db.transaction('rw', db.verify, db.meta, async () => {
    const job = await getJob(db);
    const mark = job?.status === 'running' ? job.startedAt : undefined;
    const before = (await db.verify.bulkGet(results.map((r) => r.key))) as (JobRow | undefined)[];
    let added = 0;
    const seen = new Set<string>();
    results.forEach((r, i) => {
      if (mark && before[i]?.job !== mark && !seen.has(r.key)) added++;
      seen.add(r.key);
    });
    await db.verify.bulkPut(results.map((r) => toRow(r, mark)));
    if (job && mark && added > 0) {
      await db.meta.put({ key: VERIFY_JOB_KEY, value: { ...job, done: Math.min(job.total, job.done + added) } });
    }
  });
}

export async function saveResult(db: ItaDb, result: VerifyResult): Promise<void> {
  await saveResults(db, [result]);
}

export async function setJobStatus(
  db: ItaDb,
  status: VerifyJobStatus,
  now: () => Date = () => new Date(),
): Promise<VerifyJobState | null> {
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
  return !!job && job.status !== 'done' && job.done < job.total;
}

/** Keys a resumed run may skip: those whose stored result this job wrote. */
export async function resumeKeys(db: ItaDb, job: VerifyJobState): Promise<Set<string>> {
  const keys = new Set<string>();
  await db.verify.each((r: JobRow) => {
    if (r.job === job.startedAt && isVerifyResult(r.result)) keys.add(r.key);
  });
  return keys;
}

/** Counts of the stored results of this job, for the summary of a resumed run. */
export async function jobCounts(db: ItaDb, job: VerifyJobState): Promise<{ ok: number; bad: number }> {
  let ok = 0;
  let bad = 0;
  await db.verify.each((r: JobRow) => {
    if (r.job !== job.startedAt || !isVerifyResult(r.result)) return;
    if (r.result.ok) ok++;
    else bad++;
  });
  return { ok, bad };
}
