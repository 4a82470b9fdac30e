import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { dbAll, endSession, startSession, tagPage, type Harness } from './harness';
import { blobBase64 } from './pixels';

// A page that tries every known way to smuggle script or a redirect into a saved snapshot.
const HOSTILE = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ข้อมูลการติดต่อ</title>
<style>p::after { content: "</style><script>window.top.__snapPwned = 'style'</script>"; }</style></head>
<body><h1>ข้อมูลการติดต่อ</h1><p>โทรศัพท์ 0 3471 2345</p>
<xmp><script>window.__snapPwned = 'xmp'</script></xmp>
<noembed><script>window.__snapPwned = 'noembed'</script></noembed>
<svg><script>window.__snapPwned = 'svg'</script></svg>
<a href="javascript:window.__snapPwned='href'">ลิงก์</a><img src="x" onerror="window.__snapPwned='onerror'">
<iframe srcdoc="<script>parent.__snapPwned='srcdoc'</script>"></iframe>
<script>
  // Runs in the page before the reviewer tags it: poison the doctype, the CSSOM and the head.
  document.replaceChild(document.implementation.createDocumentType('html', 'x"><script>window.__snapPwned="doctype"<\\/script>', ''), document.doctype);
  document.styleSheets[0].insertRule('h1::before { content: "</style><script>window.__snapPwned=\\'cssom\\'<\\/script>"; }', 0);
  const m = document.createElement('meta'); m.httpEquiv = 'refresh'; m.content = '600;url=https://evil.example/'; // long enough not to leave before tagging
  document.head.appendChild(m);
  document.body.prepend(document.head);
</script></body></html>`;

describe('a saved page snapshot cannot run script or redirect when opened', () => {
  let h: Harness;
  let site: StaticServer;
  let ext: Page;
  let dir: string;

  beforeAll(async () => {
    ({ h, site, ext } = await startSession({
      prepare: (s) => s.setOverride('/ita/poison.html', (_req, res) => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(HOSTILE);
      }),
    }));
    dir = await mkdtemp(path.join(tmpdir(), 'ita-snap-'));
  });
  afterAll(async () => {
    await endSession({ h, site });
    await rm(dir, { recursive: true, force: true });
  });

  it('stores a script-free snapshot of a poisoned page, and opening it runs nothing', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/poison.html`);
    expect(await tagPage(page, ['O5'])).toMatch(/Evidence saved/);
    const record = (await dbAll<EvidenceRecord>(ext, 'evidence')).find((r) => r.url.endsWith('/ita/poison.html'))!;
    const snap = record.artifacts.find((a) => a.method === 'dom-snapshot')!;
    const html = Buffer.from(await blobBase64(ext, snap.id), 'base64').toString('utf8');
    expect(html.startsWith('<!DOCTYPE html>')).toBe(true);
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toMatch(/http-equiv="?refresh/i);
    expect(html).toContain('โทรศัพท์ 0 3471 2345');

    const file = path.join(dir, 'snapshot.html');
    await writeFile(file, html);
    const viewer = await h.ctx.newPage();
    const navigations: string[] = [];
    viewer.on('framenavigated', (f) => navigations.push(f.url()));
    await viewer.goto(pathToFileURL(file).href);
    await viewer.waitForTimeout(1500);
    expect(await viewer.evaluate(() => (window as unknown as { __snapPwned?: string }).__snapPwned ?? null)).toBeNull();
    expect(viewer.url()).toBe(pathToFileURL(file).href);
    expect(navigations.some((u) => u.includes('evil.example'))).toBe(false);
    expect(await viewer.getByText('โทรศัพท์ 0 3471 2345').count()).toBeGreaterThan(0);
  });
});
