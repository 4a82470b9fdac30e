/**
 * One shared live view of the `verify` table for the whole page: the panel and every checklist
 * item read it without each opening its own query. During a long run the table changes several
 * times a second; reading every row (and redrawing the table) on each change made a 3,000-URL run
 * quadratic. So a cheap query (the row count) watches the table, and the rows are read again at
 * most once per RELOAD_MS, or per RELOAD_MS_PER_ROW × rows for large tables.
 */
import { useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import { loadResults } from '../../lib/verify/store';
import type { VerifyResult } from '../../lib/verify/types';
import { getDb } from '../db';

const RELOAD_MS = 1000;
const RELOAD_MS_PER_ROW = 2;

let shown: VerifyResult[] | undefined;
let sub: Subscription | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
let loading: Promise<void> | null = null;
let again = false;
let lastLoad = 0;
const listeners = new Set<() => void>();

function reload(): Promise<void> {
  timer = null;
  if (loading) {
    again = true;
    return loading;
  }
  lastLoad = Date.now();
  loading = loadResults(getDb())
    .then((rows) => {
      shown = rows;
      for (const l of listeners) l();
    })
    .catch(() => undefined) // the next change tries again
    .finally(() => {
      loading = null;
      if (again) {
        again = false;
        schedule();
      }
    });
  return loading;
}

function schedule(): void {
  if (timer || !sub) return;
  const every = Math.max(RELOAD_MS, (shown?.length ?? 0) * RELOAD_MS_PER_ROW);
  timer = setTimeout(() => void reload(), Math.max(0, lastLoad + every - Date.now()));
}

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  // Any write to the table re-runs this count; the rows themselves are read by reload().
  sub ??= liveQuery(() => getDb().verify.count()).subscribe({ next: schedule, error: () => undefined });
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0) {
      sub?.unsubscribe();
      sub = null;
      if (timer) clearTimeout(timer);
      timer = null;
    }
  };
}

/** Read the rows now (a run just ended: its last results show at once, not a second later). */
export async function refreshVerifyResults(): Promise<void> {
  if (!sub) return;
  if (timer) clearTimeout(timer);
  timer = null;
  if (loading) await loading; // that read may predate the last stored results
  again = false;
  await reload();
}

export function useVerifyResults(): VerifyResult[] | undefined {
  return useSyncExternalStore(subscribe, () => shown);
}
