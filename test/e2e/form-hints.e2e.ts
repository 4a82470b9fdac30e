import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import path from 'node:path';
import type { StaticServer } from '../../lib/devserver/static-server';
import { ROOT, launchExtension, serveFixture, setupAgency, tagPage, type Harness, openTagForm } from './harness';

/** Issue 10 §4: the form's year hints look past the site's menu and footer, and name the item's own years. */
describe('tagging form: year hints on a page whose years are only in the menu and footer', () => {
  let h: Harness;
  let site: StaticServer;
  let page: Page;
  let dialog: Locator;

  const pick = async (code: string) => {
    await dialog.getByRole('combobox', { name: 'Criterion' }).fill(code);
    await dialog.getByRole('option', { name: new RegExp(`^${code} `) }).click();
  };
  const notes = (code: string) =>
    dialog
      .getByRole('group', { name: new RegExp(`^${code} — `) })
      .getByRole('note')
      .allTextContents();

  beforeAll(async () => {
    site = await serveFixture(path.join(ROOT, 'test/fixtures/site-menu-year'));
    h = await launchExtension();
    await setupAgency(h, site.url);
    page = await h.ctx.newPage();
    await page.goto(site.url);
    dialog = await openTagForm(page);
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('O7 (news of 2564): the year is only in the menu or footer', async () => {
    await pick('O7');
    expect(await notes('O7')).toEqual([
      "The year 2564 appears only in the site menu, header or footer, not in this page's content.",
    ]);
  });

  it('O12 (the report of 2563): the message asks for 2563, not the fiscal year', async () => {
    await pick('O12');
    expect(await notes('O12')).toEqual(['No Buddhist Era year found on this page; check that it is data for 2563.']);
  });
});

/** Issue 10 §2: O34's pledge must be the current top executive's, as O2's evidence names them. */
describe('tagging form: O34 is checked against the executives stored for O2', () => {
  let h: Harness;
  let site: StaticServer;

  beforeAll(async () => {
    site = await serveFixture();
    h = await launchExtension();
    await setupAgency(h, site.url);
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o2.html`);
    expect(await tagPage(page, ['O2'])).toMatch(/Evidence saved/);
    await page.close();
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  const o34Notes = async (url: string) => {
    const page = await h.ctx.newPage();
    await page.goto(url);
    const dialog = await openTagForm(page);
    await dialog.getByRole('combobox', { name: 'Criterion' }).fill('O34');
    await dialog.getByRole('option', { name: /^O34 / }).click();
    const notes = await dialog
      .getByRole('group', { name: /^O34 — / })
      .getByRole('note')
      .allTextContents();
    await page.close();
    return notes;
  };

  it('warns on a page that does not name the executive listed under O2, and not on one that does', async () => {
    expect(await o34Notes(`${site.url}ita/o5.html`)).toContain(
      'The current executive named in the executives item is not on this page.',
    );
    expect(await o34Notes(`${site.url}ita/o2.html`)).not.toContain(
      'The current executive named in the executives item is not on this page.',
    );
  });
});
