/**
 * One shared live view of the `verify` table for the whole page: the panel and every checklist
 * item read it without each opening its own query.
 */
import { useSyncExternalStore } from 'react';
import { liveQuery, type Subscription } from 'dexie';
import { loadResults } from '../../lib/verify/store';
import type { VerifyResult } from '../../lib/verify/types';
import { getDb } from '../db';

let current: VerifyResult[] | undefined;
let sub: Subscription | null = null;
const listeners = new Set<() => void>();

function subscribe(fn: () => void): () => void {
  listeners.add(fn);
  sub ??= liveQuery(() => loadResults(getDb())).subscribe({
    next: (rows) => {
      current = rows;
      for (const l of listeners) l();
    },
    error: () => undefined,
  });
  return () => {
    listeners.delete(fn);
    if (listeners.size === 0) {
      sub?.unsubscribe();
      sub = null;
    }
  };
}

export function useVerifyResults(): VerifyResult[] | undefined {
  return useSyncExternalStore(subscribe, () => current);
}
