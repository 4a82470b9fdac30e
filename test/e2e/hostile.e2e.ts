import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { chooseItems, dbAll, saveAndWait, tagDialog, type Harness, startSession, endSession } from './harness';
import { blobBase64, near, pngPixels } from './pixels';

const TITLE = '<script>alert(1)</script> ประกาศจัดซื้อจัดจ้าง (หน้าทดสอบ)';

describe('a hostile page cannot break the overlay (issue 2)', () => {
  let h: Harness;
  let site: StaticServer;
  let ext: Page;

  beforeAll(async () => {
    ({ h, site, ext } = await startSession());
  });
  afterAll(async () => {
    await endSession({ h, site });
  });

  it('keeps the button visible and clickable, saves the capture, runs no page script and stays out of the screenshot', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/hostile.html`);
    const button = page.getByRole('button', { name: 'Tag this page' });
    await button.waitFor();
    // Visible, a sensible size, and the topmost element where it is drawn (above the max-z-index cover).
    const box = (await button.boundingBox())!;
    expect(box.width).toBeGreaterThan(40);
    expect(box.width).toBeLessThan(400);
    expect(box.height).toBeLessThan(100);
    const onTop = await page.evaluate(
      ({ x, y }) => {
        const el = document.elementFromPoint(x, y);
        return el?.localName ?? null;
      },
      { x: box.x + box.width / 2, y: box.y + box.height / 2 },
    );
    expect(onTop).toBe('ita-evidence-overlay');
    await button.click(); // Playwright refuses when another element would receive the click

    const dialog = tagDialog(page);
    await dialog.waitFor();
    // Page text is shown as text, never parsed as markup.
    await chooseItems(dialog, ['O22']);
    await dialog.getByRole('textbox', { name: 'Note' }).fill('<img src=x onerror="window.__pwned=2">');
    expect(await saveAndWait(page, dialog)).toMatch(/Evidence saved/);

    expect(await page.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    expect(await page.evaluate(() => (window as unknown as { __alertCalled?: boolean }).__alertCalled)).toBe(false);
    // Our nodes live outside <body>, so the page's guard had nothing of ours to remove.
    expect(await page.evaluate(() => (window as unknown as { __hostileRemoved?: number }).__hostileRemoved)).toBe(0);

    const records = await dbAll<EvidenceRecord>(ext, 'evidence');
    expect(records).toHaveLength(1);
    const rec = records[0]!;
    expect(rec.title).toBe(TITLE);
    expect(rec.note).toBe('<img src=x onerror="window.__pwned=2">');
    const snap = rec.artifacts.find((a) => a.method === 'dom-snapshot')!;
    const html = Buffer.from(await blobBase64(ext, snap.id), 'base64').toString('utf8');
    expect(html).not.toMatch(/<script/i);
    expect(html).not.toContain('ita-evidence-overlay');
    const shot = rec.artifacts.find((a) => a.method === 'viewport')!;
    const cx = Math.round(box.x + box.width / 2);
    const cy = Math.round(box.y + box.height / 2);
    const { pixels } = await pngPixels(ext, await blobBase64(ext, shot.id), [
      [cx, cy],
      [Math.round(box.x + 6), cy],
    ]);
    for (const p of pixels) expect(near(p, '#1a5276', 30)).toBe(false);

    // The extension's own pages did not run anything from the page either.
    expect(await ext.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
  });
});
