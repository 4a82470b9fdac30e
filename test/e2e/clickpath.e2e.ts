import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerResponse } from 'node:http';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { dbAll, tagPage, type Harness, startSession, endSession } from './harness';

// The fixture's ITA page, replaced by one whose links are not plain same-tab text links.
const ITA_PAGE = `<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>ITA - เทศบาลตำบลทดสอบ</title></head>
<body>
<nav><a href="../index.html">หน้าแรก</a></nav>
<h1>การเปิดเผยข้อมูลสาธารณะ (OIT)</h1>
<ul>
  <li><a href="go.php?id=5">O5 ช่องทางติดต่อ</a></li>
  <li><a href="o7.html" target="_blank">O7 ข่าวในแท็บใหม่</a></li>
  <li><a href="o2.html"><img alt="ป้าย O2 ผู้บริหาร" width="120" height="40" src="data:image/gif;base64,R0lGODlhAQABAAAAACw="></a></li>
  <li><a href="loading.html">ศูนย์ข้อมูลข่าวสาร</a></li>
  <li><a href="stopper.html">ข่าวประชาสัมพันธ์</a></li>
</ul>
</body></html>`;

// A page whose banner image never finishes loading: its load event does not come while the officer clicks on.
const LOADING_PAGE = `<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>ศูนย์ข้อมูลข่าวสาร</title></head>
<body>
<img alt="" width="600" height="100" src="banner.gif">
<a href="o5.html">O5 ติดต่อเรา</a>
</body></html>`;

// A page whose script swallows every click before anyone else sees it (the link still follows).
const STOPPER_PAGE = `<!DOCTYPE html>
<html lang="th"><head><meta charset="utf-8"><title>ข่าวประชาสัมพันธ์</title>
<script>addEventListener('click', (e) => e.stopImmediatePropagation(), true);</script></head>
<body><a href="o5.html">O5 ติดต่อหน่วยงาน</a></body></html>`;

const send = (res: ServerResponse, status: number, headers: Record<string, string>, body = '') => {
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  res.end(body);
};

describe('click-paths through redirects, new tabs and image links', () => {
  let h: Harness;
  let site: StaticServer;
  let ext: Page;
  const held: ServerResponse[] = [];

  beforeAll(async () => {
    ({ h, site, ext } = await startSession({
      prepare: (s) => {
        s.setOverride('/ita/index.html', (_req, res) =>
          send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, ITA_PAGE),
        );
        s.setOverride('/ita/go.php', (_req, res) => send(res, 302, { Location: '/ita/o5.html' }));
        s.setOverride('/ita/loading.html', (_req, res) =>
          send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, LOADING_PAGE),
        );
        s.setOverride('/ita/stopper.html', (_req, res) =>
          send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, STOPPER_PAGE),
        );
        s.setOverride('/ita/banner.gif', (_req, res) => {
          res.writeHead(200, { 'Content-Type': 'image/gif', 'Cache-Control': 'no-store' });
          res.write('GIF89a');
          held.push(res);
        });
      },
    }));
  });
  afterAll(async () => {
    for (const res of held) res.end();
    await endSession({ h, site });
  });

  const overlayReady = (page: Page) => page.getByRole('button', { name: 'Tag this page' }).waitFor();

  async function openIta(): Promise<Page> {
    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await overlayReady(page);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.waitForURL(/\/ita\/index\.html$/);
    await overlayReady(page);
    return page;
  }

  /** The latest record of the page (several tests tag O5). */
  const recordFor = async (file: string) => {
    const records = await dbAll<EvidenceRecord>(ext, 'evidence');
    return records
      .filter((r) => r.url.endsWith(file))
      .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
      .at(-1);
  };

  it('keeps the path from the home page through a redirecting link', async () => {
    const page = await openIta();
    await page.getByRole('link', { name: 'O5 ช่องทางติดต่อ' }).click();
    await page.waitForURL(/\/ita\/o5\.html$/);
    expect(await tagPage(page, ['O5'])).toMatch(/Evidence saved/);

    const o5 = await recordFor('/ita/o5.html');
    expect(o5?.reachedFromHome).toBe(true);
    expect(o5?.clickPath.map((s) => s.url)).toEqual([site.url, `${site.url}ita/index.html`, `${site.url}ita/o5.html`]);
    expect(o5?.clickPath.map((s) => s.linkText)).toEqual(['', 'ITA', 'O5 ช่องทางติดต่อ']);
    await page.close();
  });

  it('keeps the path of a link opened in a new tab', async () => {
    const page = await openIta();
    const [tab] = await Promise.all([
      h.ctx.waitForEvent('page'),
      page.getByRole('link', { name: 'O7 ข่าวในแท็บใหม่' }).click(),
    ]);
    await tab.waitForURL(/\/ita\/o7\.html$/);
    expect(await tagPage(tab, ['O7'])).toMatch(/Evidence saved/);

    const o7 = await recordFor('/ita/o7.html');
    expect(o7?.reachedFromHome).toBe(true);
    expect(o7?.clickPath.map((s) => s.linkText)).toEqual(['', 'ITA', 'O7 ข่าวในแท็บใหม่']);
    await tab.close();
    await page.close();
  });

  it('labels an image link with its alt text', async () => {
    const page = await openIta();
    await page.getByRole('link', { name: 'ป้าย O2 ผู้บริหาร' }).click();
    await page.waitForURL(/\/ita\/o2\.html$/);
    expect(await tagPage(page, ['O2'])).toMatch(/Evidence saved/);

    const o2 = await recordFor('/ita/o2.html');
    expect(o2?.reachedFromHome).toBe(true);
    expect(o2?.clickPath.map((s) => s.linkText)).toEqual(['', 'ITA', 'ป้าย O2 ผู้บริหาร']);
    await page.close();
  });

  it('keeps a click made while the page is still loading, before the on-page button can show', async () => {
    const page = await openIta();
    await page.getByRole('link', { name: 'ศูนย์ข้อมูลข่าวสาร' }).click();
    await page.waitForURL(/\/ita\/loading\.html$/, { waitUntil: 'domcontentloaded' });
    // Still loading (the banner never ends), so the overlay is not there yet: only the trail script sees this click.
    expect(await page.evaluate(() => document.readyState)).not.toBe('complete');
    expect(await page.getByRole('button', { name: 'Tag this page' }).count()).toBe(0);
    await page.getByRole('link', { name: 'O5 ติดต่อเรา' }).click();
    await page.waitForURL(/\/ita\/o5\.html$/);
    expect(await tagPage(page, ['O5'])).toMatch(/Evidence saved/);

    const o5 = await recordFor('/ita/o5.html');
    expect(o5?.reachedFromHome).toBe(true);
    expect(o5?.clickPath.map((s) => s.linkText)).toEqual(['', 'ITA', 'ศูนย์ข้อมูลข่าวสาร', 'O5 ติดต่อเรา']);
    await page.close();
  });

  it('keeps a click on a page whose script stops every click in the capture phase', async () => {
    const page = await openIta();
    await page.getByRole('link', { name: 'ข่าวประชาสัมพันธ์' }).click();
    await page.waitForURL(/\/ita\/stopper\.html$/);
    await page.getByRole('link', { name: 'O5 ติดต่อหน่วยงาน' }).click();
    await page.waitForURL(/\/ita\/o5\.html$/);
    expect(await tagPage(page, ['O5'])).toMatch(/Evidence saved/);

    const o5 = await recordFor('/ita/o5.html');
    expect(o5?.clickPath.map((s) => s.linkText)).toEqual(['', 'ITA', 'ข่าวประชาสัมพันธ์', 'O5 ติดต่อหน่วยงาน']);
    await page.close();
  });
});
