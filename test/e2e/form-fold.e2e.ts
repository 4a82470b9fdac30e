import { setUiLanguage as setLanguage } from '../../scripts/lib/tour';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { fill, FORM_STRINGS } from '../../lib/i18n/overlay-strings';
import { chooseItems, dbAll, endSession, openTagForm, startSession, tagForm, TAG_NAMES, type Session } from './harness';

/** Scroll offsets and whether anything in the form's frame has more content than it shows. */
const frameScrolling = (page: Page) =>
  tagForm(page)
    .locator('html')
    .evaluate(() => {
      const els = [document.scrollingElement!, ...document.body.querySelectorAll('*')];
      return {
        scrolled: els.filter((el) => el.scrollTop > 0).length,
        overflowing: els.filter((el) => {
          const y = getComputedStyle(el).overflowY;
          const scrolls = el === document.scrollingElement || y === 'auto' || y === 'scroll';
          return scrolls && el.scrollHeight > el.clientHeight + 1;
        }).length,
      };
    });

/**
 * Where Save is on the page (Playwright gives page coordinates for an element in a frame), the
 * frame's own box, and whether Save is what the form has at Save's centre (nothing of the form on it).
 */
async function saveInSight(page: Page, save: Locator) {
  const box = await save.boundingBox();
  const frame = await page.evaluate(() => {
    const f = document.querySelector('ita-evidence-overlay')!.shadowRoot!.querySelector('iframe')!;
    const r = f.getBoundingClientRect();
    return { top: r.top, bottom: r.bottom, height: r.height, viewport: innerHeight };
  });
  const onTop = await save.evaluate((b) => {
    const r = b.getBoundingClientRect();
    return document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2) === b;
  });
  return { box, frame, onTop };
}

const CASES = [
  { lang: 'en', width: 1280, height: 520, scrolls: true },
  { lang: 'th', width: 1280, height: 520, scrolls: true },
  { lang: 'th', width: 400, height: 520, scrolls: true },
  { lang: 'en', width: 1280, height: 1000, scrolls: false },
] as const;

/**
 * The form is taller than a laptop window: its fields scroll in their own region, and Save stays in
 * sight below them, so that with the suggestion right tagging is one click on Save.
 */
describe('the tagging form in a short window: Save is in sight without scrolling', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await endSession(s);
  });

  for (const c of CASES) {
    it(`${c.lang}, ${c.width}×${c.height}: Save is on screen${c.scrolls ? ' while the fields scroll' : ', nothing scrolls'}, and one click saves`, async () => {
      await setLanguage(s.ext, c.lang);
      const n = TAG_NAMES[c.lang];
      const page = await s.h.ctx.newPage();
      await page.setViewportSize({ width: c.width, height: c.height });
      const url = `${s.site.url}ita/o5.html?fold=${c.lang}-${c.width}x${c.height}`;
      await page.goto(url);
      const dialog = await openTagForm(page, c.lang);
      await chooseItems(dialog, ['O5'], c.lang);
      const save = dialog.getByRole('button', { name: n.save, exact: true });

      // The frame has taken the form's size (it starts small and grows once the form reports it).
      await expect
        .poll(async () => (await saveInSight(page, save)).frame.height, { timeout: 10_000 })
        .toBeGreaterThan(200);
      // Save lies wholly inside the frame and the window, and nothing of the form is on it.
      await expect
        .poll(
          async () => {
            const { box, frame, onTop } = await saveInSight(page, save);
            return (
              box !== null &&
              box.y >= frame.top &&
              box.y + box.height <= Math.min(frame.bottom, frame.viewport) &&
              onTop
            );
          },
          { timeout: 10_000 },
        )
        .toBe(true);
      const scrolling = await frameScrolling(page);
      // Nothing was scrolled to get there.
      expect(scrolling.scrolled).toBe(0);
      // In the short window there is more form than fits (so this is no vacuous pass); in the tall one, none.
      if (c.scrolls) expect(scrolling.overflowing).toBeGreaterThan(0);
      else expect(scrolling.overflowing).toBe(0);

      await save.click();
      const status = tagForm(page).getByRole('status');
      await status
        .filter({ hasText: fill(FORM_STRINGS[c.lang].savedAs, { codes: 'O5', count: 3 }).split(' (')[0]! })
        .waitFor({ timeout: 60_000 });
      const records = (await dbAll<EvidenceRecord>(s.ext, 'evidence')).filter((r) => r.url === url);
      expect(records.map((r) => r.criteria)).toEqual([['O5']]);
      await page.close();
    });
  }

  it('in the short window, Tab walks into the fields below the fold and each focused one is scrolled into sight', async () => {
    await setLanguage(s.ext, 'en');
    const page = await s.h.ctx.newPage();
    await page.setViewportSize({ width: 1280, height: 520 });
    await page.goto(`${s.site.url}ita/o5.html?fold=tab`);
    const dialog = await openTagForm(page, 'en');
    await chooseItems(dialog, ['O5'], 'en');
    const note = dialog.getByRole('textbox', { name: TAG_NAMES.en.note });
    await dialog.getByRole('combobox', { name: TAG_NAMES.en.criterion }).focus();
    for (let i = 0; i < 40 && !(await note.evaluate((el) => el === document.activeElement)); i++)
      await page.keyboard.press('Tab');
    expect(await note.evaluate((el) => el === document.activeElement)).toBe(true);
    // The note is in sight: inside the frame and the window, not under anything of the form.
    const inSight = await note.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return r.top >= 0 && r.bottom <= innerHeight && hit === el;
    });
    expect(inSight).toBe(true);
    await page.close();
  });
});
