import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { grantedOriginsInPage, registeredScriptsInPage } from '../e2e/in-page';
import type { Page } from 'puppeteer-core';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { clickToolbarButton } from '../../scripts/lib/firefox';
import {
  aria,
  byRole,
  dbAll,
  endSession,
  fillAndSave,
  findTagForm,
  FIREFOX_BUILD,
  nameOf,
  openTagForm,
  startSession,
  type Session,
} from './harness';

const granted = (ext: Page) => ext.evaluate(grantedOriginsInPage);

const registeredScripts = (ext: Page) => ext.evaluate(registeredScriptsInPage);

/**
 * The production build, as a store installs it: no host permission at install. Firefox's pref
 * extensions.webextOptionalPermissionPrompts=false grants each permissions.request() without a
 * prompt, so the whole path an officer takes can be walked: options → the site granted → the
 * on-page button → the toolbar button → all sites granted.
 */
describe('Firefox production build: the permission path, and the officer is never surprised', () => {
  let s: Session;
  beforeAll(async () => {
    s = await startSession({ build: FIREFOX_BUILD, prefs: { 'extensions.webextOptionalPermissionPrompts': false } });
  });
  afterAll(async () => {
    await endSession(s);
  });

  it('saving the settings grants the agency site only, and the on-page button appears there', async () => {
    const origins = await granted(s.ext);
    expect(origins).not.toContain('<all_urls>');
    expect(origins.some((o) => o.includes('127.0.0.1'))).toBe(true);
    // The click-path watcher follows the grant: registered for the agency site, from document_start.
    expect(await registeredScripts(s.ext)).toEqual([
      { id: 'ita-trail', matches: ['http://127.0.0.1/*'], runAt: 'document_start' },
    ]);
    const page = await s.ff.browser.newPage();
    await page.goto(`${s.site.url}ita/o5.html`);
    await page.locator(aria('button', 'Tag this page')).setTimeout(15_000).wait();
    await page.close();
  });

  it('the on-page button says at once that it cannot take the screenshot here, and names the remedy', async () => {
    const page = await s.ff.browser.newPage();
    await page.goto(`${s.site.url}ita/o5.html`);
    const { dialog } = await openTagForm(page);
    // Before Save, not after it: the alert is part of the dialog as it opens.
    const alert = await byRole(dialog, 'alert', /screenshot/);
    const text = await nameOf(alert);
    expect(text).toMatch(/right-click/i);
    expect(text).toMatch(/toolbar/i);
    expect(text).toMatch(/all sites/i);
    await page.close();
  });

  it('the toolbar button (activeTab) tags the same page', async () => {
    const page = await s.ff.browser.newPage();
    await page.goto(`${s.site.url}ita/o5.html`);
    await page.bringToFront();
    await clickToolbarButton(s.ff);
    const form = await findTagForm(page);
    expect(await form.dialog.$$(aria('alert'))).toHaveLength(0);
    expect(await fillAndSave(form, ['O5'])).toMatch(/Evidence saved/);
    const records = await dbAll<EvidenceRecord>(s.ext, 'evidence');
    expect(records.map((r) => r.url)).toEqual([`${s.site.url}ita/o5.html`]);
    await page.close();
  });

  it('once all sites are allowed in the options, the on-page button saves too', async () => {
    const options = await s.ff.openExtPage('options.html');
    await options.locator(aria('button', 'Allow screenshots from the on-page button')).setTimeout(15_000).click();
    // The section now says so (the button gives way to "Allowed"), and the browser holds all sites.
    await options.waitForFunction(
      () =>
        document.body.innerText.includes('Allowed') &&
        !document.body.innerText.includes('Allow screenshots from the on-page button'),
      { timeout: 15_000, polling: 100 },
    );
    expect(await granted(options)).toContain('<all_urls>');
    await options.close();
    const page = await s.ff.browser.newPage();
    await page.goto(`${s.site.url}ita/o2.html`);
    const form = await openTagForm(page);
    expect(await form.dialog.$$(aria('alert'))).toHaveLength(0);
    expect(await fillAndSave(form, ['O2'])).toMatch(/Evidence saved/);
    expect(await dbAll<EvidenceRecord>(s.ext, 'evidence')).toHaveLength(2);
    await page.close();
  });
});
