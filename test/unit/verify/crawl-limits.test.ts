import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTargets } from '../../../lib/verify/verify';
import { findLinkPaths } from '../../../lib/verify/crawl';
import { makeNetContext } from '../../../lib/verify/net-context';
import { page, sendHtml, startServer, type FixtureServer } from '../../fixtures/verify-server';
import type { VerifyResult } from '../../../lib/verify/types';
import { startSite, testOptions } from './site';

let site: FixtureServer;
beforeAll(async () => {
  site = await startSite();
});
afterAll(() => site.close());

describe('linked from the main website', () => {
  it('finds the link path from home, and reports an unlinked page', async () => {
    const [linked, orphan] = await verifyTargets(
      [
        { key: 'a', url: site.url('/ok'), criterion: 'O9' },
        { key: 'b', url: site.url('/orphan'), criterion: 'O9' },
      ],
      testOptions({ home: site.url('/') }),
    );
    expect(linked?.ok).toBe(true);
    expect(linked?.linkPath).toEqual([
      { url: site.url('/'), linkText: '' },
      { url: site.url('/about'), linkText: 'เกี่ยวกับเรา' },
      { url: site.url('/ok'), linkText: 'แผนการดำเนินงาน' },
    ]);
    expect(orphan?.problems).toEqual(['unlinked']);
    expect(orphan?.linkPath).toBeNull();
  });

  it('the crawl respects its depth bound', async () => {
    const ctx = makeNetContext(testOptions());
    const shallow = await findLinkPaths(ctx, site.url('/'), [site.url('/ok')], { depth: 1 });
    expect(shallow.lookup(site.url('/ok'))).toBeNull(); // /ok is two clicks away
    expect(shallow.pagesFetched).toBe(1);
  });

  it('the crawl is cancellable', async () => {
    const ac = new AbortController();
    ac.abort(new Error('stop'));
    const ctx = makeNetContext(testOptions({ signal: ac.signal }));
    await expect(findLinkPaths(ctx, site.url('/'), [site.url('/ok')])).rejects.toThrow();
  });
});

describe('per-host limits', () => {
  it('never more than perHost requests in flight on one host', async () => {
    const busy = await startServer((_q, res, path) => sendHtml(res, page(path, `หน้า ${path}`)), { latencyMs: 30 });
    try {
      const targets = Array.from({ length: 12 }, (_, i) => ({
        key: `k${i}`,
        url: busy.url(`/p${i}`),
        criterion: 'O1',
      }));
      const results = await verifyTargets(targets, testOptions({ perHost: 2 }));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(busy.log.length).toBeGreaterThanOrEqual(12);
      expect(busy.maxInFlight).toBeLessThanOrEqual(2);
      expect(busy.maxInFlight).toBe(2); // and the limit is actually used
    } finally {
      await busy.close();
    }
  });
});

describe('resumability', () => {
  it('targets already done are not fetched again, and their results are kept', async () => {
    const prior: VerifyResult = {
      key: 'done',
      url: site.url('/r1'),
      criterion: 'O1',
      evidenceId: null,
      kind: 'page',
      checkedAt: '2021-01-01T00:00:00.000Z',
      ok: true,
      status: 200,
      finalUrl: site.url('/ok'),
      redirects: [],
      problems: [],
      similarity: null,
      linkPath: null,
      details: {},
    };
    const before = site.log.length;
    const seen: string[] = [];
    const progress: [number, number][] = [];
    const results = await verifyTargets(
      [
        { key: 'done', url: site.url('/r1'), criterion: 'O1' },
        { key: 'new', url: site.url('/news'), criterion: 'O1' },
      ],
      testOptions({ done: [prior], onResult: (r) => seen.push(r.key), onProgress: (d, t) => progress.push([d, t]) }),
    );
    expect(results.map((r) => r.key)).toEqual(['done', 'new']);
    expect(results[0]).toBe(prior);
    expect(seen).toEqual(['new']);
    expect(progress).toEqual([
      [1, 2],
      [2, 2],
    ]);
    expect(site.log.slice(before).some((l) => l.includes('/r1'))).toBe(false);
    expect(JSON.parse(JSON.stringify(results[1]))).toEqual(results[1]); // plain, serialisable
  });
});
