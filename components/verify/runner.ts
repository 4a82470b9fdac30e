/**
 * The re-verify job, kept at module level so that switching tabs in the side panel does not stop
 * it. It runs in the side panel (an extension page), never in the service worker, which may be
 * killed mid-run; every result is stored as it completes so a closed panel can resume.
 */
import { useSyncExternalStore } from 'react';
import { browser } from 'wxt/browser';
import type { CriteriaSet } from '../../lib/criteria/types';
import type { EvidenceRecord } from '../../lib/evidence/types';
import type { ItaDb } from '../../lib/storage/db';
import { getBlob } from '../../lib/storage/evidence-repo';
import { verifyTargets } from '../../lib/verify';
import { beginJob, getJob, resumeResults, saveResult, setJobStatus } from '../../lib/verify/store';
import { targetsFromEvidence } from '../../lib/verify/targets-from-db';
import type { VerifyResult } from '../../lib/verify/types';
import { NO_PERMISSION } from './verdict';

export type RunPhase = 'idle' | 'running' | 'done' | 'cancelled' | 'failed';

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

export const CRAWL_LIMITS = { depth: 3, maxPages: 500 };

let state: RunState = { phase: 'idle', done: 0, total: 0, crawling: false, ok: 0, bad: 0, error: null };
let controller: AbortController | null = null;
const listeners = new Set<() => void>();

function update(patch: Partial<RunState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
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
  const saves: Promise<void>[] = [];
  let begun = false;
  try {
    const targets = await targetsFromEvidence(input.evidence, (id) => getBlob(db, id), input.set);
    const prior = input.resume ? await getJob(db) : null;
    const done = prior ? await resumeResults(db, prior) : [];
    const crawl = prior ? prior.crawl : input.crawl;
    if (prior) await setJobStatus(db, 'running');
    else await beginJob(db, targets.map((t) => t.key), crawl);
    begun = true;
    const missing = await originsWithoutPermission(targets.map((t) => t.url));
    const home = crawl && input.homeUrl ? input.homeUrl : undefined;
    update({ total: targets.length, crawling: !!home });

    const results = await verifyTargets(targets, {
      fetch: (u, init) => fetch(u, init),
      fiscalYear: input.fiscalYear,
      ...(home ? { home, crawl: CRAWL_LIMITS } : {}),
      signal: c.signal,
      done,
      onProgress: (n, total) => update({ done: n, total }),
      onResult: (r) => {
        if (c.signal.aborted || r.details.error === 'aborted') return;
        update({ crawling: false });
        saves.push(saveResult(db, annotate(r, missing)));
      },
    });
    await Promise.all(saves);
    await setJobStatus(db, 'done');
    const bad = results.filter((r) => !r.ok).length;
    update({ phase: 'done', crawling: false, ok: results.length - bad, bad });
  } catch (e) {
    await Promise.allSettled(saves);
    const cancelled = c.signal.aborted;
    if (begun) await setJobStatus(db, cancelled ? 'cancelled' : 'failed').catch(() => undefined);
    const job = begun ? await getJob(db).catch(() => null) : null;
    update({
      phase: cancelled ? 'cancelled' : 'failed',
      crawling: false,
      done: job ? job.doneKeys.length : state.done,
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
