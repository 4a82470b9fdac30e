import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  contentTypeFor,
  decodeUrlPath,
  resolveUnderRoot,
  startStaticServer,
  type StaticServer,
} from '../../../lib/devserver/static-server';

let root: string;
let outside: string;
let server: StaticServer;
const seen: string[] = [];

beforeAll(async () => {
  const base = mkdtempSync(path.join(tmpdir(), 'static-server-'));
  root = path.join(base, 'site');
  outside = path.join(base, 'secret.txt');
  writeFileSync(outside, 'top secret');
  mkdirSync(path.join(root, 'ita', 'ข้อมูล'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<title>หน้าแรก</title>');
  writeFileSync(path.join(root, 'style.css'), 'body{}');
  writeFileSync(path.join(root, 'app.js'), 'void 0');
  writeFileSync(path.join(root, 'data.json'), '{}');
  writeFileSync(path.join(root, 'pic.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(path.join(root, 'pic.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  writeFileSync(path.join(root, 'doc.pdf'), '%PDF-1.4');
  writeFileSync(path.join(root, 'ita', 'index.html'), 'ITA index');
  writeFileSync(path.join(root, 'ita', 'tis620.html'), Buffer.from([0xa1, 0xa2]));
  writeFileSync(path.join(root, 'ita', 'old.tis620.html'), Buffer.from([0xa1]));
  writeFileSync(path.join(root, 'ita', 'legacy.html'), Buffer.from([0xa1]));
  writeFileSync(path.join(root, 'ita', 'ข้อมูล', 'ติดต่อ.html'), 'ข้อมูลการติดต่อ');
  server = await startStaticServer({
    root,
    charsetOverrides: { '/ita/legacy.html': 'tis-620' },
    onRequest: (req) => seen.push(req.url ?? ''),
  });
});

afterAll(async () => {
  await server.close();
  rmSync(path.dirname(root), { recursive: true, force: true });
});

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

/** Raw request so that paths like /../ are sent unnormalised. */
function get(rawPath: string, method = 'GET'): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path: rawPath, method }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on('error', reject);
    req.end();
  });
}

describe('startStaticServer', () => {
  it('listens on 127.0.0.1 with a url ending in a slash', () => {
    expect(server.url).toBe(`http://127.0.0.1:${server.port}/`);
    expect(server.port).toBeGreaterThan(0);
  });

  it('serves index.html for the root and for directories', async () => {
    const home = await get('/');
    expect(home.status).toBe(200);
    expect(home.body.toString('utf8')).toBe('<title>หน้าแรก</title>');
    expect(home.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(home.headers['cache-control']).toBe('no-store');
    const ita = await get('/ita/');
    expect(ita.body.toString()).toBe('ITA index');
  });

  it('redirects a directory without trailing slash, keeping the query', async () => {
    const r = await get('/ita?x=1');
    expect(r.status).toBe(301);
    expect(r.headers.location).toBe('/ita/?x=1');
  });

  it.each([
    ['/style.css', 'text/css; charset=utf-8'],
    ['/app.js', 'text/javascript; charset=utf-8'],
    ['/data.json', 'application/json; charset=utf-8'],
    ['/pic.png', 'image/png'],
    ['/pic.svg', 'image/svg+xml'],
    ['/doc.pdf', 'application/pdf'],
    ['/ita/tis620.html', 'text/html; charset=windows-874'],
    ['/ita/old.tis620.html', 'text/html; charset=windows-874'],
    ['/ita/legacy.html', 'text/html; charset=tis-620'],
  ])('sends %s as %s', async (p, type) => {
    const r = await get(p);
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe(type);
  });

  it('ignores the query string for lookup and reports the raw url', async () => {
    const r = await get('/ita/index.html?type=MzI&_mod=ZmlsZXM');
    expect(r.status).toBe(200);
    expect(r.body.toString()).toBe('ITA index');
    expect(seen).toContain('/ita/index.html?type=MzI&_mod=ZmlsZXM');
  });

  it('decodes percent-encoded Thai path segments', async () => {
    const encoded = `/ita/${encodeURIComponent('ข้อมูล')}/${encodeURIComponent('ติดต่อ.html')}`;
    const r = await get(encoded);
    expect(r.status).toBe(200);
    expect(r.body.toString('utf8')).toBe('ข้อมูลการติดต่อ');
  });

  it('answers 404 with a Thai page for missing files', async () => {
    const r = await get('/nope.html');
    expect(r.status).toBe(404);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(r.body.toString('utf8')).toContain('ไม่พบหน้าที่ต้องการ');
  });

  it.each(['/../secret.txt', '/%2e%2e/secret.txt', '/ita/..%2f..%2fsecret.txt', '/..%5csecret.txt'])(
    'refuses path traversal %s',
    async (p) => {
      const r = await get(p);
      expect([400, 403, 404]).toContain(r.status);
      expect(r.body.toString()).not.toContain('top secret');
    },
  );

  it('answers 400 for undecodable paths', async () => {
    const r = await get('/%E0%A4%A.html');
    expect(r.status).toBe(400);
  });

  it('supports HEAD with headers and no body', async () => {
    const r = await get('/index.html', 'HEAD');
    expect(r.status).toBe(200);
    expect(r.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(Number(r.headers['content-length'])).toBe(Buffer.byteLength('<title>หน้าแรก</title>'));
    expect(r.body.length).toBe(0);
  });

  it('refuses other methods with 405', async () => {
    const r = await get('/index.html', 'POST');
    expect(r.status).toBe(405);
  });

  it('lets an override replace and then restore a page', async () => {
    server.setOverride('/ita/index.html', (_req, res) => {
      res.writeHead(500, { 'Content-Type': 'text/plain' });
      res.end('broken');
    });
    const broken = await get('/ita/index.html?q=1');
    expect(broken.status).toBe(500);
    expect(broken.body.toString()).toBe('broken');
    server.setOverride('/ita/index.html', null);
    const restored = await get('/ita/index.html');
    expect(restored.status).toBe(200);
    expect(restored.body.toString()).toBe('ITA index');
  });

  it('overrides paths given with Thai characters or percent-encoding alike', async () => {
    server.setOverride(`/${encodeURIComponent('ใหม่')}.html`, (_req, res) => res.end('new page'));
    const r = await get(`/${encodeURIComponent('ใหม่')}.html`);
    expect(r.body.toString()).toBe('new page');
    server.setOverride('/ใหม่.html', null);
    expect((await get(`/${encodeURIComponent('ใหม่')}.html`)).status).toBe(404);
  });

  it('delays responses when latencyMs is set and closes cleanly', async () => {
    const slow = await startStaticServer({ root, latencyMs: 5 });
    const res = await fetch(`${slow.url}index.html`);
    expect(res.status).toBe(200);
    await slow.close();
    await expect(fetch(`${slow.url}index.html`)).rejects.toThrow();
  });
});

describe('path helpers', () => {
  it('decodeUrlPath strips query and fragment', () => {
    expect(decodeUrlPath('/a/b.html?x=1#top')).toBe('/a/b.html');
    expect(decodeUrlPath('/%E0%B8%81.html')).toBe('/ก.html');
    expect(decodeUrlPath('/%zz')).toBeNull();
    expect(decodeUrlPath('/a%00b')).toBeNull();
  });

  it('resolveUnderRoot keeps paths inside root', () => {
    expect(resolveUnderRoot('/srv/site', '/a/b.html')).toBe(path.resolve('/srv/site/a/b.html'));
    expect(resolveUnderRoot('/srv/site', '/../etc/passwd')).toBeNull();
    expect(resolveUnderRoot('/srv/site', '/a/../../site2/x')).toBeNull();
    expect(resolveUnderRoot('/srv/site', '/..\\x')).toBeNull();
  });

  it('contentTypeFor falls back to octet-stream', () => {
    expect(contentTypeFor('/x/file.bin', '/file.bin')).toBe('application/octet-stream');
    expect(contentTypeFor('/x/a.HTML', '/a.HTML')).toBe('text/html; charset=utf-8');
  });
});
