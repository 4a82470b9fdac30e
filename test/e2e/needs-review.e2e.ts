import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { strFromU8, unzipSync } from 'fflate';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { endSession, startSession, tagPage, type Session } from './harness';

/**
 * Issue 10 §1: evidence with no element ticked is "Needs review" (รอตรวจองค์ประกอบ), never ไม่มี, and
 * itas.csv answers มี for it, with a note for the coordinator.
 */
describe('a tagged page with nothing ticked', () => {
  let s: Session;
  let panel: Page;
  let tmp: string;
  let pageUrl = '';

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'ita-needs-review-'));
    s = await startSession();
    const page = await s.h.ctx.newPage();
    await page.goto(s.site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O1 โครงสร้าง' }).click();
    pageUrl = page.url();
    // O3's one element (duties) has no detector, so nothing is pre-ticked: the reviewer has not looked yet.
    expect(await tagPage(page, ['O3'])).toMatch(/Evidence saved/);
    await page.close();
    panel = await s.h.ctx.newPage();
    await panel.goto(s.h.extUrl('sidepanel.html'));
  });
  afterAll(async () => {
    await endSession(s);
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('shows Needs review on the checklist and in the item, and counts it apart on the dashboard', async () => {
    const row = panel.getByRole('listitem', { name: /^O3 / });
    await expect.poll(() => row.getAttribute('aria-label')).toMatch(/— Needs review —/);
    expect(await row.getAttribute('aria-label')).not.toMatch(/Missing/);
    await panel.getByRole('button', { name: 'O3 Legal powers and duties', exact: true }).click();
    const dialog = panel.getByRole('dialog', { name: 'O3 Legal powers and duties' });
    expect(await dialog.getByTestId('item-status').textContent()).toBe('Needs review');
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();

    await panel.getByRole('tab', { name: 'Dashboard' }).click();
    const counts = panel.getByRole('list', { name: 'Items by status' });
    expect(await counts.getByRole('listitem').allTextContents()).toEqual([
      'Not reviewed 42',
      'Needs review 1',
      'Complete 0',
      'Incomplete 0',
      'Missing 0',
    ]);
  });

  it('exports itas.csv answering มี with a note, and a report with one status, รอตรวจองค์ประกอบ', async () => {
    await panel.getByRole('tab', { name: 'Export', exact: true }).click();
    const [download] = await Promise.all([
      panel.waitForEvent('download', { timeout: 60_000 }),
      panel.getByRole('button', { name: 'Export bundle', exact: true }).click(),
    ]);
    const zipFile = path.join(tmp, download.suggestedFilename());
    await download.saveAs(zipFile);
    const files = unzipSync(new Uint8Array(await readFile(zipFile)));

    const itas = strFromU8(files['itas.csv']!)
      .replace(/^\uFEFF/, '')
      .split('\r\n');
    const o3 = itas.find((l) => l.startsWith('O3,'))!;
    expect(o3.startsWith(`O3,มี,${pageUrl},`)).toBe(true);
    expect(o3.endsWith(',สถานะในระบบ: รอตรวจองค์ประกอบ — ตรวจก่อนส่ง')).toBe(true);
    expect(itas.filter((l) => /^O\d+,ไม่มี,/.test(l))).toEqual([]);

    const report = await s.h.ctx.newPage();
    await report.setContent(strFromU8(files['report.html']!));
    // The report's มี / ไม่มี columns follow the ITAS answer; the status is said once, in words.
    const row = report.getByRole('row', { name: /^O3 / });
    const cells = row.getByRole('cell');
    expect(await cells.nth(-2).getByLabel('มี', { exact: true }).count()).toBe(1);
    expect(((await cells.last().textContent()) ?? '').trim()).toBe('');
    const text = (await row.textContent()) ?? '';
    expect(text.split('รอตรวจองค์ประกอบ')).toHaveLength(2);
    expect(text).not.toContain('ไม่มี');
    await report.close();
  });
});
