import type { FrameLocator, Locator, Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../../lib/devserver/static-server';
import { FORM_STRINGS, OVERLAY_STRINGS, fill } from '../../lib/i18n/overlay-strings';
import { gotoExtensionPage, launchWithExtension, type LaunchedExtension } from '../../scripts/lib/chromium';
import { dbAllInPage } from './in-page';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const E2E_BUILD = path.join(ROOT, '.output/chrome-mv3-e2e');

export type Harness = LaunchedExtension;

/** Launches Chromium with the e2e build of the extension in a fresh profile. */
export async function launchExtension(
  opts: { locale?: string; viewport?: { width: number; height: number } } = {},
): Promise<Harness> {
  if (!existsSync(path.join(E2E_BUILD, 'manifest.json')))
    throw new Error(`No e2e build at ${E2E_BUILD}: run npm run build:e2e`);
  return launchWithExtension({ extensionDir: E2E_BUILD, ...opts });
}

export async function serveFixture(root = path.join(ROOT, 'test/fixtures/site')): Promise<StaticServer> {
  return startStaticServer({ root });
}

export interface Session {
  h: Harness;
  site: StaticServer;
  /** The options page after setup: an extension page from which tests read IndexedDB. */
  ext: Page;
}

/**
 * The usual start of an e2e suite: serve the fixture site, launch the extension, set up the agency.
 * `prepare` runs on the server before the browser starts (e.g. setOverride).
 */
export async function startSession(
  opts: { prepare?(site: StaticServer): void; agencyName?: string; locale?: string } = {},
): Promise<Session> {
  const site = await serveFixture();
  opts.prepare?.(site);
  const h = await launchExtension({ locale: opts.locale });
  const ext = await setupAgency(h, site.url, opts.agencyName);
  return { h, site, ext };
}

export async function endSession(s: Partial<Session> | undefined): Promise<void> {
  await s?.h?.close();
  await s?.site?.close();
}

/** Sets up the agency through the options page, as a reviewer would. */
export async function setupAgency(h: Harness, homeUrl: string, name = 'เทศบาลตำบลทดสอบ'): Promise<Page> {
  const page = await h.ctx.newPage();
  await gotoExtensionPage(h, page, 'options.html');
  await page.getByRole('textbox', { name: 'Agency name' }).fill(name);
  await page.getByRole('textbox', { name: 'Main website URL' }).fill(homeUrl);
  await page.getByRole('button', { name: 'Save settings' }).click();
  await page.getByRole('status').filter({ hasText: 'Settings saved' }).waitFor();
  return page;
}

/** Reads every row of a store of the extension's IndexedDB, through an extension page. */
export async function dbAll<T>(page: Page, store: string): Promise<T[]> {
  return page.evaluate(dbAllInPage, store) as Promise<T[]>;
}

/**
 * The tagging form lives in an extension-origin frame that the overlay places on the page: look
 * inside it with these. Names follow the UI language ('en' unless the session set Thai).
 */
export const TAG_NAMES = Object.fromEntries(
  (['en', 'th'] as const).map((lang) => {
    const o = OVERLAY_STRINGS[lang];
    return [
      lang,
      {
        button: o.tagButton,
        dialog: o.dialog,
        criterion: o.criterion,
        note: o.note,
        capture: o.capture,
        save: o.save,
        remove: (code: string) => fill(FORM_STRINGS[lang].removeItem, { code }),
      },
    ];
  }),
) as Record<
  'en' | 'th',
  {
    button: string;
    dialog: string;
    criterion: string;
    note: string;
    capture: string;
    save: string;
    remove(code: string): string;
  }
>;
export type UiLang = keyof typeof TAG_NAMES;

/** The frame holding the tagging form. */
export function tagForm(page: Page): FrameLocator {
  return page.frameLocator('iframe[name="ita-evidence-form"]');
}

export function tagDialog(page: Page, lang: UiLang = 'en'): Locator {
  return tagForm(page).getByRole('dialog', { name: TAG_NAMES[lang].dialog });
}

/** The form's status line: Save's result (it stays a few seconds after the dialog closed). */
export function tagStatus(page: Page): Locator {
  return tagForm(page).getByRole('status');
}

/** Clicks the page's "Tag this page" button and waits for the dialog. */
export async function openTagForm(page: Page, lang: UiLang = 'en'): Promise<Locator> {
  await page.getByRole('button', { name: TAG_NAMES[lang].button, exact: true }).click();
  const dialog = tagDialog(page, lang);
  await dialog.waitFor();
  return dialog;
}

/** Chooses exactly these items: removes a suggested one that is not wanted, adds the others. */
export async function chooseItems(dialog: Locator, codes: string[], lang: UiLang = 'en'): Promise<void> {
  const names = TAG_NAMES[lang];
  const removeRe = new RegExp(`^${fill(FORM_STRINGS[lang].removeItem, { code: '(O\\d+)' })}$`);
  for (const chip of await dialog.getByRole('button', { name: removeRe }).all()) {
    const code = removeRe.exec((await chip.getAttribute('aria-label')) ?? '')?.[1];
    if (code && !codes.includes(code)) await chip.click();
  }
  for (const code of codes) {
    if (await dialog.getByRole('button', { name: names.remove(code), exact: true }).count()) continue;
    // Typing again once, as a person would: under load the list was twice found closed after typing
    // on a PDF tab (capture.e2e; cause not found, see the closing note of this round).
    for (let attempt = 1; ; attempt++) {
      await dialog.getByRole('combobox', { name: names.criterion }).fill(code);
      const picked = await dialog
        .getByRole('option', { name: new RegExp(`^${code} `) })
        .click({ timeout: 10_000 })
        .then(() => true)
        .catch((e: unknown) => {
          if (attempt >= 2) throw e;
          return false;
        });
      if (picked) break;
    }
    await dialog.getByRole('button', { name: names.remove(code), exact: true }).waitFor();
  }
}

/** Presses Save and returns the status text once Save has ended (saved or refused). */
export async function saveAndWait(page: Page, dialog: Locator, lang: UiLang = 'en'): Promise<string> {
  await dialog.getByRole('button', { name: TAG_NAMES[lang].save, exact: true }).click();
  const status = tagStatus(page);
  await status.filter({ hasNotText: /^(Saving…|กำลังบันทึก…)$/ }).waitFor({ timeout: 60_000 });
  return (await status.textContent()) ?? '';
}

/** Tags the current page through the overlay: choose items, optional note, save; returns the status text. */
export async function tagPage(
  page: Page,
  codes: string[],
  opts: { note?: string; mode?: 'Visible area' | 'Full page' | 'Element' } = {},
): Promise<string> {
  const dialog = await openTagForm(page);
  await chooseItems(dialog, codes);
  if (opts.note) await dialog.getByRole('textbox', { name: 'Note' }).fill(opts.note);
  if (opts.mode)
    await dialog.getByRole('radiogroup', { name: 'Capture' }).getByRole('radio', { name: opts.mode }).check();
  return saveAndWait(page, dialog);
}

/**
 * The context-menu item "Tag this page as ITA evidence" chosen on the tab showing `url`. Chrome's own menu cannot be
 * clicked from automation: the click event Chrome would send is dispatched to the worker's real listener instead.
 */
export async function chooseTagMenuItem(h: Harness, url: string): Promise<void> {
  await h.worker.evaluate(async (u) => {
    const c = (
      globalThis as unknown as {
        chrome: {
          tabs: { query(q: object): Promise<{ id: number; url: string }[]> };
          contextMenus: { onClicked: { dispatch(info: object, tab: object): void } };
        };
      }
    ).chrome;
    const [tab] = (await c.tabs.query({})).filter((t) => t.url === u);
    c.contextMenus.onClicked.dispatch({ menuItemId: 'ita-tag-page', pageUrl: u, editable: false }, tab!);
  }, url);
}
