import { browser } from 'wxt/browser';
import { appendTrail, clickPathTo, type TrailEvent } from '../../lib/capture/clickpath';
import type { ClickStep } from '../../lib/evidence/types';

/** Per-tab navigation trails in session storage: they survive the service worker being killed. */
const key = (tabId: number) => `trail:${tabId}`;

export async function readTrail(tabId: number): Promise<TrailEvent[]> {
  const got = await browser.storage.session.get(key(tabId));
  const v = got[key(tabId)];
  return Array.isArray(v) ? (v as TrailEvent[]) : [];
}

// Events of one tab arrive close together (click, then load): serialise read-modify-write per tab.
const queues = new Map<number, Promise<unknown>>();

export function recordTrail(tabId: number, ev: Omit<TrailEvent, 'at'>, now = new Date()): Promise<void> {
  const run = async () => {
    const trail = appendTrail(await readTrail(tabId), { ...ev, at: now.toISOString() });
    await browser.storage.session.set({ [key(tabId)]: trail });
  };
  const next = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  queues.set(tabId, next);
  return next;
}

export async function pathForTab(tabId: number, url: string, homeUrl: string): Promise<{ path: ClickStep[]; reachedFromHome: boolean }> {
  await queues.get(tabId);
  return clickPathTo(await readTrail(tabId), url, homeUrl);
}

export function forgetTab(tabId: number): Promise<void> {
  queues.delete(tabId);
  return browser.storage.session.remove(key(tabId));
}
