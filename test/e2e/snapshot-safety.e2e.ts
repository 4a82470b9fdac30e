import 'fake-indexeddb/auto'; // the hostile bundle is built with the unit helpers, in Node
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { strToU8 } from 'fflate';
import { sha256Hex } from '../../lib/util/hash';
import { dbAll, endSession, serveFixture, startSession, tagPage, type Harness } from './harness';
import { exportBytes, freshDb, manifestOf, seed, unzip, withManifest, zip } from '../unit/bundle/helpers';
import { HOSTILE as HOSTILE_CASES } from '../unit/capture/snapshot-corpus';
import { blobBase64 } from './pixels';

/** A page styled from another origin, with an open shadow root made by a custom element and a declarative one. */
const styledPage = (
  cdnUrl: string,
) => `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>งบประมาณ</title>
<link rel="stylesheet" href="${cdnUrl}cdn/site.css"></head>
<body><h1>แผนงบประมาณ</h1><p id="budget">งบประมาณ 2568: 5,000,000 บาท</p>
<budget-card></budget-card><div><template shadowrootmode="open"><p>เงาแบบประกาศ 2568</p></template></div>
<script>customElements.define('budget-card', class extends HTMLElement {
  constructor() { super(); this.attachShadow({ mode: 'open' }).innerHTML = '<p>ข้อความในเงา 2568</p>'; }
});</script></body></html>`;

// A page that tries every known way to smuggle script or a redirect into a saved snapshot.
const HOSTILE_PAGE = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ข้อมูลการติดต่อ</title>
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
  let cdn: StaticServer;
  let sheet = '#budget::after { content: " (ORIGINAL STYLE)"; } #budget { color: rgb(1, 2, 3); }';
  let cdnHits = 0;

  beforeAll(async () => {
    // A second loopback origin (another port): its stylesheet is cross-origin to the page.
    cdn = await serveFixture();
    cdn.setOverride('/cdn/site.css', (_req, res) => {
      cdnHits++;
      res.writeHead(200, { 'Content-Type': 'text/css; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(sheet);
    });
    ({ h, site, ext } = await startSession({
      prepare: (s) => {
        s.setOverride('/ita/poison.html', (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(HOSTILE_PAGE);
        });
        s.setOverride('/ita/styled.html', (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
          res.end(styledPage(cdn.url));
        });
      },
    }));
    dir = await mkdtemp(path.join(tmpdir(), 'ita-snap-'));
  });
  afterAll(async () => {
    await endSession({ h, site });
    await cdn?.close();
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
    // The load event comes after every inline script, error handler and frame of the document has run.
    await viewer.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    expect(await viewer.evaluate(() => (window as unknown as { __snapPwned?: string }).__snapPwned ?? null)).toBeNull();
    expect(viewer.url()).toBe(pathToFileURL(file).href);
    expect(navigations.some((u) => u.includes('evil.example'))).toBe(false);
    expect(await viewer.getByText('โทรศัพท์ 0 3471 2345').count()).toBeGreaterThan(0);
  });

  async function storedSnapshot(urlEnd: string): Promise<string> {
    const record = (await dbAll<EvidenceRecord>(ext, 'evidence')).find((r) => r.url.endsWith(urlEnd))!;
    const snap = record.artifacts.find((a) => a.method === 'dom-snapshot')!;
    return Buffer.from(await blobBase64(ext, snap.id), 'base64').toString('utf8');
  }

  it('inlines a cross-origin stylesheet: changing it after capture does not change the opened snapshot; shadow-root text is kept', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/styled.html`);
    await page.getByText('ข้อความในเงา 2568').waitFor();
    expect(await tagPage(page, ['O9'])).toMatch(/Evidence saved/);
    const html = await storedSnapshot('/ita/styled.html');
    expect(html).toContain('(ORIGINAL STYLE)');
    expect(html).not.toContain('<link');
    expect(html).toContain('ข้อความในเงา 2568');
    expect(html).toContain('เงาแบบประกาศ 2568');
    expect(html).toContain('shadowrootmode="open"');

    // After capture the stylesheet is changed to rewrite what the evidence shows.
    sheet = '#budget::after { content: " 0 baht (TAMPERED AFTER CAPTURE)"; } #budget { color: rgb(200, 0, 0); }';
    const hitsBefore = cdnHits;
    const file = path.join(dir, 'styled.html');
    await writeFile(file, html);
    const viewer = await h.ctx.newPage();
    await viewer.goto(pathToFileURL(file).href);
    await viewer.getByText('งบประมาณ 2568: 5,000,000 บาท').waitFor();
    const shown = await viewer.evaluate(() => {
      const p = document.getElementById('budget')!;
      return { after: getComputedStyle(p, '::after').content, color: getComputedStyle(p).color };
    });
    expect(shown.after).toContain('ORIGINAL STYLE');
    expect(shown.color).toBe('rgb(1, 2, 3)');
    expect(await viewer.getByText('ข้อความในเงา 2568').count()).toBe(1);
    expect(cdnHits).toBe(hitsBefore); // opening the evidence tells the stylesheet's owner nothing
    await viewer.close();
  });

  it('refuses, in the extension, a bundle whose page snapshot holds script, naming the entry; nothing is stored', async () => {
    const unit = freshDb();
    await seed(unit);
    const files = unzip(await exportBytes(unit));
    const m = manifestOf(files);
    const a = m.evidence
      .flatMap((e: { artifacts: { method: string; path: string; sha256: string; bytes: number }[] }) => e.artifacts)
      .find((x: { method: string }) => x.method === 'dom-snapshot');
    const evil = strToU8(HOSTILE_CASES['markup that changes when parsed twice (mXSS)']![0]!.html);
    files[a.path] = evil;
    Object.assign(a, { sha256: await sha256Hex(evil), bytes: evil.length });
    const bundle = path.join(dir, 'hostile-snapshot.zip');
    await writeFile(bundle, zip(await withManifest(files, m)));

    const before = {
      evidence: await dbAll(ext, 'evidence'),
      blobs: (await dbAll<{ id: string }>(ext, 'blobs')).map((b) => b.id),
    };
    const panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    await panel.getByRole('tab', { name: 'Export', exact: true }).click();
    const [chooser] = await Promise.all([
      panel.waitForEvent('filechooser'),
      panel.getByRole('button', { name: 'Import bundle', exact: true }).click(),
    ]);
    await chooser.setFiles(bundle);
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain(`${a.path}: The page snapshot (HTML) of evidence ev1 holds active content`);
    expect(text).toContain('onerror');
    expect(await dbAll(ext, 'evidence')).toEqual(before.evidence);
    expect((await dbAll<{ id: string }>(ext, 'blobs')).map((b) => b.id)).toEqual(before.blobs);
    await panel.close();
  });
});
