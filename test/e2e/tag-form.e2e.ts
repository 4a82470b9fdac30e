import { setUiLanguage as setLanguage } from '../../scripts/lib/tour';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { BE_OFFSET } from '../../lib/i18n/buddhist-era';
import {
  chooseItems,
  dbAll,
  endSession,
  openTagForm,
  saveAndWait,
  startSession,
  tagDialog,
  tagStatus,
  TAG_NAMES,
  type Session,
  chooseTagMenuItem,
} from './harness';

/** A contact page whose URL names no item: only its words say it is O5. */
const CONTACT = `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ติดต่อเรา - เทศบาลตำบลทดสอบ</title></head>
<body><h1>ติดต่อเรา</h1><p>สำนักงานเทศบาลตำบลทดสอบ 99 หมู่ 4 ถนนทดสอบ อำเภอเมือง จังหวัดตัวอย่าง 71000</p>
<p>โทรศัพท์ 0 3471 2345 โทรสาร 0 3471 2346 e-mail saraban@tuayang.example.org</p></body></html>`;

const WORDS = {
  en: {
    saved: 'Evidence saved as O5',
    undo: 'Undo',
    dismiss: 'Dismiss',
    already: 'already',
    choose: 'Choose at least one criterion',
    noMatch: 'No criterion found',
  },
  th: {
    saved: 'บันทึกหลักฐานเป็นข้อ O5',
    undo: 'เลิกทำ',
    dismiss: 'ปิดข้อความ',
    already: 'อยู่แล้ว',
    choose: 'โปรดเลือกอย่างน้อยหนึ่งข้อ',
    noMatch: 'ไม่พบข้อที่ตรงกัน',
  },
} as const;

/** The element focused in the page, looking through our overlay's shadow root. */
const focusedInOverlay = (page: Page) =>
  page.evaluate(() => {
    const host = document.querySelector('ita-evidence-overlay');
    return document.activeElement === host ? (host?.shadowRoot?.activeElement?.textContent ?? null) : null;
  });

for (const lang of ['en', 'th'] as const) {
  describe(`the tagging form, ${lang === 'en' ? 'English' : 'Thai'} UI`, () => {
    let s: Session;
    const n = TAG_NAMES[lang];
    const w = WORDS[lang];
    const records = async (suffix: string) =>
      (await dbAll<EvidenceRecord>(s.ext, 'evidence')).filter((r) => r.url.endsWith(suffix));

    beforeAll(async () => {
      s = await startSession({
        prepare: (site) =>
          site.setOverride('/contact.html', (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(CONTACT);
          }),
      });
      if (lang === 'th') await setLanguage(s.ext, 'th');
    });
    afterAll(async () => {
      await endSession(s);
    });

    it('suggests O5 on a contact page: one click on Save saves it, the dialog closes, a status stays with Undo', async () => {
      const page = await s.h.ctx.newPage();
      await page.goto(`${s.site.url}contact.html`);
      const dialog = await openTagForm(page, lang);
      await dialog.getByRole('button', { name: n.remove('O5'), exact: true }).waitFor();
      // The list does not open by itself over the form.
      expect(await dialog.getByRole('listbox').isVisible()).toBe(false);
      const text = await saveAndWait(page, dialog, lang);
      expect(text).toContain(w.saved);
      if (lang === 'en') expect(text.toLowerCase()).toContain('saved');
      expect(await dialog.count()).toBe(0);
      const status = tagStatus(page);
      expect(await status.isVisible()).toBe(true);
      const saved = await records('/contact.html');
      expect(saved.map((r) => r.criteria)).toEqual([['O5']]);

      await status.getByRole('button', { name: w.undo, exact: true }).click();
      await expect.poll(async () => (await records('/contact.html')).length).toBe(0);
      await status.getByRole('button', { name: w.dismiss, exact: true }).click();
      await expect.poll(() => status.count()).toBe(0);
      // Focus returns to the tag button.
      await expect.poll(() => focusedInOverlay(page)).toBe(n.button);
      await page.close();
    });

    it('Escape closes the open list first, then the dialog; the input is kept for this page', async () => {
      const page = await s.h.ctx.newPage();
      await page.goto(`${s.site.url}ita/o1.html`);
      const dialog = await openTagForm(page, lang);
      await dialog.getByRole('textbox', { name: n.note }).fill('ร่างหมายเหตุ');
      const combo = dialog.getByRole('combobox', { name: n.criterion });
      await combo.fill('O2');
      const list = dialog.getByRole('listbox');
      await list.waitFor();
      await combo.press('Escape');
      await expect.poll(() => list.isVisible()).toBe(false);
      expect(await dialog.isVisible()).toBe(true);
      await combo.press('Escape');
      await expect.poll(() => dialog.count()).toBe(0);
      await expect.poll(() => focusedInOverlay(page)).toBe(n.button);

      const again = await openTagForm(page, lang);
      expect(await again.getByRole('textbox', { name: n.note }).inputValue()).toBe('ร่างหมายเหตุ');
      expect(await again.getByRole('button', { name: n.remove('O1'), exact: true }).count()).toBe(1);
      await page.close();
    });

    it('searches both languages; "no match" is said outside the list; a stale error goes once an item is chosen', async () => {
      const page = await s.h.ctx.newPage();
      await page.goto(`${s.site.url}about/index.html`);
      const dialog = await openTagForm(page, lang);
      await chooseItems(dialog, [], lang);
      await dialog.getByRole('button', { name: n.save, exact: true }).click();
      const status = tagStatus(page);
      await status.filter({ hasText: w.choose }).waitFor();
      const combo = dialog.getByRole('combobox', { name: n.criterion });
      await combo.fill('contact');
      await dialog.getByRole('option', { name: /^O5 / }).waitFor();
      await combo.fill('ผู้บริหาร');
      await dialog.getByRole('option', { name: /^O2 / }).click();
      await expect.poll(() => status.textContent()).toBe('');
      await combo.fill('zzzzqq');
      await dialog.getByText(w.noMatch).waitFor();
      expect(await dialog.getByRole('option').count()).toBe(0);
      await page.close();
    });

    it('warns before saving when the page is already evidence for a chosen item, with the earlier capture time; saving again still works', async () => {
      const page = await s.h.ctx.newPage();
      await page.goto(`${s.site.url}ita/o5.html`);
      const first = await openTagForm(page, lang);
      await chooseItems(first, ['O5'], lang);
      expect(await first.getByRole('alert').count()).toBe(0);
      expect(await saveAndWait(page, first, lang)).toContain(w.saved);
      await page.reload();
      const dialog = await openTagForm(page, lang);
      await chooseItems(dialog, ['O5'], lang);
      const alert = dialog.getByRole('alert').filter({ hasText: w.already });
      await alert.waitFor();
      expect(await alert.textContent()).toContain(String(new Date().getFullYear() + BE_OFFSET));
      expect(await saveAndWait(page, dialog, lang)).toContain(w.saved);
      expect(await records('/ita/o5.html')).toHaveLength(2);
      await page.close();
    });

    it('registers the context-menu item "Tag this page as ITA evidence"', async () => {
      const exists = await s.h.worker.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const c = (
              globalThis as unknown as {
                chrome: {
                  contextMenus: { update(id: string, p: object, cb: () => void): void };
                  runtime: { lastError?: unknown };
                };
              }
            ).chrome;
            c.contextMenus.update('ita-tag-page', {}, () => resolve(!c.runtime.lastError));
          }),
      );
      expect(exists).toBe(true);
      const missing = await s.h.worker.evaluate(
        () =>
          new Promise<boolean>((resolve) => {
            const c = (
              globalThis as unknown as {
                chrome: {
                  contextMenus: { update(id: string, p: object, cb: () => void): void };
                  runtime: { lastError?: unknown };
                };
              }
            ).chrome;
            c.contextMenus.update('no-such-item', {}, () => resolve(!c.runtime.lastError));
          }),
      );
      expect(missing).toBe(false);
    });

    it('the context-menu item opens the form on the page it was chosen on, and Save stores it', async () => {
      const page = await s.h.ctx.newPage();
      await page.goto(`${s.site.url}ita/o7.html`);
      await page.bringToFront();
      // This build has all sites, so no activeTab is needed; the production build's gesture path is the
      // toolbar's, in permissions.e2e.ts.
      await chooseTagMenuItem(s.h, `${s.site.url}ita/o7.html`);
      const dialog = tagDialog(page, lang);
      await dialog.waitFor();
      await chooseItems(dialog, ['O7'], lang);
      expect(await saveAndWait(page, dialog, lang)).toContain(w.saved.replace('O5', 'O7'));
      expect((await records('/ita/o7.html')).map((r) => r.criteria)).toEqual([['O7']]);
      await page.close();
    });
  });
}
