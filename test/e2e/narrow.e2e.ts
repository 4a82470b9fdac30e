import { setUiLanguage } from '../../scripts/lib/tour';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import { UI_STRINGS } from '../../lib/i18n/ui';
import { WORKFLOW_STRINGS } from '../../lib/i18n/ui-workflow';
import { VERIFY_UI_STRINGS } from '../../lib/i18n/ui-verify';
import { tagPage, type Harness, startSession, endSession } from './harness';
import { axeViolations, horizontalOverflow } from './a11y';

type Lang = 'th' | 'en';
const WIDTHS = [360, 400] as const;

/** What a reviewer sees in a narrow side panel, in both languages: it fits, and axe finds nothing. */
describe('side panel at 360 and 400 px: no sideways scrolling, one-row tab bar, 0 axe violations', () => {
  let h: Harness;
  let site: StaticServer;
  let options: Page;
  let panel: Page;

  async function switchLanguage(lang: Lang) {
    await setUiLanguage(options, lang);
    await panel.reload();
    await panel.getByRole('tab').first().waitFor();
    expect(await panel.locator('html').getAttribute('lang')).toBe(lang);
  }

  beforeAll(async () => {
    ({ h, site, ext: options } = await startSession());
    // Evidence with long URLs and titles: two captures of the same page (grouped in the item
    // detail), a page with a query string, and the re-verify results of them.
    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O5 ข้อมูลการติดต่อ' }).click();
    expect(await tagPage(page, ['O5'], { note: 'หน้าติดต่อ ที่อยู่ โทรศัพท์ โทรสาร อีเมล แผนที่' })).toMatch(/Evidence saved/);
    await page
      .getByRole('button', { name: 'Close' })
      .click()
      .catch(() => undefined);
    expect(await tagPage(page, ['O5'])).toMatch(/Evidence saved/);
    await page.goBack();
    await page.getByRole('link', { name: 'O22 ประกาศจัดซื้อจัดจ้าง' }).click();
    expect(await tagPage(page, ['O22', 'O5'])).toMatch(/Evidence saved/);
    await page.close();

    panel = await h.ctx.newPage();
    await panel.setViewportSize({ width: 360, height: 720 });
    await panel.goto(h.extUrl('sidepanel.html'));
    await panel.getByRole('tab', { name: 'Tasks' }).click();
    await panel.getByRole('button', { name: "Load the memo's calendar" }).click();
    await panel.getByRole('status').filter({ hasText: 'tasks loaded' }).waitFor();
    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    await panel.getByRole('checkbox', { name: /linked from the main website/ }).uncheck();
    await panel.getByRole('button', { name: 'Re-verify', exact: true }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Finished/ })
      .waitFor({ timeout: 90_000 });
  });
  afterAll(async () => {
    await endSession({ h, site });
  });

  async function checkScreen(screen: string, problems: string[]) {
    for (const o of await horizontalOverflow(panel)) problems.push(`${screen}: ${o}`);
    for (const v of await axeViolations(panel))
      problems.push(`${screen}: axe ${v.id} (${v.help}) ${v.nodes.join(' | ')}`);
  }

  for (const lang of ['en', 'th'] as const) {
    for (const width of WIDTHS) {
      it(`${lang} at ${width} px: every tab, the item detail and the evidence dialog`, async () => {
        if ((await panel.locator('html').getAttribute('lang')) !== lang) await switchLanguage(lang);
        await panel.setViewportSize({ width, height: 720 });
        const t = UI_STRINGS[lang];
        const problems: string[] = [];

        // The bar: every tab and the settings button on one row, nothing scrolled out of sight.
        const bar = await panel.getByRole('tablist').evaluate((list) => {
          const tabs = [...list.querySelectorAll('[role=tab]')].map((el) => el.getBoundingClientRect());
          const settings = list.parentElement!.querySelector('button.settings')!.getBoundingClientRect();
          return {
            tops: [...tabs.map((r) => Math.round(r.top)), Math.round(settings.top)],
            scrolls: list.scrollWidth > list.clientWidth + 1,
            heights: tabs.map((r) => r.height),
            right: Math.max(...tabs.map((r) => r.right), settings.right),
          };
        });
        expect(new Set(bar.tops).size, 'tabs and settings on one row').toBe(1);
        expect(bar.scrolls, 'tab strip does not need scrolling').toBe(false);
        expect(bar.right).toBeLessThanOrEqual(width);
        expect(Math.max(...bar.heights)).toBeLessThan(60);

        for (const key of ['tabChecklist', 'tabDashboard', 'tabTasks', 'tabBundle', 'tabVerify'] as const) {
          const tab = panel.getByRole('tab', { name: t[`${key}Short` as keyof typeof t] ?? t[key], exact: true });
          await tab.click();
          await expect.poll(() => tab.getAttribute('aria-selected')).toBe('true');
          // The side panel's title names the agency and the tab.
          expect(await panel.title()).toContain('เทศบาลตำบลทดสอบ');
          expect(await panel.title()).toContain(t[key]);
          await panel.getByRole('tabpanel').getByRole('heading').first().waitFor();
          await checkScreen(`${key}`, problems);
        }

        // The filter bar is collapsed, with visible labels once opened.
        await panel.getByRole('tab').first().click();
        const filters = panel.getByRole('search');
        const toggle = filters.getByRole('button', { name: new RegExp(`^${WORKFLOW_STRINGS[lang].filters}`) });
        expect(await toggle.getAttribute('aria-expanded')).toBe('false');
        await toggle.click();
        expect(await filters.locator('label').filter({ hasText: WORKFLOW_STRINGS[lang].filterText }).isVisible()).toBe(
          true,
        );
        await checkScreen('filters open', problems);
        await toggle.click();

        // The item detail: its first focus is the dialog's heading, and it fits.
        await panel.getByRole('listitem', { name: /^O5 / }).getByRole('button').first().click();
        const dialog = panel.getByRole('dialog');
        await dialog.waitFor();
        expect(
          await panel.evaluate(() => {
            const a = document.activeElement;
            return a?.tagName === 'DIALOG' || /^H[12]$/.test(a?.tagName ?? '');
          }),
        ).toBe(true);
        expect(await dialog.locator('.evidence-block').count(), 'captures of one URL grouped').toBe(2);
        for (const o of await horizontalOverflow(panel, dialog)) problems.push(`item detail: ${o}`);
        for (const v of await axeViolations(panel)) problems.push(`item detail: axe ${v.id} ${v.nodes.join(' | ')}`);
        await dialog.getByRole('button', { name: t.close, exact: true }).last().click();
        await dialog.waitFor({ state: 'hidden' });

        // The evidence dialog with its stored files and hashes.
        await panel
          .getByRole('listitem', { name: /^O5 / })
          .getByRole('button', { name: new RegExp(`^${t.openEvidence}`) })
          .first()
          .click();
        const ev = panel.getByRole('dialog');
        await ev.waitFor();
        for (const o of await horizontalOverflow(panel, ev)) problems.push(`evidence dialog: ${o}`);
        for (const v of await axeViolations(panel))
          problems.push(`evidence dialog: axe ${v.id} ${v.nodes.join(' | ')}`);
        await ev.getByRole('button', { name: t.close, exact: true }).click();

        // The re-verify results become cards that fit.
        await panel.getByRole('tab', { name: t.tabVerifyShort, exact: true }).click();
        await panel.getByRole('table', { name: VERIFY_UI_STRINGS[lang].results }).waitFor();
        await checkScreen('re-verify results', problems);

        expect(problems).toEqual([]);
      });
    }
  }

  it('the options page has 0 axe violations in both languages and marks Thai text in the English UI', async () => {
    const problems: string[] = [];
    for (const lang of ['th', 'en'] as const) {
      await switchLanguage(lang);
      await options.reload();
      await options.getByRole('button', { name: UI_STRINGS[lang].saveSettings }).waitFor();
      for (const v of await axeViolations(options))
        problems.push(`options ${lang}: axe ${v.id} ${v.nodes.join(' | ')}`);
      await options.setViewportSize({ width: 400, height: 800 });
      for (const o of await horizontalOverflow(options)) problems.push(`options ${lang} at 400 px: ${o}`);
      await options.setViewportSize({ width: 1280, height: 720 });
    }
    expect(problems).toEqual([]);
    // English UI (last above): the Thai unit names are marked as Thai.
    const untagged = await options.evaluate(() => {
      const thai = /[\u0E00-\u0E7F]/;
      const out: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        if (!thai.test(n.textContent ?? '')) continue;
        const el = n.parentElement!;
        if (el.closest('[lang]')?.getAttribute('lang') !== 'th') out.push((n.textContent ?? '').trim().slice(0, 30));
      }
      return out;
    });
    expect(untagged).toEqual([]);
  });
});
