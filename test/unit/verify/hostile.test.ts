import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTargets } from '../../../lib/verify/verify';
import type { VerifyResult } from '../../../lib/verify/types';
import {
  HOSTILE_PATHS,
  hostileHandler,
  loopbackOnlyFetch,
  page,
  sendHtml,
  startServer,
  type FixtureServer,
} from '../../fixtures/verify-server';
import { testOptions } from './site';

let server: FixtureServer;
beforeAll(async () => {
  server = await startServer((req, res, path) => {
    if (hostileHandler(req, res, path)) return;
    if (path === '/ok') return sendHtml(res, page('ประกาศ', 'ประกาศเทศบาล ปีงบประมาณ 2564'));
    sendHtml(res, page('404', 'Not Found'), 404);
  });
});
afterAll(() => server.close());

const MB = 1024 * 1024;

async function check(paths: string[], extra: Parameters<typeof testOptions>[0] = {}) {
  const attempts: string[] = [];
  const results = await verifyTargets(
    paths.map((p) => ({ key: p, url: server.url(p), criterion: 'O1' })),
    testOptions({ fetch: loopbackOnlyFetch(attempts), policy: { allowPrivate: true, allowHosts: [] }, ...extra }),
  );
  return { results, attempts, by: (p: string) => results.find((r) => r.key === p) as VerifyResult };
}

describe('hostile servers', () => {
  it('a 1 GiB body is too-large for that URL alone, read no further than the cap', async () => {
    const { by } = await check([HOSTILE_PATHS.huge, '/ok'], { maxBytes: 2 * MB });
    expect(by(HOSTILE_PATHS.huge)).toMatchObject({ ok: false, problems: ['too-large'], status: null });
    expect(by(HOSTILE_PATHS.huge).details.attempts).toBe(1); // not retried: it would only be large again
    expect(by('/ok').ok).toBe(true);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    const { by } = await check([HOSTILE_PATHS.hugeDeclared], { maxBytes: MB });
    expect(by(HOSTILE_PATHS.hugeDeclared).problems).toEqual(['too-large']);
  });

  it('a gzip bomb counts its inflated bytes', async () => {
    const { by } = await check([HOSTILE_PATHS.gzipBomb], { maxBytes: MB });
    expect(by(HOSTILE_PATHS.gzipBomb).problems).toEqual(['too-large']);
  });

  it('a trickling server gets no more than the total deadline: no retry starts after it', async () => {
    const { by } = await check([HOSTILE_PATHS.trickle], { timeoutMs: 400, retries: 3 });
    expect(by(HOSTILE_PATHS.trickle).problems).toEqual(['timeout']);
    expect(by(HOSTILE_PATHS.trickle).details.attempts).toBe(1);
  });

  it.each([
    [HOSTILE_PATHS.toLinkLocal, 'link-local', '169.254.169.254'],
    [HOSTILE_PATHS.toLinkLocalV6, 'link-local', 'fe80::1'],
    [HOSTILE_PATHS.toMetadataName, 'metadata', 'metadata.google.internal'],
    [HOSTILE_PATHS.toFile, 'not-http', ''],
  ])('a redirect from loopback into %s is blocked-address, even with private allowed', async (path, reason, host) => {
    const { by, attempts } = await check([path]);
    const r = by(path);
    expect(r.problems).toEqual(['blocked-address']);
    expect(r.details.blocked).toMatchObject({ reason, host });
    expect(r.redirects).toHaveLength(1);
    expect(attempts).toEqual([]); // the refused hop was never requested
  });

  it('a redirect into a private range is refused by default and followed with --allow-private', async () => {
    const strict = await check([HOSTILE_PATHS.toPrivate], {
      policy: { allowPrivate: false, allowHosts: ['127.0.0.1'] },
    });
    expect(strict.by(HOSTILE_PATHS.toPrivate).problems).toEqual(['blocked-address']);
    expect(strict.by(HOSTILE_PATHS.toPrivate).details.blocked).toMatchObject({ reason: 'private', host: '10.0.0.1' });
    expect(strict.attempts).toEqual([]);
    const open = await check([HOSTILE_PATHS.toPrivate], { retries: 0 });
    expect(open.attempts).toEqual(['http://10.0.0.1/admin']); // allowed: it would have been fetched
  });

  it("loopback itself is refused unless allowed, by option or as the main website's host", async () => {
    const attempts: string[] = [];
    const [r] = await verifyTargets(
      [{ key: 'a', url: server.url('/ok'), criterion: 'O1' }],
      testOptions({ fetch: loopbackOnlyFetch(attempts), policy: { allowPrivate: false, allowHosts: [] } }),
    );
    expect(r).toMatchObject({ ok: false, problems: ['blocked-address'], finalUrl: null });
    expect(r!.details.blocked).toMatchObject({ reason: 'loopback', host: '127.0.0.1', address: null });
    const [own] = await verifyTargets(
      [{ key: 'a', url: server.url('/ok'), criterion: 'O1' }],
      testOptions({ fetch: loopbackOnlyFetch(), policy: { allowPrivate: false, allowHosts: ['127.0.0.1'] } }),
    );
    expect(own!.ok).toBe(true);
  });

  it('names are judged by the addresses they resolve to, on every hop', async () => {
    const resolved: string[] = [];
    const resolve = async (h: string) => {
      resolved.push(h);
      return h === 'intranet.example' ? ['192.168.1.10'] : h === '127.0.0.1' ? ['127.0.0.1'] : ['203.0.113.9'];
    };
    const attempts: string[] = [];
    const results = await verifyTargets(
      [{ key: 'i', url: 'http://intranet.example/ita', criterion: 'O1' }],
      testOptions({ fetch: loopbackOnlyFetch(attempts), resolve, policy: { allowPrivate: false, allowHosts: [] } }),
    );
    expect(results[0]!.problems).toEqual(['blocked-address']);
    expect(results[0]!.details.blocked).toEqual({
      reason: 'private',
      host: 'intranet.example',
      address: '192.168.1.10',
    });
    expect(resolved).toEqual(['intranet.example']);
    expect(attempts).toEqual([]);
  });

  it("an unexpected failure inside one check becomes that target's result; the run goes on", async () => {
    const results = await verifyTargets(
      [
        {
          key: 'bad',
          url: server.url('/ok'),
          criterion: 'O1',
          loadCapturedText: () => Promise.reject(new Error('blob store gone')),
        },
        { key: 'good', url: server.url('/ok'), criterion: 'O1' },
      ],
      testOptions({ fetch: loopbackOnlyFetch(), policy: { allowPrivate: true, allowHosts: [] } }),
    );
    expect(results.map((r) => [r.key, r.ok, r.problems, r.details.error ?? null])).toEqual([
      ['bad', false, ['broken'], 'internal'],
      ['good', true, [], null],
    ]);
    expect(results[0]!.details.message).toBe('blob store gone');
  });

  it('results stream as they complete: the first arrives before the slowest is done', async () => {
    const order: string[] = [];
    await verifyTargets(
      [HOSTILE_PATHS.trickle, '/ok'].map((p) => ({ key: p, url: server.url(p), criterion: 'O1' })),
      testOptions({
        fetch: loopbackOnlyFetch(),
        policy: { allowPrivate: true, allowHosts: [] },
        timeoutMs: 300,
        retries: 0,
        collect: false,
        onResult: (r) => order.push(r.key),
      }),
    );
    expect(order).toEqual(['/ok', HOSTILE_PATHS.trickle]);
  });
});
