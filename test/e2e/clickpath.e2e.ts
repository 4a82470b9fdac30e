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
</ul>
</body></html>`;

const send = (res: ServerResponse, status: number, headers: Record<string, string>, body = '') => {
  res.writeHead(status, { 'Cache-Control': 'no-store', ...headers });
  res.end(body);
};

describe('click-paths through redirects, new tabs and image links', () => {
  let h: Harness;
  let site: StaticServer;
  let ext: Page;

  beforeAll(async () => {
    ({ h, site, ext } = await startSession({
      prepare: (s) => {
        s.setOverride('/ita/index.html', (_req, res) =>
          send(res, 200, { 'Content-Type': 'text/html; charset=utf-8' }, ITA_PAGE),
        );
        s.setOverride('/ita/go.php', (_req, res) => send(res, 302, { Location: '/ita/o5.html' }));
      },
    }));
  });
  afterAll(async () => {
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

  const recordFor = async (file: string) => {
    const records = await dbAll<EvidenceRecord>(ext, 'evidence');
    return records.find((r) => r.url.endsWith(file));
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
});
