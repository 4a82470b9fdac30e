import type { Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer, type StaticServer } from '../../lib/devserver/static-server';
import { launchWithExtension, type LaunchedExtension } from '../../scripts/lib/chromium';
import { dbAllInPage } from './in-page';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const E2E_BUILD = path.join(ROOT, '.output/chrome-mv3-e2e');

export type Harness = LaunchedExtension;

/** Launches Chromium with the e2e build of the extension in a fresh profile. */
export async function launchExtension(opts: { locale?: string; viewport?: { width: number; height: number } } = {}): Promise<Harness> {
  if (!existsSync(path.join(E2E_BUILD, 'manifest.json'))) throw new Error(`No e2e build at ${E2E_BUILD}: run npm run build:e2e`);
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
export async function startSession(opts: { prepare?(site: StaticServer): void; agencyName?: string; locale?: string } = {}): Promise<Session> {
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
  await page.goto(h.extUrl('options.html'));
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

/** Tags the current page through the overlay: pick criteria, optional note, save; returns the status text. */
export async function tagPage(page: Page, codes: string[], opts: { note?: string; mode?: 'Visible area' | 'Full page' | 'Element' } = {}): Promise<string> {
  await page.getByRole('button', { name: 'Tag this page' }).click();
  const dialog = page.getByRole('dialog', { name: 'Tag this page as evidence' });
  await dialog.waitFor();
  for (const code of codes) {
    await dialog.getByRole('combobox', { name: 'Criterion' }).fill(code);
    await dialog.getByRole('option', { name: new RegExp(`^${code} `) }).click();
  }
  if (opts.note) await dialog.getByRole('textbox', { name: 'Note' }).fill(opts.note);
  if (opts.mode) await dialog.getByRole('radiogroup', { name: 'Capture' }).getByRole('radio', { name: opts.mode }).check();
  await dialog.getByRole('button', { name: 'Save evidence' }).click();
  const status = dialog.getByRole('status');
  await status.filter({ hasText: /saved|failed|cannot|refused|full|cancel|limit/i }).waitFor({ timeout: 60_000 });
  return (await status.textContent()) ?? '';
}
