import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import {
  ROOT,
  chooseItems,
  dbAll,
  openTagForm,
  saveAndWait as harnessSaveAndWait,
  tagDialog,
  tagStatus,
  type Harness,
  startSession,
  endSession,
} from './harness';
import { blobBase64, near, pngPixels } from './pixels';

/** The few extension APIs evaluated in the service worker. */
declare const chrome: {
  tabs: { query(q: { url: string }): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
  scripting: { executeScript(o: { target: { tabId: number }; files: string[] }): Promise<unknown> };
};

const FIXTURES = path.join(ROOT, 'test/fixtures/site');
const facts = JSON.parse(await readFile(path.join(FIXTURES, 'fixture-facts.json'), 'utf8')) as {
  longPage: {
    documentHeight: number;
    viewport: { width: number; height: number };
    fixedHeader: { heightPx: number; colour: string };
    lazyImages: {
      widthPx: number;
      heightPx: number;
      leftPx: number;
      firstTopPx: number;
      spacingPx: number;
      colours: string[];
    };
    bottomMarker: { topPx: number; heightPx: number; colour: string };
  };
  tis620Page: { path: string; text: string };
  sixMonthReport: { page: string; pdf: string; linkText: string };
};

async function openForm(page: Page): Promise<Locator> {
  return openTagForm(page);
}

/** Chooses exactly this item (a suggested other one is removed). */
async function pick(dialog: Locator, code: string): Promise<void> {
  await chooseItems(dialog, [code]);
}

async function saveAndWait(dialog: Locator): Promise<string> {
  return harnessSaveAndWait(dialog.page(), dialog);
}

const text = (b64: string) => Buffer.from(b64, 'base64').toString('utf8');

describe('faithful capture in the real extension', () => {
  let h: Harness;
  let site: StaticServer;
  let ext: Page;
  const latest = async (): Promise<EvidenceRecord> => {
    const all = await dbAll<EvidenceRecord>(ext, 'evidence');
    return all.sort((a, b) => a.capturedAt.localeCompare(b.capturedAt)).at(-1)!;
  };

  beforeAll(async () => {
    ({ h, site, ext } = await startSession());
  });
  afterAll(async () => {
    await endSession({ h, site });
  });

  /** Opens long.html, tags it O7 as a full page and presses Save; the capture is then running. */
  async function startFullPageCapture() {
    const before = (await dbAll<EvidenceRecord>(ext, 'evidence')).length;
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/long.html`);
    const dialog = await openForm(page);
    await pick(dialog, 'O7');
    await dialog.getByRole('radio', { name: 'Full page' }).check();
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    return { before, page, dialog };
  }

  /** The toolbar badge of the tab showing `url`: "done/total" while a full-page capture runs. */
  async function badge(url: string): Promise<string> {
    return h.worker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      return tab?.id === undefined ? '' : chrome.action.getBadgeText({ tabId: tab.id });
    }, url);
  }

  /** Waits until the full-page capture has taken its first tiles (the badge counts them): it is running. */
  async function midCapture(page: Page): Promise<void> {
    await expect.poll(() => badge(page.url()), { timeout: 30_000 }).toMatch(/^[1-9]\d*\/\d+$/);
  }

  it('full page: one image of the page height, fixed header drawn once, every lazy image, bottom marker', async () => {
    const lp = facts.longPage;
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/long.html`);
    await page.evaluate(() => window.scrollTo(0, 1234));
    const dialog = await openForm(page);
    await pick(dialog, 'O7');
    await dialog.getByRole('radiogroup', { name: 'Capture' }).getByRole('radio', { name: 'Full page' }).check();
    expect(await saveAndWait(dialog)).toMatch(/Evidence saved/);
    // The reviewer's scroll position is restored.
    expect(await page.evaluate(() => window.scrollY)).toBe(1234);

    const rec = await latest();
    const shots = rec.artifacts.filter((a) => a.method === 'fullpage-stitched');
    expect(shots).toHaveLength(1);
    const shot = shots[0]!;
    expect([shot.width, shot.height]).toEqual([lp.viewport.width, lp.documentHeight]);
    expect(shot.tiles).toBeGreaterThanOrEqual(Math.ceil(lp.documentHeight / lp.viewport.height));

    const headerProbes: [number, number][] = [];
    for (let y = 10; y < lp.documentHeight; y += lp.viewport.height) headerProbes.push([1000, y]);
    const l = lp.lazyImages;
    const imageProbes = l.colours.map((_, i): [number, number] => [
      l.leftPx + l.widthPx / 2,
      l.firstTopPx + i * l.spacingPx + l.heightPx / 2,
    ]);
    const marker: [number, number] = [1000, lp.bottomMarker.topPx + lp.bottomMarker.heightPx / 2];
    const { width, height, pixels } = await pngPixels(ext, await blobBase64(ext, shot.id), [
      ...headerProbes,
      ...imageProbes,
      marker,
    ]);
    expect([width, height]).toEqual([1280, 9000]);
    const header = pixels.slice(0, headerProbes.length);
    expect(near(header[0]!, lp.fixedHeader.colour)).toBe(true);
    expect(header.slice(1).map((p) => near(p, lp.fixedHeader.colour))).toEqual(header.slice(1).map(() => false));
    const images = pixels.slice(headerProbes.length, headerProbes.length + imageProbes.length);
    expect(images.map((p, i) => near(p, l.colours[i]!))).toEqual(l.colours.map(() => true));
    expect(near(pixels.at(-1)!, lp.bottomMarker.colour)).toBe(true);

    // The mode is remembered for the next form.
    await page.reload();
    const again = await openForm(page);
    expect(await again.getByRole('radio', { name: 'Full page' }).isChecked()).toBe(true);
    await page.close();
  });

  it('a tab that navigates away during a full-page capture cancels it and stores nothing', async () => {
    const longUrl = `${site.url}ita/long.html`;
    const longBefore = (await dbAll<EvidenceRecord>(ext, 'evidence')).filter((r) => r.url === longUrl).length;
    const { before, page } = await startFullPageCapture();
    await midCapture(page);
    await page.goto(`${site.url}ita/o1.html`);
    // Saving on the new page at once works: the new capture waits for the cancelled one to unwind
    // (it used to be refused as "busy"), and the cancelled one stored nothing, then or later.
    const next = await openForm(page);
    await pick(next, 'O1');
    await next.getByRole('radio', { name: 'Visible area' }).check();
    expect(await saveAndWait(next)).toMatch(/Evidence saved/);
    await expect.poll(() => badge(page.url()), { timeout: 30_000 }).toBe('');
    const all = await dbAll<EvidenceRecord>(ext, 'evidence');
    expect(all).toHaveLength(before + 1);
    expect(all.filter((r) => r.url === longUrl)).toHaveLength(longBefore);
    await page.close();
  });

  it('Escape during a full-page capture cancels it with a clear message', async () => {
    const { before, page } = await startFullPageCapture();
    await midCapture(page);
    await page.keyboard.press('Escape');
    await tagStatus(page)
      .filter({ hasText: /cancelled/i })
      .waitFor({ timeout: 20_000 });
    expect(await dbAll<EvidenceRecord>(ext, 'evidence')).toHaveLength(before);
    await page.close();
  });

  it("stores a linked PDF as bytes with the served file's SHA-256", async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}${facts.sixMonthReport.page}`);
    const dialog = await openForm(page);
    await pick(dialog, 'O11');
    await dialog.getByRole('checkbox', { name: facts.sixMonthReport.linkText }).check();
    expect(await saveAndWait(dialog)).toMatch(/Evidence saved/);
    const rec = await latest();
    const doc = rec.artifacts.find((a) => a.method === 'document-bytes')!;
    const served = await readFile(path.join(FIXTURES, facts.sixMonthReport.pdf));
    expect(doc.mime).toBe('application/pdf');
    expect(doc.bytes).toBe(served.byteLength);
    expect(doc.sha256).toBe(createHash('sha256').update(served).digest('hex'));
    expect(doc.sourceUrl).toBe(`${site.url}${facts.sixMonthReport.pdf}`);
    expect(doc.fileName).toBe('report-6m.pdf');
    const stored = Buffer.from(await blobBase64(ext, doc.id), 'base64');
    expect(createHash('sha256').update(stored).digest('hex')).toBe(doc.sha256);
    await page.close();
  });

  it('refuses a document on a private address the page links to, naming it only by number', async () => {
    const before = (await dbAll<EvidenceRecord>(ext, 'evidence')).length;
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}${facts.sixMonthReport.page}`);
    const secret = `http://127.0.0.2:${new URL(site.url).port}/${facts.sixMonthReport.pdf}`;
    await page.evaluate((href) => {
      const a = document.createElement('a');
      a.href = href;
      a.textContent = 'Router backup (PDF)';
      document.body.append(a);
    }, secret);
    const dialog = await openForm(page);
    await pick(dialog, 'O11');
    await dialog.getByRole('checkbox', { name: 'Router backup (PDF)' }).check();
    const status = await saveAndWait(dialog);
    expect(status).toMatch(/Document 1 could not be stored/);
    expect(status).not.toContain('127.0.0.2');
    expect(status).not.toMatch(/HTTP|40\d|50\d/);
    expect(await dbAll<EvidenceRecord>(ext, 'evidence')).toHaveLength(before);
    await page.close();
  });

  it('switching to another tab during a full-page capture cancels it, says why, and stores nothing', async () => {
    const { before, page } = await startFullPageCapture();
    await midCapture(page);
    const other = await h.ctx.newPage();
    await other.goto(`${site.url}ita/o1.html`);
    await other.bringToFront();
    await tagStatus(page)
      .filter({ hasText: /cancelled/i })
      .waitFor({ timeout: 30_000 });
    expect(await tagStatus(page).textContent()).toMatch(/another tab/);
    expect(await dbAll<EvidenceRecord>(ext, 'evidence')).toHaveLength(before);
    await other.close();
    await page.close();
  });

  it('a PDF open in the tab itself: the toolbar path offers its bytes, pre-ticked, and stores them', async () => {
    const page = await h.ctx.newPage();
    const url = `${site.url}${facts.sixMonthReport.pdf}`;
    await page.goto(url).catch(() => undefined); // the PDF viewer may report an aborted navigation
    await page.waitForFunction(() => document.contentType === 'application/pdf');
    await page.bringToFront();
    // The toolbar button puts the overlay on any page; its button then opens the form.
    await h.worker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      await chrome.scripting.executeScript({ target: { tabId: tab!.id! }, files: ['/content-scripts/overlay.js'] });
    }, url);
    const dialog = await openTagForm(page);
    expect(await tagDialog(page).count()).toBe(1);
    const box = dialog.getByRole('checkbox', { name: 'report-6m.pdf' });
    expect(await box.isChecked()).toBe(true);
    await pick(dialog, 'O11');
    expect(await saveAndWait(dialog)).toMatch(/Evidence saved/);
    const rec = await latest();
    const served = await readFile(path.join(FIXTURES, facts.sixMonthReport.pdf));
    const doc = rec.artifacts.find((a) => a.method === 'document-bytes')!;
    expect(doc.sha256).toBe(createHash('sha256').update(served).digest('hex'));
    expect(rec.url).toBe(url);
    expect(rec.artifacts.some((a) => a.method === 'viewport')).toBe(true);
    await page.close();
  });

  it('keeps correct Thai text for a windows-874 page, with the integrity fields filled', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}${facts.tis620Page.path}`);
    const dialog = await openForm(page);
    await pick(dialog, 'O5');
    expect(await saveAndWait(dialog)).toMatch(/Evidence saved/);
    const rec = await latest();
    const t = rec.artifacts.find((a) => a.method === 'text')!;
    expect(t.mime).toMatch(/^text\/plain/);
    expect(text(await blobBase64(ext, t.id))).toContain('เทศบาลตำบลทดสอบ ข้อมูลการติดต่อ');
    const snap = rec.artifacts.find((a) => a.method === 'dom-snapshot')!;
    const html = text(await blobBase64(ext, snap.id));
    expect(html).toContain('ข้อมูลการติดต่อ');
    expect(html).not.toMatch(/<script/i);
    expect(rec.httpStatus).toBe(200);
    expect(rec.viewport).toEqual({ width: 1280, height: 720 });
    expect(rec.devicePixelRatio).toBe(1);
    expect(rec.timeZone).toMatch(/\w/);
    expect(rec.title).toContain('TIS-620');
    for (const a of rec.artifacts) {
      expect(a.sha256).toMatch(/^[0-9a-f]{64}$/);
      expect(a.bytes).toBeGreaterThan(0);
    }
    await page.close();
  });

  it('records the click-path from home, and flags a page opened directly', async () => {
    const page = await h.ctx.newPage();
    // Each click once the on-page button shows: the extension is watching the page from then on.
    const overlayReady = () => page.getByRole('button', { name: 'Tag this page' }).waitFor();
    await page.goto(site.url);
    await overlayReady();
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.waitForURL(/\/ita\/index\.html$/);
    await overlayReady();
    await page.getByRole('link', { name: 'O5 ข้อมูลการติดต่อ' }).click();
    const dialog = await openForm(page);
    await expect.poll(() => dialog.textContent()).toContain('หน้าแรก → ITA → O5 ข้อมูลการติดต่อ');
    expect(await dialog.textContent()).not.toContain('opened directly');
    await pick(dialog, 'O5');
    // Required elements are pre-ticked from the page text.
    for (const name of ['Address', 'Telephone number', 'Fax number', 'E-mail address']) {
      expect(await dialog.getByRole('checkbox', { name, exact: true }).isChecked()).toBe(true);
    }
    expect(await saveAndWait(dialog)).toMatch(/Evidence saved/);
    const rec = await latest();
    expect(rec.reachedFromHome).toBe(true);
    expect(rec.clickPath.map((s) => s.linkText)).toEqual(['', 'ITA', 'O5 ข้อมูลการติดต่อ']);
    expect(rec.elementTicks.O5).toEqual(expect.arrayContaining(['address', 'phone', 'fax', 'email']));
    await page.close();

    const direct = await h.ctx.newPage();
    await direct.goto(`${site.url}ita/o1.html`);
    const d2 = await openForm(direct);
    await d2.getByText('This page was opened directly; it may not be reachable from the main website').waitFor();
    await pick(d2, 'O1');
    expect(await saveAndWait(d2)).toMatch(/Evidence saved/);
    const rec2 = await latest();
    expect(rec2.url).toBe(`${site.url}ita/o1.html`);
    expect(rec2.reachedFromHome).toBe(false);
    await direct.close();
  });

  it('element mode crops real pixels of a block smaller than the viewport', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o5.html`);
    const dialog = await openForm(page);
    await pick(dialog, 'O5');
    await dialog.getByRole('radio', { name: 'Element' }).check();
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Click a block/ })
      .waitFor();
    // Point at the first term of the list, widen the choice to the list itself, take it.
    const box = (await page.locator('#contact').boundingBox())!;
    const term = (await page.locator('#contact dt').first().boundingBox())!;
    await page.mouse.move(term.x + 5, term.y + 5);
    await page.keyboard.press('ArrowUp');
    await page.keyboard.press('Enter');
    await tagStatus(page)
      .filter({ hasText: /saved|failed/i })
      .waitFor({ timeout: 30_000 });
    expect(await tagStatus(page).textContent()).toMatch(/Evidence saved/);
    const rec = await latest();
    const shot = rec.artifacts.find((a) => a.method === 'element-crop')!;
    expect(shot).toBeTruthy();
    expect(shot.width).toBe(Math.round(box.width));
    expect(shot.height).toBe(Math.round(box.height));
    await page.close();
  });

  it('element mode also takes a dragged rectangle, cropped from real pixels, and the page never sees the clicks', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o5.html`);
    await page.evaluate(() => {
      (window as unknown as { __pageClicks: number }).__pageClicks = 0;
      document.addEventListener('click', () => {
        (window as unknown as { __pageClicks: number }).__pageClicks++;
      });
    });
    const dialog = await openForm(page);
    await pick(dialog, 'O5');
    await dialog.getByRole('radio', { name: 'Element' }).check();
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Click a block/ })
      .waitFor();
    await page.evaluate(() => {
      (window as unknown as { __pageClicks: number }).__pageClicks = 0;
    });
    await page.mouse.move(100, 120);
    await page.mouse.down();
    await page.mouse.move(250, 200, { steps: 5 });
    await page.mouse.move(400, 320, { steps: 5 });
    await page.mouse.up();
    await tagStatus(page)
      .filter({ hasText: /saved|failed/i })
      .waitFor({ timeout: 30_000 });
    expect(await tagStatus(page).textContent()).toMatch(/Evidence saved/);
    const shot = (await latest()).artifacts.find((a) => a.method === 'element-crop')!;
    expect([shot.width, shot.height]).toEqual([300, 200]);
    expect(await page.evaluate(() => (window as unknown as { __pageClicks: number }).__pageClicks)).toBe(0);
    await page.close();
  });
});
