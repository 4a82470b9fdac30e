import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTargets } from '../../../lib/verify/verify';
import { fetchChain } from '../../../lib/verify/fetch-chain';
import { makeNetContext } from '../../../lib/verify/net-context';
import { parseRetryAfter } from '../../../lib/verify/request';
import type { FixtureServer } from '../../fixtures/verify-server';
import { startSite, testOptions } from './site';

let site: FixtureServer;
const events: string[] = [];
beforeAll(async () => {
  site = await startSite(events);
});
afterAll(() => site.close());

async function one(path: string, extra: Parameters<typeof testOptions>[0] = {}, sleeps: number[] = []) {
  const [r] = await verifyTargets([{ key: path, url: site.url(path), criterion: 'O1' }], testOptions(extra, sleeps));
  if (!r) throw new Error('no result');
  return r;
}

describe('network checks', () => {
  it('200: a plain page is ok', async () => {
    const r = await one('/ok');
    expect(r).toMatchObject({ ok: true, status: 200, problems: [], redirects: [], finalUrl: site.url('/ok') });
  });

  it('404: broken', async () => {
    const r = await one('/missing');
    expect(r.ok).toBe(false);
    expect(r.status).toBe(404);
    expect(r.problems).toEqual(['broken']);
  });

  it('500: broken after the retries', async () => {
    const sleeps: number[] = [];
    const before = site.log.filter((l) => l === 'GET /error').length;
    const r = await one('/error', { retries: 2 }, sleeps);
    expect(r.problems).toEqual(['broken']);
    expect(r.status).toBe(500);
    expect(site.log.filter((l) => l === 'GET /error').length - before).toBe(3);
    expect(sleeps).toHaveLength(2);
    expect(sleeps[1]!).toBeGreaterThan(sleeps[0]!); // doubling backoff
  });

  it('301→302 chain: every hop with its code', async () => {
    const r = await one('/r1');
    expect(r.ok).toBe(true);
    expect(r.redirects).toEqual([
      { url: site.url('/r1'), status: 301 },
      { url: site.url('/r2'), status: 302 },
    ]);
    expect(r.finalUrl).toBe(site.url('/ok'));
    expect(r.status).toBe(200);
  });

  it('redirect loop is detected', async () => {
    const r = await one('/loop-a');
    expect(r.problems).toEqual(['redirect-loop']);
    expect(r.redirects.map((h) => h.status)).toEqual([302, 302]);
  });

  it('a redirect to the site root counts as dead', async () => {
    const r = await one('/gone');
    expect(r.problems).toEqual(['broken']);
    expect(r.details.error).toBe('dead-redirect');
    expect(r.finalUrl).toBe(site.url('/'));
  });

  it('slow response: timeout, and the deadline is total: no retry starts once it has passed', async () => {
    const r = await one('/slow', { timeoutMs: 300, retries: 1 });
    expect(r.problems).toEqual(['timeout']);
    expect(r.status).toBeNull();
    expect(r.details.attempts).toBe(1);
  });

  it('503 then 200: retried and ok', async () => {
    const sleeps: number[] = [];
    const r = await one('/flaky', {}, sleeps);
    expect(r.ok).toBe(true);
    expect(r.details.attempts).toBe(2);
    expect(sleeps).toHaveLength(1);
  });

  it('429 with Retry-After: 1 waits 1000 ms before asking again', async () => {
    const r = await one('/busy', { sleep: async (ms) => void events.push(`sleep ${ms}`) });
    expect(r.ok).toBe(true);
    expect(events).toEqual(['429', 'sleep 1000', '200']);
  });

  it('Retry-After is capped at maxRetryAfterMs', async () => {
    const sleeps: number[] = [];
    const r = await one('/very-busy', { maxRetryAfterMs: 250 }, sleeps);
    expect(r.ok).toBe(true);
    expect(sleeps).toEqual([250]);
  });

  it('Retry-After accepts seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', new Date())).toBe(120_000);
    expect(parseRetryAfter('Wed, 21 Oct 2015 07:28:00 GMT', new Date('2015-10-21T07:27:00Z'))).toBe(60_000);
    expect(parseRetryAfter('soon', new Date())).toBeNull();
  });

  it('HEAD 405 while GET works: falls back to GET', async () => {
    const ctx = makeNetContext(testOptions());
    const r = await fetchChain(ctx, site.url('/nohead/page'), { method: 'HEAD' });
    expect(r.status).toBe(200);
    expect(r.method).toBe('GET');
    const idx = site.log.lastIndexOf('HEAD /nohead/page');
    expect(site.log[idx + 1]).toBe('GET /nohead/page');
    // and the whole verification of such a page is ok (its sibling probe also fell back)
    const v = await one('/nohead/page');
    expect(v.ok).toBe(true);
    expect(site.log.some((l) => /^HEAD \/nohead\/ita-verify-/.test(l))).toBe(true);
    expect(site.log.some((l) => /^GET \/nohead\/ita-verify-/.test(l))).toBe(true);
  });

  it('opaque manual redirects (extension pages): falls back to redirect: follow', async () => {
    const modes: string[] = [];
    const opaqueFetch = async (u: string, init?: RequestInit): Promise<Response> => {
      modes.push(String(init?.redirect));
      const res = await fetch(u, init);
      if (init?.redirect === 'manual' && res.status >= 300 && res.status < 400) {
        return {
          type: 'opaqueredirect',
          status: 0,
          headers: new Headers(),
          body: null,
          url: '',
          redirected: false,
        } as unknown as Response;
      }
      return res;
    };
    const [r] = await verifyTargets(
      [{ key: 'k', url: site.url('/r1'), criterion: 'O1' }],
      testOptions({ fetch: opaqueFetch }),
    );
    expect(r?.ok).toBe(true);
    expect(r?.finalUrl).toBe(site.url('/ok'));
    expect(r?.redirects).toEqual([{ url: site.url('/r1'), status: 0 }]);
    expect(r?.details.redirectMode).toBe('follow');
    expect(modes.slice(0, 2)).toEqual(['manual', 'follow']);
  });

  it('a network error (nothing listening) is broken', async () => {
    const [dead] = await verifyTargets(
      [{ key: 'x', url: 'http://127.0.0.1:9/', criterion: 'O1' }],
      testOptions({ retries: 1 }),
    );
    expect(dead?.problems).toEqual(['broken']);
    expect(dead?.details).toMatchObject({ error: 'network', attempts: 2 });
  });
});
