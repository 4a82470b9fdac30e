import { setUiLanguage as setLanguage } from '../../scripts/lib/tour';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import type { Page, Worker } from 'playwright-core';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { FORM_STRINGS, OVERLAY_STRINGS } from '../../lib/i18n/overlay-strings';
import {
  chooseItems,
  dbAll,
  endSession,
  openTagForm,
  ROOT,
  startSession,
  tagStatus,
  TAG_NAMES,
  type Session,
  tagDialog,
  chooseTagMenuItem,
} from './harness';
import { blobBase64, near, pngPixels } from './pixels';

/**
 * A page with one CSS image: the page loads it at once; the snapshot keeps CSS images as links, so
 * the worker fetches it at Save, and that fetch is held.
 */
const SLOW_PAGE = `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>ข้อมูลการติดต่อ</title></head>
<body><h1>ข้อมูลการติดต่อ</h1><p>โทรศัพท์ 0 3471 2345</p><div style="width:300px;height:150px;background:url(/ita/held.png)"></div></body></html>`;

/**
 * Stops the extension's service worker, as Chrome does to an idle or crashed one: CDP
 * ServiceWorker.stopAllWorkers from one of the extension's pages (the worker's storage partition).
 */
async function killWorker(ext: Page): Promise<void> {
  const cdp = await ext.context().newCDPSession(ext);
  try {
    await cdp.send('ServiceWorker.enable');
    await cdp.send('ServiceWorker.stopAllWorkers');
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/** The URLs of the active tabs, as the service worker sees them. */
async function activeTabUrls(worker: Worker): Promise<(string | undefined)[]> {
  return worker.evaluate(async () => {
    const c = (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ url?: string }[]> } } }).chrome;
    return (await c.tabs.query({ active: true })).map((t) => t.url);
  });
}

describe('a Save that the extension cannot finish', () => {
  let s: Session;
  let png: Buffer;
  const held: ServerResponse[] = [];
  let onHeld: (() => void) | null = null;
  const release = () => {
    for (const res of held.splice(0)) res.end(png);
  };

  beforeAll(async () => {
    png = await readFile(path.join(ROOT, 'test/fixtures/site/ita/img/lazy-1.png'));
    s = await startSession({
      prepare: (site) => {
        site.setOverride('/red.html', (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<!DOCTYPE html><title>red</title><body style="margin:0;background:#ff0000"></body>');
        });
        site.setOverride('/ita/slow.html', (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(SLOW_PAGE);
        });
        // The page's own load of the image is served; the worker's fetch of it at Save (a fetch,
        // not an image load) is held until the test releases it.
        site.setOverride('/ita/held.png', (req, res) => {
          res.writeHead(200, { 'content-type': 'image/png' });
          if (req.headers['sec-fetch-dest'] === 'image' || !onHeld) return void res.end(png);
          held.push(res);
          onHeld();
          onHeld = null;
        });
      },
    });
  });
  afterAll(async () => {
    release();
    await endSession(s);
  });

  it('a full-page capture stopped halfway gives the page back: scroll position restored, form shown, input kept', async () => {
    await setLanguage(s.ext, 'en');
    const n = TAG_NAMES.en;
    const page = await s.h.ctx.newPage();
    await page.goto(`${s.site.url}ita/long.html`);
    await page.evaluate(() => window.scrollTo({ top: 1234, behavior: 'instant' }));
    const dialog = await openTagForm(page);
    await chooseItems(dialog, ['O7']);
    await dialog.getByRole('radiogroup', { name: n.capture }).getByRole('radio', { name: 'Full page' }).check();
    await dialog.getByRole('button', { name: n.save, exact: true }).click();
    // The full-page pass has started scrolling the page: stop the worker there.
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 30_000 }).not.toBe(1234);
    await killWorker(s.ext);

    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 30_000 }).toBe(1234);
    const formOpacity = () =>
      page.evaluate(() => {
        const frame = document.querySelector('ita-evidence-overlay')?.shadowRoot?.querySelector('iframe');
        return frame ? getComputedStyle(frame).opacity : null;
      });
    await expect.poll(formOpacity, { timeout: 30_000 }).toBe('1');
    await tagStatus(page).filter({ hasText: FORM_STRINGS.en.restarted }).waitFor();
    expect(await dialog.getByRole('button', { name: n.remove('O7'), exact: true }).count()).toBe(1);
    await page.close();
  });

  it('the screenshot is never of another tab: a form opened on a tab behind another saves only once that tab is in front', async () => {
    await setLanguage(s.ext, 'en');
    const page = await s.h.ctx.newPage();
    // A URL of its own: the tag request finds its tab by URL, and a retried test must not meet its first tab.
    const url = `${s.site.url}ita/o5.html?behind=${Date.now()}`;
    await page.goto(url);
    const front = await s.h.ctx.newPage();
    await front.goto(`${s.site.url}red.html`);
    await front.bringToFront();
    // Chrome has made the red page the active tab (what the worker checks) before the request comes.
    await expect.poll(() => activeTabUrls(s.h.worker)).toContain(`${s.site.url}red.html`);
    // A tag request for the tab behind (the context-menu event, dispatched as Chrome would send it).
    await chooseTagMenuItem(s.h, url);
    const dialog = tagDialog(page);
    await dialog.waitFor();
    await chooseItems(dialog, ['O5']);
    const save = dialog.getByRole('button', { name: TAG_NAMES.en.save, exact: true });
    // No person can click into a tab behind another. Chrome does not composite a hidden tab, so a mouse
    // event sent there lands on the <iframe> element, not in the form's frame (seen: no pointer event
    // reached the form while Save was in sight in a 688 px frame). Save's own click is sent instead.
    await save.dispatchEvent('click');
    const status = tagStatus(page);
    // Refused either way: the background sees another tab in front, or (when Chrome painted the tab
    // behind for a moment under load) the form's own guard saw the frame hidden before asking.
    await status.filter({ hasText: /another tab|Not saved yet/ }).waitFor();
    const stored = async () => (await dbAll<EvidenceRecord>(s.ext, 'evidence')).filter((r) => r.url === url);
    expect(await stored()).toHaveLength(0);

    await page.bringToFront();
    // Chrome has made it the active tab (what the worker checks), and the frame is seen again.
    await expect.poll(() => activeTabUrls(s.h.worker)).toContain(url);
    // The form's clickjacking guard (IntersectionObserver v2) sees the frame again only once Chrome
    // has painted the tab: wait for the same observer to say so, as no person clicks faster.
    const form = page.frames().find((f) => f.url().includes('overlay-form.html'))!;
    await form.evaluate(
      () =>
        new Promise<void>((resolve) => {
          new IntersectionObserver(
            (entries) => {
              if ((entries.at(-1) as IntersectionObserverEntry & { isVisible?: boolean }).isVisible) resolve();
            },
            { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
          ).observe(document.querySelector('.wrap')!);
        }),
    );
    // Under load the guard may still call the form covered on the first press after the tab comes
    // to the front; a person presses Try again. At most 5 presses, then it must have saved.
    for (let press = 1; press <= 5; press++) {
      await (press === 1 ? save : status.getByRole('button', { name: 'Try again' })).click();
      // The earlier refusal's text goes while this press is saving (briefly, if refused again).
      if (press > 1)
        await expect
          .poll(() => status.textContent(), { timeout: 3_000 })
          .not.toContain('Not saved yet')
          .catch(() => undefined);
      await expect.poll(() => status.textContent(), { timeout: 30_000 }).toMatch(/Evidence saved as O5|Not saved yet/);
      if ((await status.textContent())?.includes('Evidence saved as O5')) break;
    }
    expect(await status.textContent()).toContain('Evidence saved as O5');
    const [record] = await stored();
    const shot = record!.artifacts.find((a) => a.method === 'viewport')!;
    const { pixels } = await pngPixels(s.ext, await blobBase64(s.ext, shot.id), [[200, 300]]);
    expect(near(pixels[0]!, '#ff0000')).toBe(false);
    await front.close();
    await page.close();
  });

  for (const lang of ['en', 'th'] as const) {
    it(`a worker stopped mid-save says "please save again" (${lang}), keeps the input, and saving again works`, async () => {
      await setLanguage(s.ext, lang);
      const n = TAG_NAMES[lang];
      const t = { ...OVERLAY_STRINGS[lang], ...FORM_STRINGS[lang] };
      const note = `หมายเหตุ ${lang}`;
      const page = await s.h.ctx.newPage();
      await page.goto(`${s.site.url}ita/slow.html?lang=${lang}`);
      const dialog = await openTagForm(page, lang);
      await chooseItems(dialog, ['O5'], lang);
      await dialog.getByRole('textbox', { name: n.note }).fill(note);

      const fetching = new Promise<void>((r) => (onHeld = r));
      await dialog.getByRole('button', { name: n.save, exact: true }).click();
      // Save is now inside the worker, waiting for the held image.
      await Promise.race([
        fetching,
        new Promise((_, no) => setTimeout(() => no(new Error('Save never fetched the page image')), 30_000)),
      ]);
      await killWorker(s.ext);

      const status = tagStatus(page);
      await status.filter({ hasText: t.restarted }).waitFor();
      expect(await status.textContent()).not.toMatch(/message (port|channel)|Receiving end/i);
      expect(await dialog.getByRole('button', { name: n.remove('O5'), exact: true }).count()).toBe(1);
      expect(await dialog.getByRole('textbox', { name: n.note }).inputValue()).toBe(note);
      const url = `${s.site.url}ita/slow.html?lang=${lang}`;
      const stored = async () => (await dbAll<EvidenceRecord>(s.ext, 'evidence')).filter((r) => r.url === url);
      expect(await stored()).toHaveLength(0);

      // Saving again: the new worker knows the form (its token survives in session storage).
      release();
      await status.getByRole('button', { name: t.retry, exact: true }).click();
      await status.filter({ hasText: lang === 'en' ? 'Evidence saved as O5' : 'บันทึกหลักฐานเป็นข้อ O5' }).waitFor();
      expect((await stored()).map((r) => r.note)).toEqual([note]);
      await page.close();
    });
  }
});
