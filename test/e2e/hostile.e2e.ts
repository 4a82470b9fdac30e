import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { dbAll, type Harness, startSession, endSession } from './harness';
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
    const onTop = await page.evaluate(({ x, y }) => {
      const el = document.elementFromPoint(x, y);
      return el?.localName ?? null;
    }, { x: box.x + box.width / 2, y: box.y + box.height / 2 });
    expect(onTop).toBe('ita-evidence-overlay');
    await button.click(); // Playwright refuses when another element would receive the click

    const dialog = page.getByRole('dialog', { name: 'Tag this page as evidence' });
    await dialog.waitFor();
    // Page text is shown as text, never parsed as markup.
    await dialog.getByRole('combobox', { name: 'Criterion' }).fill('O22');
    await dialog.getByRole('option', { name: /^O22 / }).click();
    await dialog.getByRole('textbox', { name: 'Note' }).fill('<img src=x onerror="window.__pwned=2">');
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await dialog.getByRole('status').filter({ hasText: /saved|failed|cannot|refused|full|cancel/i }).waitFor({ timeout: 30_000 });
    expect(await dialog.getByRole('status').textContent()).toMatch(/Evidence saved/);

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
    const { pixels } = await pngPixels(ext, await blobBase64(ext, shot.id), [[cx, cy], [Math.round(box.x + 6), cy]]);
    for (const p of pixels) expect(near(p, '#1a5276', 30)).toBe(false);

    // The extension's own pages did not run anything from the page either.
    expect(await ext.evaluate(() => (window as unknown as { __pwned?: unknown }).__pwned)).toBeUndefined();
    await page.close();
  });

  /** The overlay's shadow root, seen from the page's own script (it is open on purpose). */
  const inPage = <T>(page: Page, fn: string): Promise<T> => page.evaluate(`(() => { const root = document.querySelector('ita-evidence-overlay').shadowRoot; ${fn} })()`) as Promise<T>;

  async function openTagForm(page: Page, code: string) {
    await page.getByRole('button', { name: 'Tag this page' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tag this page as evidence' });
    await dialog.waitFor();
    await dialog.getByRole('combobox', { name: 'Criterion' }).fill(code);
    await dialog.getByRole('option', { name: new RegExp(`^${code} `) }).click();
    return dialog;
  }

  it('saves only the form state the reviewer set: documents the page adds or ticks are ignored', async () => {
    const before = (await dbAll<EvidenceRecord>(ext, 'evidence')).length;
    const secret = `http://127.0.0.2:${new URL(site.url).port}/secret.pdf`;
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o11.html`);
    const dialog = await openTagForm(page, 'O11');
    const genuine = dialog.getByRole('checkbox', { name: 'ดาวน์โหลดรายงาน (PDF)' });
    expect(await genuine.isChecked()).toBe(false);
    // The page ticks the real document checkbox by script, points it at another address, and
    // fires the events a user would; then the reviewer saves.
    await inPage(page, `const box = root.querySelector('input[type=checkbox]');
      box.value = ${JSON.stringify(secret)}; box.setAttribute('data-doc', ''); box.checked = true;
      box.dispatchEvent(new Event('input', { bubbles: true })); box.dispatchEvent(new Event('change', { bubbles: true }));`);
    // Its change event was untrusted: the box is put back as the reviewer left it.
    expect(await genuine.isChecked()).toBe(false);
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await dialog.getByRole('status').filter({ hasText: /saved|failed|cannot|refused|cancel/i }).waitFor({ timeout: 30_000 });
    expect(await dialog.getByRole('status').textContent()).toMatch(/Evidence saved/);
    const records = await dbAll<EvidenceRecord>(ext, 'evidence');
    expect(records).toHaveLength(before + 1);
    const rec = records.find((r) => r.url.endsWith('ita/o11.html'))!;
    expect(rec.artifacts.filter((a) => a.method === 'document-bytes')).toEqual([]);
    await page.close();
  });

  it('refuses a Save after the page injected a fake document checkbox into the form', async () => {
    const before = (await dbAll<EvidenceRecord>(ext, 'evidence')).length;
    const secret = `http://127.0.0.2:${new URL(site.url).port}/secret.pdf`;
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o11.html`);
    const dialog = await openTagForm(page, 'O11');
    await inPage(page, `const fake = document.createElement('input'); fake.type = 'checkbox'; fake.setAttribute('data-doc', '');
      fake.checked = true; fake.value = ${JSON.stringify(secret)}; root.querySelector('fieldset').append(fake);`);
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByRole('alert').filter({ hasText: 'This page tried to modify the extension' }).waitFor({ timeout: 10_000 });
    expect(await dialog.count()).toBe(0);
    expect(await inPage<number>(page, 'return root.querySelectorAll("input[data-doc]").length;')).toBe(0);
    expect(await dbAll<EvidenceRecord>(ext, 'evidence')).toHaveLength(before);
    await page.close();
  });

  it('ignores a Save the page clicks by script', async () => {
    const before = (await dbAll<EvidenceRecord>(ext, 'evidence')).length;
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/hostile.html`);
    const dialog = await openTagForm(page, 'O22');
    await inPage(page, `const save = [...root.querySelectorAll('button')].find((b) => b.textContent === 'Save evidence');
      save.click(); save.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
      root.querySelector('.panel').dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));`);
    await page.waitForTimeout(1500);
    expect(await dialog.isVisible()).toBe(true);
    expect(await dialog.getByRole('status').textContent()).toBe('');
    expect(await dbAll<EvidenceRecord>(ext, 'evidence')).toHaveLength(before);
    await page.close();
  });

  it('refuses a real click on a Save button the page made transparent (clickjacking)', async () => {
    const before = (await dbAll<EvidenceRecord>(ext, 'evidence')).length;
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/hostile.html`);
    const dialog = await openTagForm(page, 'O22');
    await inPage(page, `const s = document.createElement('style'); s.textContent = '.primary { opacity: 0 !important; }'; root.append(s);`);
    await dialog.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByRole('alert').filter({ hasText: 'This page tried to modify the extension' }).waitFor({ timeout: 10_000 });
    expect(await dialog.count()).toBe(0);
    // What the page added is gone; the overlay works again.
    expect(await inPage<number>(page, 'return root.querySelectorAll("style").length;')).toBeLessThanOrEqual(2);
    await page.waitForTimeout(2000);
    expect(await dbAll<EvidenceRecord>(ext, 'evidence')).toHaveLength(before);
    // The same through the CSSOM (no DOM change to observe): our own sheet gains a rule.
    const cssom = await openTagForm(page, 'O22');
    await inPage(page, `const ours = [...root.querySelectorAll('style')].at(-1); ours.sheet.insertRule('.actions button.primary { opacity: 0.01 !important; }', ours.sheet.cssRules.length);`);
    await cssom.getByRole('button', { name: 'Save evidence' }).click();
    await page.getByRole('alert').filter({ hasText: 'This page tried to modify the extension' }).waitFor({ timeout: 10_000 });
    expect(await cssom.count()).toBe(0);
    const again = await openTagForm(page, 'O22');
    await again.getByRole('button', { name: 'Save evidence' }).click();
    await again.getByRole('status').filter({ hasText: /saved|failed|cannot|refused|cancel/i }).waitFor({ timeout: 30_000 });
    expect(await again.getByRole('status').textContent()).toMatch(/Evidence saved/);
    await page.close();
  });
});
