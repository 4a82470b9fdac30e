import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { aria, dbAll, endSession, openTagForm, saveResult, startSession, type Session } from './harness';

/** Firefox, a laptop-short window: the form's fields scroll in their own region and Save is in sight. */
describe('Firefox: the tagging form in a 1280×520 window', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await endSession(s);
  });

  it('shows Save without any scrolling while the fields scroll, and one click on it saves', async () => {
    const page = await s.ff.browser.newPage();
    await page.setViewport({ width: 1280, height: 520 });
    const url = `${s.site.url}ita/o5.html?fold`;
    await page.goto(url);
    const { frame, dialog } = await openTagForm(page);
    // The page is suggested as O5 (its title says so): with that, tagging is one click on Save.
    await dialog.waitForSelector(aria('button', 'Remove O5'));
    const save = (await dialog.waitForSelector(aria('button', 'Save evidence')))!;
    const frameBox = () =>
      page.evaluate(() => {
        const r = document
          .querySelector('ita-evidence-overlay')!
          .shadowRoot!.querySelector('iframe')!
          .getBoundingClientRect();
        return { top: r.top, bottom: r.bottom, height: r.height, viewport: innerHeight };
      });
    // Once the frame has taken the form's size: Save lies inside the frame, which lies inside the window,
    // and Save is what the form has at Save's centre.
    const until = Date.now() + 15_000;
    let seen: unknown;
    for (;;) {
      const f = await frameBox();
      const inFrame = await save.evaluate((b) => {
        const r = b.getBoundingClientRect();
        const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
        return { top: r.top, bottom: r.bottom, inner: innerHeight, onTop: hit === b };
      });
      seen = { f, inFrame };
      if (
        f.height > 200 &&
        f.bottom <= f.viewport &&
        inFrame.top >= 0 &&
        inFrame.bottom <= inFrame.inner &&
        inFrame.onTop
      )
        break;
      if (Date.now() > until) throw new Error(`Save never in sight: ${JSON.stringify(seen)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    const scrolling = await frame.evaluate(() => {
      const els = [document.scrollingElement!, ...document.body.querySelectorAll('*')];
      return {
        scrolled: els.filter((el) => el.scrollTop > 0).length,
        overflowing: els.filter(
          (el) => el.scrollHeight > el.clientHeight + 1 && getComputedStyle(el).overflowY === 'auto',
        ).length,
      };
    });
    expect(scrolling.scrolled).toBe(0);
    // There is more form than fits: the test is not passing for want of a short window.
    expect(scrolling.overflowing).toBeGreaterThan(0);

    await save.click();
    expect(await saveResult(page)).toMatch(/Evidence saved as O5/);
    const records = (await dbAll<EvidenceRecord>(s.ext, 'evidence')).filter((r) => r.url === url);
    expect(records.map((r) => r.criteria)).toEqual([['O5']]);
    await page.close();
  });
});
