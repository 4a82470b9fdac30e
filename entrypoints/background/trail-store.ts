import { browser } from 'wxt/browser';
import { appendTrail, clickPathTo, inheritTrail, parseTrail, type TrailEvent } from '../../lib/capture/clickpath';
import type { ClickStep } from '../../lib/evidence/types';

/** Per-tab navigation trails in session storage: they survive the service worker being killed. */
const key = (tabId: number) => `trail:${tabId}`;

export async function readTrail(tabId: number): Promise<TrailEvent[]> {
  const got = await browser.storage.session.get(key(tabId));
  return parseTrail(got[key(tabId)]);
}

// Events of one tab arrive close together (click, then load): serialise read-modify-write per tab.
const queues = new Map<number, Promise<unknown>>();

function enqueue(tabId: number, run: () => Promise<void>): Promise<void> {
  const next = (queues.get(tabId) ?? Promise.resolve()).then(run, run);
  queues.set(tabId, next);
  return next;
}

export function recordTrail(tabId: number, ev: Omit<TrailEvent, 'at'>, now = new Date()): Promise<void> {
  return enqueue(tabId, async () => {
    const trail = appendTrail(await readTrail(tabId), { ...ev, at: now.toISOString() });
    await browser.storage.session.set({ [key(tabId)]: trail });
  });
}

/**
 * A tab opened from another (target=_blank link) starts with its opener's trail: the opener
 * recorded the click, so the new tab's page keeps its path from the home page.
 */
export function copyTrail(fromTabId: number, toTabId: number): Promise<void> {
  return enqueue(toTabId, async () => {
    await queues.get(fromTabId)?.catch(() => undefined);
    const inherited = await readTrail(fromTabId);
    if (inherited.length === 0) return;
    await browser.storage.session.set({ [key(toTabId)]: inheritTrail(inherited, await readTrail(toTabId)) });
  });
}

export async function pathForTab(
  tabId: number,
  url: string,
  homeUrl: string,
): Promise<{ path: ClickStep[]; reachedFromHome: boolean }> {
  await queues.get(tabId);
  return clickPathTo(await readTrail(tabId), url, homeUrl);
}

export function forgetTab(tabId: number): Promise<void> {
  queues.delete(tabId);
  return browser.storage.session.remove(key(tabId));
}
