/**
 * A re-verify job over the extension's database: resumable, results stored as they arrive in
 * small batches (one row per result), nothing held per target but its key. Framework-free, so the
 * side panel runs it and the benchmark measures the same code in Node.
 */
import type { CriteriaSet } from '../criteria/types';
import type { EvidenceRecord } from '../evidence/types';
import { hostsOf } from '../net/network-policy';
import type { ItaDb } from '../storage/db';
import { beginJob, getJob, jobCounts, resumeKeys, saveResults, setJobStatus } from './store';
import { targetsFromEvidence, type BlobReader } from './targets-from-db';
import type { CrawlOptions, FetchLike, VerifyResult } from './types';
import { verifyTargets } from './verify';

/** Results are written together at most this often, or as soon as this many wait. */
const SAVE_EVERY_MS = 250;
const SAVE_BATCH = 100;

export interface JobInput {
  db: ItaDb;
  evidence: EvidenceRecord[];
  getBlob: BlobReader;
  set: CriteriaSet | undefined;
  fiscalYear: number;
  homeUrl: string;
  crawl: boolean;
  crawlLimits?: CrawlOptions;
  resume: boolean;
  fetch: FetchLike;
  signal?: AbortSignal;
  /** Adjusts a result before it is stored (the panel marks hosts it lacks permission for). */
  annotate?(r: VerifyResult): VerifyResult;
  onStart?(total: number, crawling: boolean): void;
  onProgress?(done: number, total: number): void;
  onResult?(r: VerifyResult): void;
}

export interface JobSummary {
  ok: number;
  bad: number;
  total: number;
}

export async function runVerifyJob(input: JobInput): Promise<JobSummary> {
  const { db } = input;
  const targets = await targetsFromEvidence(input.evidence, input.getBlob, input.set);
  const prior = input.resume ? await getJob(db) : null;
  const skipKeys = prior ? await resumeKeys(db, prior) : new Set<string>();
  const counts = prior ? await jobCounts(db, prior) : { ok: 0, bad: 0 };
  const crawl = prior ? prior.crawl : input.crawl;
  if (prior) await setJobStatus(db, 'running');
  else
    await beginJob(
      db,
      targets.map((t) => t.key),
      crawl,
    );
  const home = crawl && input.homeUrl ? input.homeUrl : undefined;
  input.onStart?.(targets.length, !!home);

  const buffer: VerifyResult[] = [];
  let saving: Promise<void> = Promise.resolve();
  const flush = () => {
    if (buffer.length === 0) return;
    const batch = buffer.splice(0);
    saving = saving.then(() => saveResults(db, batch));
  };
  const timer = setInterval(flush, SAVE_EVERY_MS);
  try {
    await verifyTargets(targets, {
      fetch: input.fetch,
      fiscalYear: input.fiscalYear,
      // The main website's own host may be on a private address (an intranet site); nothing else.
      policy: { allowPrivate: false, allowHosts: hostsOf([input.homeUrl]) },
      ...(home ? { home, ...(input.crawlLimits ? { crawl: input.crawlLimits } : {}) } : {}),
      ...(input.signal ? { signal: input.signal } : {}),
      skipKeys,
      collect: false,
      onProgress: input.onProgress,
      onResult: (r) => {
        if (input.signal?.aborted || r.details.error === 'aborted') return;
        const stored = input.annotate ? input.annotate(r) : r;
        if (stored.ok) counts.ok++;
        else counts.bad++;
        buffer.push(stored);
        if (buffer.length >= SAVE_BATCH) flush();
        input.onResult?.(stored);
      },
    });
  } finally {
    clearInterval(timer);
    flush();
    await saving;
  }
  await setJobStatus(db, 'done');
  return { ...counts, total: targets.length };
}
