import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { dbAll, tagPage, type Harness, startSession, endSession } from './harness';
import { blobBase64, near, pngPixels } from './pixels';

describe('walking skeleton: set up, tag three pages, see them in the checklist', () => {
  let h: Harness;
  let site: StaticServer;
  let ext: Page;

  beforeAll(async () => {
    ({ h, site, ext } = await startSession());
  });
  afterAll(async () => {
    await endSession({ h, site });
  });

  it('tags pages reached from the home page, one of them for two criteria', async () => {
    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O5 ข้อมูลการติดต่อ' }).click();
    expect(await tagPage(page, ['O5'], { note: 'หน้าติดต่อ' })).toMatch(/Evidence saved/);

    await page.goBack();
    await page.getByRole('link', { name: 'O22 ประกาศจัดซื้อจัดจ้าง' }).click();
    expect(await tagPage(page, ['O22'])).toMatch(/Evidence saved/);

    await page.goBack();
    await page.getByRole('link', { name: 'O2 ข้อมูลผู้บริหาร' }).click();
    expect(await tagPage(page, ['O2', 'O1'])).toMatch(/Evidence saved/);

    const records = await dbAll<EvidenceRecord>(ext, 'evidence');
    expect(records).toHaveLength(3);
    const urls = records.map((r) => r.url).sort();
    expect(urls).toEqual(
      [`${site.url}ita/o2.html`, `${site.url}ita/o22.html?type=MzI&_mod=ZmlsZXM`, `${site.url}ita/o5.html`].sort(),
    );
    const o2 = records.find((r) => r.url.endsWith('o2.html'))!;
    expect(o2.criteria.sort()).toEqual(['O1', 'O2']);
    const o5 = records.find((r) => r.url.endsWith('o5.html'))!;
    expect(o5.note).toBe('หน้าติดต่อ');
    expect(o5.reachedFromHome).toBe(true);
    expect(o5.clickPath.map((s) => s.linkText)).toEqual(['', 'ITA', 'O5 ข้อมูลการติดต่อ']);
    expect(o5.capturedAt).toMatch(/Z$/);
    expect(o5.userAgent).toMatch(/Chrome/);
    expect(o5.extensionVersion).toBe('0.1.0');

    // The screenshot is a PNG of the viewport's size, and the overlay is not in it.
    const shot = o5.artifacts.find((a) => a.method === 'viewport')!;
    expect(shot.mime).toBe('image/png');
    expect([shot.width, shot.height]).toEqual([1280, 720]);
    const png = await blobBase64(ext, shot.id);
    const { width, height, pixels } = await pngPixels(ext, png, [
      [1200, 690],
      [1250, 700],
    ]);
    expect([width, height]).toEqual([1280, 720]);
    for (const p of pixels) expect(near(p, '#1a5276')).toBe(false);
    const hash = await ext.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      const d = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes));
      return [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
    }, png);
    expect(hash).toBe(shot.sha256);
    await page.close();
  });

  it('shows the counts in the side panel, and a deletion survives a reload', async () => {
    const panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    await expect.poll(() => panel.getByRole('listitem', { name: /^O5 / }).textContent()).toMatch(/1 evidence/);
    expect(await panel.getByRole('listitem', { name: /^O1 / }).textContent()).toMatch(/1 evidence/);
    expect(await panel.getByRole('listitem', { name: /^O2 / }).textContent()).toMatch(/1 evidence/);
    expect(await panel.getByRole('listitem', { name: /^O3 / }).textContent()).toMatch(/No evidence/);
    expect(await panel.getByRole('listitem').count()).toBeGreaterThanOrEqual(43);

    await panel
      .getByRole('listitem', { name: /^O5 / })
      .getByRole('button', { name: /^Open evidence/ })
      .click();
    const dialog = panel.getByRole('dialog');
    await expect.poll(() => dialog.textContent()).toMatch(/B\.E\. 25\d\d/);
    await dialog.getByRole('button', { name: 'Delete evidence' }).click();
    await panel.getByRole('status').filter({ hasText: 'Evidence deleted' }).waitFor();
    await panel.reload();
    await expect.poll(() => panel.getByRole('listitem', { name: /^O5 / }).textContent()).toMatch(/No evidence/);
    const left = await dbAll<EvidenceRecord>(panel, 'evidence');
    expect(left.map((r) => r.url).some((u) => u.endsWith('o5.html'))).toBe(false);
    expect(left).toHaveLength(2);
  });
});
