/**
 * The CLI's guarded fetch (undici `request` behind the verify core's FetchLike): what fetch did
 * for us (decoding, headers, abort, no redirect following) and the hostile servers, driven through
 * it rather than through the global fetch. Names are resolved by an injected resolver that knows
 * loopback only, so nothing is looked up or sent off the machine.
 */
import { Readable } from 'node:stream';
import { brotliCompressSync, deflateRawSync, deflateSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { guardedFetch, requestHeaders } from '../../../lib/net/guarded-fetch.node';
import { decodersFor } from '../../../lib/net/decode-body.node';
import { discardBody, readCapped } from '../../../lib/net/read-capped';
import { verifyTargets } from '../../../lib/verify/verify';
import type { VerifyResult } from '../../../lib/verify/types';
import {
  HOSTILE_PATHS,
  hostileHandler,
  page,
  redirect,
  sendHtml,
  startServer,
  type FixtureServer,
} from '../../fixtures/verify-server';
import { testOptions } from '../verify/site';

const MB = 1024 * 1024;
const TEXT = 'ประกาศเทศบาล ปีงบประมาณ 2564 '.repeat(50);
const names: Record<string, string> = { 'site.test': '127.0.0.1', 'meta.test': '169.254.169.254' };
const resolved: string[] = [];
const resolve = async (h: string) => {
  resolved.push(h);
  const a = names[h];
  if (!a) throw Object.assign(new Error(`ENOTFOUND ${h}`), { code: 'ENOTFOUND' });
  return [{ address: a, family: 4 }];
};
const open = { allowPrivate: true, allowHosts: [] };

let server: FixtureServer;
const sockets: number[] = [];
const seenHeaders: Record<string, string | string[] | undefined>[] = [];
beforeAll(async () => {
  server = await startServer((req, res, path) => {
    sockets.push(req.socket.remotePort ?? 0);
    seenHeaders.push(req.headers);
    if (hostileHandler(req, res, path)) return;
    const bytes = Buffer.from(TEXT);
    const encoded: Record<string, [string, Buffer]> = {
      '/gzip': ['gzip', gzipSync(bytes)],
      '/x-gzip': ['x-gzip', gzipSync(bytes)],
      '/deflate': ['deflate', deflateSync(bytes)],
      '/deflate-raw': ['deflate', deflateRawSync(bytes)],
      '/deflate-empty': ['deflate', Buffer.alloc(0)],
      '/deflate-bomb': ['deflate', deflateRawSync(Buffer.alloc(16 * MB, 0x20))],
      '/br': ['br', brotliCompressSync(bytes)],
      '/gzip-twice': ['gzip, gzip', gzipSync(gzipSync(bytes))],
      '/unknown': ['zstd-ish', bytes],
      '/six': ['gzip,gzip,gzip,gzip,gzip,gzip', bytes],
    };
    const e = encoded[path];
    if (e) {
      res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': e[0], 'x-two': ['a', 'b'] });
      return void res.end(e[1]);
    }
    if (path === '/to-meta') return redirect(res, 302, `http://meta.test:${new URL(server.origin).port}/`);
    if (path === '/moved') return redirect(res, 302, '/ok');
    if (path === '/ok') return sendHtml(res, page('ประกาศ', 'ประกาศเทศบาล ปีงบประมาณ 2564'));
    sendHtml(res, page('404', `Not Found ${'.'.repeat(2000)}`), 404);
  });
});
afterAll(() => server.close());

const fetchOpen = () => guardedFetch({ policy: open, resolve });
const text = async (body: Awaited<ReturnType<ReturnType<typeof guardedFetch>>>['body']) =>
  new TextDecoder().decode(await readCapped(body, 10 * MB, () => new Error('too large')));

describe('guardedFetch (undici request)', () => {
  it.each(['/gzip', '/x-gzip', '/deflate', '/deflate-raw', '/br', '/gzip-twice'])(
    'decodes %s bodies as fetch does',
    async (p) => {
      const res = await fetchOpen()(server.url(p));
      expect(res.status).toBe(200);
      expect(await text(res.body)).toBe(TEXT);
    },
  );

  it('an empty deflate body is empty; a raw deflate bomb stops at the cap', async () => {
    expect(await text((await fetchOpen()(server.url('/deflate-empty'))).body)).toBe('');
    const bomb = await fetchOpen()(server.url('/deflate-bomb'));
    await expect(readCapped(bomb.body, MB, (n) => new Error(`too large: ${n}`))).rejects.toThrow(/too large/);
  });

  it('hands an unknown coding over undecoded, and refuses more than five codings', async () => {
    expect(await text((await fetchOpen()(server.url('/unknown'))).body)).toBe(TEXT);
    await expect(fetchOpen()(server.url('/six'))).rejects.toThrow(/too many content codings/);
    expect(decodersFor('identity')).toEqual([]);
    expect(decodersFor('gzip, br')).toHaveLength(2);
  });

  it('gives headers case-insensitively, repeated ones joined, and sends what fetch sent', async () => {
    const res = await fetchOpen()(server.url('/gzip'), { cache: 'no-store', headers: { Accept: 'text/html' } });
    expect(res.headers.get('Content-Encoding')).toBe('gzip');
    expect(res.headers.get('x-two')).toBe('a, b');
    expect(res.headers.get('absent')).toBeNull();
    expect(res).toMatchObject({ type: 'basic', url: server.url('/gzip'), redirected: false });
    await discardBody(res.body);
    expect(seenHeaders.at(-1)).toMatchObject({
      accept: 'text/html',
      'accept-encoding': 'gzip, deflate, br',
      'cache-control': 'no-cache',
      pragma: 'no-cache',
      'user-agent': 'node',
    });
    expect(requestHeaders(undefined)['cache-control']).toBeUndefined();
  });

  it('never follows a redirect itself, and HEAD has no body', async () => {
    const res = await fetchOpen()(server.url('/moved'));
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe('/ok');
    await discardBody(res.body);
    const head = await fetchOpen()(server.url('/ok'), { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.body).toBeNull();
  });

  it('keeps the connection of a body it does not read (an error page is drained, not dropped)', async () => {
    const f = fetchOpen();
    const from = sockets.length;
    const a = await f(server.url('/missing'));
    expect(a.status).toBe(404);
    await discardBody(a.body);
    await new Promise((r) => setTimeout(r, 50)); // the drain runs after the discard returns
    const b = await f(server.url('/ok'));
    await text(b.body);
    expect(sockets.slice(from)).toHaveLength(2);
    expect(sockets[from]).toBe(sockets[from + 1]);
  });

  it('stops at an aborted signal', async () => {
    const ac = new AbortController();
    const res = await fetchOpen()(server.url(HOSTILE_PATHS.trickle), { signal: ac.signal });
    const reading = text(res.body);
    ac.abort(new Error('timeout'));
    await expect(reading).rejects.toThrow();
  });

  it('refuses a URL before any connection, and a name by the address it resolves to', async () => {
    await expect(guardedFetch({ policy: open, resolve })('http://169.254.169.254/')).rejects.toMatchObject({
      cause: { refusal: { reason: 'link-local' } },
    });
    resolved.length = 0;
    const port = new URL(server.origin).port;
    await expect(guardedFetch({ policy: open, resolve })(`http://meta.test:${port}/`)).rejects.toThrow();
    expect(resolved).toEqual(['meta.test']);
  });
});

describe('readCapped on a Node stream', () => {
  it('joins the chunks into a plain Uint8Array (never a view into a socket buffer)', async () => {
    const out = await readCapped(Readable.from([Buffer.from([1, 2]), Buffer.from([3])]), 10, () => new Error('x'));
    expect(Buffer.isBuffer(out)).toBe(false);
    expect([...out]).toEqual([1, 2, 3]);
  });

  it('destroys the stream at the first chunk past the cap', async () => {
    const s = Readable.from([Buffer.alloc(4), Buffer.alloc(4), Buffer.alloc(4)]);
    await expect(readCapped(s, 7, (n) => new Error(`too large: ${n}`))).rejects.toThrow('too large: 8');
    expect(s.destroyed).toBe(true);
  });
});

describe('hostile servers, through the guarded fetch', () => {
  async function check(paths: string[], extra: Parameters<typeof testOptions>[0] = {}) {
    const results = await verifyTargets(
      paths.map((p) => ({ key: p, url: server.url(p), criterion: 'O1' })),
      testOptions({ fetch: fetchOpen(), resolve: async () => ['127.0.0.1'], policy: open, ...extra }),
    );
    return (p: string) => results.find((r) => r.key === p) as VerifyResult;
  }

  it('a 1 GiB body is too-large for that URL alone; the next URL is fine', async () => {
    const by = await check([HOSTILE_PATHS.huge, '/ok'], { maxBytes: 2 * MB });
    expect(by(HOSTILE_PATHS.huge)).toMatchObject({ ok: false, problems: ['too-large'], status: null });
    expect(by(HOSTILE_PATHS.huge).details.attempts).toBe(1);
    expect(by('/ok').ok).toBe(true);
  });

  it('a declared Content-Length over the cap, and a gzip bomb, are too-large (inflated bytes counted)', async () => {
    const by = await check([HOSTILE_PATHS.hugeDeclared, HOSTILE_PATHS.gzipBomb], { maxBytes: MB });
    expect(by(HOSTILE_PATHS.hugeDeclared).problems).toEqual(['too-large']);
    expect(by(HOSTILE_PATHS.gzipBomb).problems).toEqual(['too-large']);
  });

  it('a trickling server gets no more than the total deadline', async () => {
    const by = await check([HOSTILE_PATHS.trickle], { timeoutMs: 400, retries: 3 });
    expect(by(HOSTILE_PATHS.trickle).problems).toEqual(['timeout']);
    expect(by(HOSTILE_PATHS.trickle).details.attempts).toBe(1);
  });

  it.each([
    [HOSTILE_PATHS.toLinkLocal, 'link-local', '169.254.169.254'],
    [HOSTILE_PATHS.toMetadataName, 'metadata', 'metadata.google.internal'],
    [HOSTILE_PATHS.toFile, 'not-http', ''],
  ])('a redirect into %s is blocked-address', async (path, reason, host) => {
    const r = (await check([path]))(path);
    expect(r.problems).toEqual(['blocked-address']);
    expect(r.details.blocked).toMatchObject({ reason, host });
    expect(r.redirects).toHaveLength(1);
  });

  it('a redirect to a name that resolves to link-local is refused at connect time, by the guarded lookup', async () => {
    // No resolver in the verify core here: only the fetch's own lookup sees the address.
    const results = await verifyTargets(
      [{ key: 'm', url: server.url('/to-meta'), criterion: 'O1' }],
      testOptions({ fetch: fetchOpen(), policy: open }),
    );
    expect(results[0]!.problems).toEqual(['blocked-address']);
    expect(results[0]!.details.blocked).toMatchObject({ reason: 'link-local', address: '169.254.169.254' });
  });
});
