import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantedOriginsInPage, registeredScriptsInPage } from './in-page';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { EvidenceRecord } from '../../lib/evidence/types';
import type { StaticServer } from '../../lib/devserver/static-server';
import {
  clickToolbarButton,
  launchWithExtension,
  TOOLBAR_DEBUGGING,
  type LaunchedExtension,
} from '../../scripts/lib/chromium';
import { chooseItems, dbAll, openTagForm, ROOT, saveAndWait, serveFixture, setupAgency, tagDialog } from './harness';

/** The production build, as the stores ship it: no host permission at install (`npx wxt build`). */
const PROD_BUILD = path.join(ROOT, '.output/chrome-mv3');

const granted = (ext: Page) => ext.evaluate(grantedOriginsInPage);

const registeredScripts = (ext: Page) => ext.evaluate(registeredScriptsInPage);

/**
 * What the officer's "Allow" on Chrome's permission prompt leaves behind, set through Chrome's own
 * extensions page: automation cannot click the prompt. The pattern is then allowed but not yet
 * held; Chrome answers a later `permissions.request` without a prompt only when it asks for nothing
 * beyond it (anything more keeps the prompt open, and the page waiting for its answer).
 */
async function allowInChrome(h: LaunchedExtension, pattern: string): Promise<void> {
  const page = await h.ctx.newPage();
  await page.goto('chrome://extensions/');
  await page.evaluate(
    ([id, p]) =>
      (
        globalThis as unknown as {
          chrome: { developerPrivate: { addHostPermission(id: string, host: string): Promise<void> } };
        }
      ).chrome.developerPrivate.addHostPermission(id, p),
    [h.extensionId, pattern] as const,
  );
  await page.close();
}

/**
 * Chromium, production build: the permission path an officer walks. The e2e build has all sites
 * granted at install, so without this suite nothing would show that the production build asks only
 * for the agency site, that the on-page button then says at once what to do instead, and that the
 * toolbar button (activeTab, run through CDP's Extensions.triggerAction) captures anyway.
 */
describe('Chromium production build: the permission path', () => {
  let h: LaunchedExtension;
  let site: StaticServer;
  let ext: Page;
  const records = () => dbAll<EvidenceRecord>(ext, 'evidence');

  beforeAll(async () => {
    if (!existsSync(path.join(PROD_BUILD, 'manifest.json')))
      throw new Error(`No production build at ${PROD_BUILD}: run npm run build`);
    site = await serveFixture();
    // A real window, not an emulated viewport: the toolbar opens the side panel, which narrows the
    // page; input sent to an emulated 1280 px page would land beside it.
    h = await launchWithExtension({
      extensionDir: PROD_BUILD,
      viewport: null,
      args: [TOOLBAR_DEBUGGING, '--window-size=1280,800'],
    });
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('installs holding no site; setup asks Chrome for the agency site only, and the on-page button appears there', async () => {
    // Install opens the setup page in a tab of its own. Waiting for it also keeps it from taking the
    // front later from the pages below (captureVisibleTab shoots the tab in front).
    await expect
      .poll(() => h.ctx.pages().some((p) => p.url() === h.extUrl('options.html')), { timeout: 15_000 })
      .toBe(true);
    const first = h.ctx.pages().find((p) => p.url() === h.extUrl('options.html'))!;
    // Read once the setup page shows its form: an evaluation mid-load read nothing under a busy CI machine.
    await first.getByRole('textbox', { name: 'Agency name' }).waitFor();
    expect(await granted(first)).toEqual([]);
    await allowInChrome(h, '*://127.0.0.1/*');
    // Allowed is not held: only setup's own request makes it active.
    expect(await granted(first)).toEqual([]);
    await first.close();
    // "Settings saved" comes only once Chrome has answered setup's request without a prompt.
    ext = await setupAgency(h, site.url);
    expect(await granted(ext)).toEqual(['*://127.0.0.1/*']);
    // The click-path watcher follows the grant: registered for the agency site, from document_start.
    expect(await registeredScripts(ext)).toEqual([
      { id: 'ita-trail', matches: ['http://127.0.0.1/*'], runAt: 'document_start' },
    ]);
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o5.html`);
    await page.getByRole('button', { name: 'Tag this page', exact: true }).waitFor();
    await page.close();
  });

  it('the on-page button says as the dialog opens that it cannot take the screenshot, and names the remedy', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o5.html`);
    const dialog = await openTagForm(page);
    const alert = dialog.getByRole('alert').filter({ hasText: /screenshot/ });
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toMatch(/right-click/i);
    expect(text).toMatch(/toolbar/i);
    expect(text).toMatch(/all sites/i);
    await page.close();
  });

  it('the toolbar button captures and stores a page of a site the extension holds no permission for (activeTab)', async () => {
    const page = await h.ctx.newPage();
    // Same server, another host name: neither the agency site nor all sites cover it.
    // A query of its own: the toolbar click finds the tab by its URL, and a retried test must not meet its first tab.
    const url = `http://localhost:${site.port}/ita/o5.html?toolbar=${Date.now()}`;
    await page.goto(url);
    await clickToolbarButton(h, page);
    const dialog = tagDialog(page);
    await dialog.waitFor();
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await chooseItems(dialog, ['O5']);
    expect(await saveAndWait(page, dialog)).toMatch(/Evidence saved/);
    const saved = (await records()).filter((r) => r.url === url);
    expect(saved).toHaveLength(1);
    const shot = saved[0]!.artifacts.find((a) => a.method === 'viewport');
    expect(shot?.mime).toBe('image/png');
    expect(shot?.bytes).toBeGreaterThan(1000);
    expect(shot?.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(await granted(ext)).toEqual(['*://127.0.0.1/*']);
    await page.close();
  });

  it('once all sites are allowed in the settings, the on-page button saves too', async () => {
    await allowInChrome(h, '<all_urls>');
    await ext.reload();
    await ext.getByRole('button', { name: 'Allow screenshots from the on-page button' }).click();
    await ext.getByText('Allowed', { exact: true }).waitFor();
    expect(await granted(ext)).toContain('<all_urls>');
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o2.html`);
    const dialog = await openTagForm(page);
    expect(await dialog.getByRole('alert').count()).toBe(0);
    await chooseItems(dialog, ['O2']);
    expect(await saveAndWait(page, dialog)).toMatch(/Evidence saved/);
    expect((await records()).filter((r) => r.url === `${site.url}ita/o2.html`)).toHaveLength(1);
    await page.close();
  });
});
