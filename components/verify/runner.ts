/**
 * The re-verify job, kept at module level so that switching tabs in the side panel does not stop
 * it. It runs in the side panel (an extension page), never in the service worker, which may be
 * killed mid-run; results are stored as they complete (lib/verify/job) so a closed panel can resume.
 */
import { useSyncExternalStore } from 'react';
import { browser } from 'wxt/browser';
import type { CriteriaSet } from '../../lib/criteria/types';
import type { EvidenceRecord } from '../../lib/evidence/types';
import type { ItaDb } from '../../lib/storage/db';
import { getBlob } from '../../lib/storage/evidence-repo';
import { runVerifyJob } from '../../lib/verify/job';
import { getJob, setJobStatus } from '../../lib/verify/store';
import type { VerifyResult } from '../../lib/verify/types';
import { refreshVerifyResults } from './results-store';
import { NO_PERMISSION } from './verdict';

type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

export interface RunState {
  phase: RunPhase;
  done: number;
  total: number;
  crawling: boolean;
  ok: number;
  bad: number;
  error: string | null;
}

export interface RunInput {
  db: ItaDb;
  evidence: EvidenceRecord[];
  set: CriteriaSet;
  fiscalYear: number;
  homeUrl: string;
  crawl: boolean;
  resume: boolean;
}

const CRAWL_LIMITS = { depth: 3, maxPages: 500 };

let state: RunState = { phase: 'idle', done: 0, total: 0, crawling: false, ok: 0, bad: 0, error: null };
let controller: AbortController | null = null;
const listeners = new Set<() => void>();

function update(patch: Partial<RunState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

/** Progress is shown at most every PROGRESS_MS: one re-render per result made long runs quadratic. */
const PROGRESS_MS = 250;
let progressTimer: ReturnType<typeof setTimeout> | null = null;
let pendingProgress: Partial<RunState> | null = null;

function updateProgress(patch: Partial<RunState>): void {
  pendingProgress = { ...pendingProgress, ...patch };
  progressTimer ??= setTimeout(flushProgress, PROGRESS_MS);
}

function flushProgress(): void {
  if (progressTimer) clearTimeout(progressTimer);
  progressTimer = null;
  const patch = pendingProgress;
  pendingProgress = null;
  if (patch) update(patch);
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

export function useRunState(): RunState {
  return useSyncExternalStore(subscribe, () => state);
}

export function cancelVerify(): void {
  controller?.abort();
}

/** Origins (scheme://host) among the URLs that the extension holds no host permission for. */
async function originsWithoutPermission(urls: string[]): Promise<Set<string>> {
  const origins = new Set<string>();
  for (const u of urls) {
    try {
      origins.add(new URL(u).origin);
    } catch {
      /* an invalid URL fails as broken anyway */
    }
  }
  const missing = new Set<string>();
  for (const o of origins) {
    const ok = await browser.permissions.contains({ origins: [`${o}/*`] }).catch(() => true);
    if (!ok) missing.add(o);
  }
  return missing;
}

function originOf(u: string): string | null {
  try {
    return new URL(u).origin;
  } catch {
    return null;
  }
}

export async function runVerify(input: RunInput): Promise<void> {
  if (state.phase === 'running') return;
  const c = new AbortController();
  controller = c;
  update({ phase: 'running', done: 0, total: 0, crawling: false, ok: 0, bad: 0, error: null });
  const { db } = input;
  let begun = false;
  try {
    const urls = input.evidence.flatMap((e) => [
      e.url || e.requestedUrl,
      ...e.artifacts.flatMap((a) => (a.sourceUrl ? [a.sourceUrl] : [])),
    ]);
    const missing = await originsWithoutPermission(urls);
    const summary = await runVerifyJob({
      db,
      evidence: input.evidence,
      getBlob: (id) => getBlob(db, id),
      set: input.set,
      fiscalYear: input.fiscalYear,
      homeUrl: input.homeUrl,
      crawl: input.crawl,
      crawlLimits: CRAWL_LIMITS,
      resume: input.resume,
      fetch: (u, init) => fetch(u, init),
      signal: c.signal,
      annotate: (r) => annotate(r, missing),
      onStart: (total, crawling) => {
        begun = true;
        update({ total, crawling });
      },
      onProgress: (n, total) => updateProgress({ done: n, total }),
      onResult: () => {
        if (state.crawling) updateProgress({ crawling: false });
      },
    });
    flushProgress();
    await refreshVerifyResults();
    update({ phase: 'done', crawling: false, ok: summary.ok, bad: summary.bad });
  } catch (e) {
    flushProgress();
    const cancelled = c.signal.aborted;
    if (begun) await setJobStatus(db, cancelled ? 'cancelled' : 'failed').catch(() => undefined);
    const job = begun ? await getJob(db).catch(() => null) : null;
    await refreshVerifyResults();
    update({
      phase: cancelled ? 'cancelled' : 'failed',
      crawling: false,
      done: job ? job.done : state.done,
      error: cancelled ? null : e instanceof Error ? e.message : String(e),
    });
  } finally {
    if (controller === c) controller = null;
  }
}

/** A network failure on a site without host permission is a permission problem, not a dead link. */
function annotate(r: VerifyResult, missing: Set<string>): VerifyResult {
  const origin = originOf(r.url);
  if (r.details.error !== 'network' || !origin || !missing.has(origin)) return r;
  return { ...r, details: { ...r.details, error: NO_PERMISSION } };
}
