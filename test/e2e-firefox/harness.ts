import type { ElementHandle, Frame, Page } from 'puppeteer-core';
import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../../lib/devserver/static-server';
import { launchFirefox, type LaunchedFirefox } from '../../scripts/lib/firefox';
import { blobBase64InPage, dbAllInPage, pngPixelsInPage, type Pixels } from '../e2e/in-page';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const FIREFOX_E2E_BUILD = path.join(ROOT, '.output/firefox-mv3-e2e');
export const FIREFOX_BUILD = path.join(ROOT, '.output/firefox-mv3');

export type FirefoxHarness = LaunchedFirefox;

export interface Session {
  ff: FirefoxHarness;
  site: StaticServer;
  /** The options page after setup: an extension page from which tests read IndexedDB. */
  ext: Page;
}

export async function startSession(
  opts: { build?: string; prefs?: Record<string, unknown>; setup?: boolean; downloadDir?: string } = {},
): Promise<Session> {
  const dir = opts.build ?? FIREFOX_E2E_BUILD;
  if (!existsSync(path.join(dir, 'manifest.json')))
    throw new Error(`No Firefox build at ${dir}: run npm run build:firefox:e2e`);
  const site = await startStaticServer({ root: path.join(ROOT, 'test/fixtures/site') });
  let ff: FirefoxHarness | undefined;
  try {
    ff = await launchFirefox({ extensionDir: dir, prefs: opts.prefs, downloadDir: opts.downloadDir });
    const ext = await ff.openExtPage('options.html');
    if (opts.setup !== false) await setupAgency(ext, site.url);
    return { ff, site, ext };
  } catch (e) {
    await ff?.close();
    await site.close();
    throw e;
  }
}

export async function endSession(s: Partial<Session> | undefined): Promise<void> {
  await s?.ff?.close();
  await s?.site?.close();
}

/**
 * Finds by role and accessible name (exact), as a person would. In Firefox the accessibility
 * locator does not enter shadow roots by itself: `>>>` makes it look inside them too.
 */
export const aria = (role: string, name?: string) =>
  `>>> ${name === undefined ? `::-p-aria([role="${role}"])` : `::-p-aria([name=${JSON.stringify(name)}][role="${role}"])`}`;

type Scope = Page | Frame | ElementHandle;

/**
 * The accessible name, enough for our own markup: aria-labelledby, aria-label, a <label> of the
 * control, or its text. (The `::-p-aria` locator matches exact names only; tests often need a prefix.)
 */
export function nameOf(el: ElementHandle): Promise<string> {
  return el.evaluate((n) => {
    const e = n as HTMLElement;
    const root = e.getRootNode() as Document | ShadowRoot;
    const ids = e.getAttribute('aria-labelledby');
    if (ids)
      return ids
        .split(/\s+/)
        .map((id) => root.getElementById?.(id)?.textContent ?? '')
        .join(' ')
        .trim();
    const label = e.getAttribute('aria-label');
    if (label) return label.trim();
    const labels = (e as HTMLInputElement).labels;
    if (labels?.length)
      return [...labels]
        .map((l) => l.textContent ?? '')
        .join(' ')
        .trim();
    return (e.textContent ?? '').replace(/\s+/g, ' ').trim();
  });
}

/** Every element of `role` whose accessible name matches `name`. */
export async function allByRole(scope: Scope, role: string, name: RegExp): Promise<ElementHandle[]> {
  const out: ElementHandle[] = [];
  for (const el of await scope.$$(aria(role))) {
    if (name.test(await nameOf(el))) out.push(el);
    else await el.dispose();
  }
  return out;
}

/** The first element of `role` whose accessible name matches `name`, waiting for it. */
export async function byRole(scope: Scope, role: string, name: RegExp, timeout = 15_000): Promise<ElementHandle> {
  const until = Date.now() + timeout;
  for (;;) {
    const [el] = await allByRole(scope, role, name);
    if (el) return el;
    if (Date.now() > until) throw new Error(`No ${role} named ${name} within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until the element's text matches, and returns it. */
export async function waitForText(el: ElementHandle, re: RegExp, timeout = 60_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const t = (await el.evaluate((n) => n.textContent ?? '')) ?? '';
    if (re.test(t)) return t;
    if (Date.now() > until) throw new Error(`Text never matched ${re}; last: ${t}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Sets up the agency through the options page, as a reviewer would. */
export async function setupAgency(page: Page, homeUrl: string, name = 'เทศบาลตำบลทดสอบ'): Promise<void> {
  await page.locator(aria('textbox', 'Agency name')).fill(name);
  await page.locator(aria('textbox', 'Main website URL')).fill(homeUrl);
  await page.locator(aria('button', 'Save settings')).click();
  await waitForText(await byRole(page, 'status', /Settings saved/), /Settings saved/, 15_000);
}

/** Reads every row of a store of the extension's IndexedDB, through an extension page. */
export async function dbAll<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(dbAllInPage, store) as Promise<T[]>;
}

/** A stored blob's bytes as base64, through an extension page. */
export const blobBase64 = (page: Page, id: string): Promise<string> => page.evaluate(blobBase64InPage, id);

/** A PNG's size and chosen pixels as [r,g,b], decoded in an extension page. */
export const pngPixels = (page: Page, b64: string, pts: [number, number][]): Promise<Pixels> =>
  page.evaluate(pngPixelsInPage, { b64, pts });

export interface TagForm {
  /** The frame that holds the form: the extension's own frame on the page (or the page itself). */
  frame: Frame;
  dialog: ElementHandle;
}

/**
 * The tagging dialog, in the page or in any frame of it: the form lives in an extension frame that
 * the overlay places on the page.
 */
export async function findTagForm(page: Page, timeout = 15_000): Promise<TagForm> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      const dialog = await frame.$(aria('dialog', 'Tag this page as evidence')).catch(() => null);
      if (dialog) return { frame, dialog };
    }
    if (Date.now() > until) throw new Error(`No tagging dialog within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export const findDialog = async (page: Page, timeout?: number): Promise<ElementHandle> =>
  (await findTagForm(page, timeout)).dialog;

/** Presses the page's "Tag this page" button and waits for the form. */
export async function openTagForm(page: Page): Promise<TagForm> {
  await page.locator(aria('button', 'Tag this page')).setTimeout(15_000).click();
  return findTagForm(page);
}

/** The words that end a Save, whatever its outcome. */
export const SAVE_ENDED = /saved|failed|cannot|refused|full|cancel|limit|permission|access/i;

/** Tags the current page through the overlay: choose items, optional note, save; returns the status text. */
export async function tagPage(
  page: Page,
  codes: string[],
  opts: { note?: string; mode?: 'Visible area' | 'Full page' | 'Element' } = {},
): Promise<string> {
  return fillAndSave(await openTagForm(page), codes, opts);
}

/** Chooses exactly these items: removes a suggested one that is not wanted, adds the others. */
export async function chooseItems(dialog: ElementHandle, codes: string[]): Promise<void> {
  for (const chip of await allByRole(dialog, 'button', /^Remove O\d+$/)) {
    const code = /^Remove (O\d+)$/.exec(await nameOf(chip))?.[1];
    if (code && !codes.includes(code)) await chip.click();
  }
  for (const code of codes) {
    if ((await allByRole(dialog, 'button', new RegExp(`^Remove ${code}$`))).length) continue;
    const box = await dialog.waitForSelector(aria('combobox', 'Criterion'));
    await box!.click({ count: 3 });
    await box!.type(code);
    await (await byRole(dialog, 'option', new RegExp(`^${code} `))).click();
  }
}

/** In an open tagging form: choose items, optional note and mode, press Save; returns the status text. */
export async function fillAndSave(
  { frame, dialog }: TagForm,
  codes: string[],
  opts: { note?: string; mode?: 'Visible area' | 'Full page' | 'Element' } = {},
): Promise<string> {
  await chooseItems(dialog, codes);
  if (opts.note) await (await dialog.waitForSelector(aria('textbox', 'Note')))!.type(opts.note);
  if (opts.mode) await (await dialog.waitForSelector(aria('radio', opts.mode)))!.click();
  await (await dialog.waitForSelector(aria('button', 'Save evidence')))!.click();
  return saveResult(frame.page());
}

/**
 * Save's result: a status line in the form's frame, which stays a few seconds after the dialog has
 * closed. Looked up afresh each time, because the overlay may replace the frame meanwhile (a full-page
 * capture hides the overlay).
 */
export async function saveResult(page: Page, timeout = 60_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    for (const frame of page.frames()) {
      // A role query by CSS, bounded: Firefox's accessibility locator does not answer for a frame
      // inside an overlay hidden during a capture (it waited until the frame went away).
      const texts = frame
        .$$eval('[role="status"]', (els) => els.map((e) => e.textContent ?? ''))
        .catch(() => [] as string[]);
      const text = (await Promise.race([texts, new Promise<string[]>((r) => setTimeout(() => r([]), 1000))])).find(
        (t) => SAVE_ENDED.test(t),
      );
      if (text) return text;
    }
    if (Date.now() > until) throw new Error(`Save did not end within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits for a finished download (Firefox writes `name.part` until it is done) and returns its path. */
export async function waitForDownload(dir: string, name: RegExp, timeout = 60_000): Promise<string> {
  const until = Date.now() + timeout;
  for (;;) {
    const files = await readdir(dir);
    const done = files.find((f) => name.test(f) && !files.includes(`${f}.part`));
    if (done) return path.join(dir, done);
    if (Date.now() > until)
      throw new Error(`No download matching ${name} in ${dir} within ${timeout} ms (saw: ${files.join(', ')})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
