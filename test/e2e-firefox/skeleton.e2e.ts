import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { clickToolbarButton, closeSidebar, openSidebar } from '../../scripts/lib/firefox';
import {
  allByRole,
  aria,
  blobBase64,
  byRole,
  dbAll,
  endSession,
  findDialog,
  nameOf,
  openTagForm,
  pngPixels,
  ROOT,
  startSession,
  tagPage,
  waitForDownload,
  waitForText,
  type Session,
} from './harness';
import { near } from '../e2e/pixels';

const facts = JSON.parse(await readFile(path.join(ROOT, 'test/fixtures/site/fixture-facts.json'), 'utf8')) as {
  longPage: {
    documentHeight: number;
    viewport: { width: number; height: number };
    bottomMarker: { topPx: number; heightPx: number; colour: string };
  };
};

describe('Firefox: set up, tag pages, see them listed, export', () => {
  let s: Session;
  let downloads: string;
  beforeAll(async () => {
    downloads = await mkdtemp(path.join(tmpdir(), 'ita-ff-downloads-'));
    s = await startSession({ downloadDir: downloads });
  });
  afterAll(async () => {
    await endSession(s);
    if (downloads) await rm(downloads, { recursive: true, force: true });
  });

  it('tags pages reached from the home page, one with a query string', async () => {
    const page = await s.ff.browser.newPage();
    await page.goto(s.site.url);
    await Promise.all([page.waitForNavigation(), page.locator(aria('link', 'ITA')).click()]);
    await Promise.all([page.waitForNavigation(), page.locator(aria('link', 'O5 ข้อมูลการติดต่อ')).click()]);
    expect(await tagPage(page, ['O5'], { note: 'หน้าติดต่อ' })).toMatch(/Evidence saved/);
    await page.goBack();
    await Promise.all([page.waitForNavigation(), page.locator(aria('link', 'O22 ประกาศจัดซื้อจัดจ้าง')).click()]);
    expect(await tagPage(page, ['O22'])).toMatch(/Evidence saved/);

    const records = await dbAll<EvidenceRecord>(s.ext, 'evidence');
    expect(records.map((r) => r.url).sort()).toEqual([
      `${s.site.url}ita/o22.html?type=MzI&_mod=ZmlsZXM`,
      `${s.site.url}ita/o5.html`,
    ]);
    const o5 = records.find((r) => r.url.endsWith('o5.html'))!;
    expect(o5.note).toBe('หน้าติดต่อ');
    expect(o5.reachedFromHome).toBe(true);
    expect(o5.clickPath.map((p) => p.linkText)).toEqual(['', 'ITA', 'O5 ข้อมูลการติดต่อ']);
    expect(o5.userAgent).toMatch(/Firefox\//);
    // The screenshot is the visible area's real pixels: a PNG of the viewport's size, without the overlay.
    const shot = o5.artifacts.find((a) => a.method === 'viewport')!;
    expect([shot.width, shot.height]).toEqual([1280, 720]);
    const png = await blobBase64(s.ext, shot.id);
    const { width, pixels } = await pngPixels(s.ext, png, [
      [1200, 690],
      [1250, 700],
    ]);
    expect(width).toBe(1280);
    for (const p of pixels) expect(near(p, '#1a5276')).toBe(false);
    await page.close();
  });

  it('lists a document linked by a query-string file name (URLSearchParams in a Firefox content script)', async () => {
    s.site.setOverride('/ita/downloads.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(
        '<!doctype html><title>Downloads</title><h1>Downloads</h1><a href="download.php?file=plan-2567.pdf">แผนปฏิบัติการ</a>',
      );
    });
    const page = await s.ff.browser.newPage();
    await page.goto(`${s.site.url}ita/downloads.html`);
    const { dialog } = await openTagForm(page);
    expect(await allByRole(dialog, 'checkbox', /แผนปฏิบัติการ/)).toHaveLength(1);
    await page.close();
  });

  it('captures a full page in one image of the page height', async () => {
    const lp = facts.longPage;
    const page = await s.ff.browser.newPage();
    await page.goto(`${s.site.url}ita/long.html`);
    expect(await tagPage(page, ['O7'], { mode: 'Full page' })).toMatch(/Evidence saved/);
    const rec = (await dbAll<EvidenceRecord>(s.ext, 'evidence')).find((r) => r.url.endsWith('long.html'))!;
    const shot = rec.artifacts.find((a) => a.method === 'fullpage-stitched')!;
    expect([shot.width, shot.height]).toEqual([lp.viewport.width, lp.documentHeight]);
    const marker: [number, number] = [1000, lp.bottomMarker.topPx + lp.bottomMarker.heightPx / 2];
    const { height, pixels } = await pngPixels(s.ext, await blobBase64(s.ext, shot.id), [marker]);
    expect(height).toBe(lp.documentHeight);
    expect(near(pixels[0]!, lp.bottomMarker.colour)).toBe(true);
    await page.close();
  });

  it('lists the evidence on the sidebar page, by item', async () => {
    const panel = await s.ff.openExtPage('sidepanel.html');
    const o5 = await byRole(panel, 'listitem', /^O5 /);
    expect(await waitForText(o5, /1 evidence record/, 15_000)).toBeTruthy();
    expect(await nameOf(await byRole(panel, 'listitem', /^O22 /))).toMatch(/1 evidence record/);
    expect(await nameOf(await byRole(panel, 'listitem', /^O3 /))).toMatch(/No evidence/);
    expect((await panel.$$(aria('listitem'))).length).toBeGreaterThanOrEqual(43);
    await panel.close();
  });

  it('the toolbar button opens the sidebar and the tagging form on the page', async () => {
    const page = await s.ff.browser.newPage();
    await page.goto(`${s.site.url}ita/o1.html`);
    await closeSidebar(s.ff);
    expect(await openSidebar(s.ff)).toBeNull();
    await clickToolbarButton(s.ff);
    await findDialog(page);
    expect(await openSidebar(s.ff)).toMatch(/sidebar-action$/);
    await page.close();
  });

  it('exports a bundle from the sidebar page that the check command accepts', async () => {
    const panel = await s.ff.openExtPage('sidepanel.html');
    await panel.locator(aria('tab', 'Export')).click();
    await panel.locator(aria('button', 'Export bundle')).click();
    const done = await waitForText(
      await byRole(panel, 'status', /Exported:/, 60_000),
      /Exported: ita-evidence-\S+\.zip/,
    );
    const name = /Exported: (\S+\.zip)/.exec(done)![1]!;
    const file = await waitForDownload(downloads, new RegExp(`^${name.replace(/\./g, '\\.')}$`));
    const cli = spawnSync('node', [path.join(ROOT, 'bin/ita-evidence.mjs'), 'check', file, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    const report = JSON.parse(cli.stdout) as {
      valid: boolean;
      errors: unknown[];
      summary: { evidence: number; items: number };
    };
    expect(report.valid).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ evidence: 3, items: 43 });
    await panel.close();
  });
});
