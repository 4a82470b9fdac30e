import type { Page } from 'playwright-core';
import { FORM_STRINGS, OVERLAY_STRINGS, fill } from '../../lib/i18n/overlay-strings';
import { UI_STRINGS } from '../../lib/i18n/ui';
import { gotoExtensionPage, type LaunchedExtension } from './chromium';

export type TourLang = 'th' | 'en';

/** Switches the extension's UI language on its options page, as an officer would, and waits for "saved". */
export async function setUiLanguage(options: Page, lang: TourLang): Promise<void> {
  await options.reload();
  await options
    .getByRole('combobox', { name: /^(Language|ภาษา)$/ })
    .selectOption({ label: lang === 'th' ? 'ไทย' : 'English' });
  await options.getByRole('button', { name: /^(Save settings|บันทึกการตั้งค่า)$/ }).click();
  await options
    .getByRole('status')
    .filter({ hasText: /Settings saved|บันทึกการตั้งค่าแล้ว/ })
    .first()
    .waitFor();
}

export const DEMO_AGENCY = 'เทศบาลเมืองตัวอย่าง';

/** Demo pages to tag, reached by clicking from the home page as a reviewer would. */
export const DEMO_STEPS: {
  link: string;
  codes: string[];
  mode?: 'fullpage';
  storeDocuments?: boolean;
  note?: string;
}[] = [
  { link: 'โครงสร้าง', codes: ['O1'] },
  { link: 'ข้อมูลผู้บริหาร', codes: ['O2'] },
  { link: 'ข้อมูลการติดต่อ', codes: ['O5'], note: 'ที่อยู่ โทรศัพท์ โทรสาร อีเมล แผนที่ ครบ' },
  { link: 'แผนดำเนินงานประจำปี', codes: ['O10'] },
  { link: 'รายงานการกำกับติดตามการดำเนินงานประจำปี รอบ 6 เดือน', codes: ['O11'], storeDocuments: true },
  { link: 'สรุปผลการจัดซื้อจัดจ้างหรือการจัดหาพัสดุรายเดือน', codes: ['O23'], mode: 'fullpage' },
  { link: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', codes: ['O30', 'O32'] },
];

export async function configureAgency(ext: LaunchedExtension, homeUrl: string, lang: TourLang): Promise<Page> {
  const t = UI_STRINGS[lang];
  const page = await ext.ctx.newPage();
  await gotoExtensionPage(ext, page, 'options.html');
  await page.getByRole('textbox', { name: t.agencyName }).fill(DEMO_AGENCY);
  await page.getByRole('textbox', { name: t.homeUrl }).fill(homeUrl);
  await page.getByRole('button', { name: t.saveSettings }).click();
  await page
    .getByRole('status')
    .filter({ hasText: t.settingsSaved.slice(0, 12) })
    .waitFor();
  return page;
}

/** Tags the open page through the real overlay form; returns the status text the reviewer sees. */
export async function tagOpenPage(page: Page, step: (typeof DEMO_STEPS)[number], lang: TourLang): Promise<string> {
  const o = OVERLAY_STRINGS[lang];
  await page.getByRole('button', { name: o.tagButton, exact: true }).click();
  // The form is an extension page in a frame that the overlay places on the page.
  const dialog = page.frameLocator('iframe[name="ita-evidence-form"]').getByRole('dialog', { name: o.dialog });
  await dialog.waitFor();
  const removeRe = new RegExp(`^${fill(FORM_STRINGS[lang].removeItem, { code: '(O\\d+)' })}$`);
  for (const chip of await dialog.getByRole('button', { name: removeRe }).all()) {
    const code = removeRe.exec((await chip.getAttribute('aria-label')) ?? '')?.[1];
    if (code && !step.codes.includes(code)) await chip.click();
  }
  for (const code of step.codes) {
    if (await dialog.getByRole('button', { name: fill(FORM_STRINGS[lang].removeItem, { code }), exact: true }).count())
      continue;
    await dialog.getByRole('combobox', { name: o.criterion }).fill(code);
    await dialog.getByRole('option', { name: new RegExp(`^${code} `) }).click();
  }
  if (step.note) await dialog.getByRole('textbox', { name: o.note }).fill(step.note);
  const mode = step.mode === 'fullpage' ? o.modeFullpage : o.modeViewport;
  await dialog.getByRole('radiogroup', { name: o.capture }).getByRole('radio', { name: mode }).check();
  if (step.storeDocuments) {
    const boxes = dialog.getByRole('group', { name: o.documents }).getByRole('checkbox');
    for (let i = 0; i < (await boxes.count()); i++) await boxes.nth(i).check();
  }
  await dialog.getByRole('button', { name: o.save, exact: true }).click();
  const status = page.frameLocator('iframe[name="ita-evidence-form"]').getByRole('status');
  await status.filter({ hasText: /\S/ }).filter({ hasNotText: o.saving }).waitFor({ timeout: 60_000 });
  // The message alone: the status line's first span, without the labels of its Undo and Open buttons.
  const text = (await status.locator(':scope > span').first().textContent()) ?? '';
  // After Save the dialog has closed and the status stays a few seconds; a refusal keeps the dialog.
  if (await dialog.count()) await dialog.getByRole('button', { name: o.close, exact: true }).click();
  else await status.getByRole('button', { name: FORM_STRINGS[lang].dismiss }).click();
  return text;
}

/**
 * Walks the demo site from its home page and tags each step's page. A step that fails (a capture
 * bug, a missing link) is logged as a warning and skipped, so the tour still ends with an export.
 * Returns how many pages were tagged.
 */
export async function tagDemoPages(
  ext: LaunchedExtension,
  homeUrl: string,
  lang: TourLang,
  log: (s: string) => void,
): Promise<number> {
  const savedPrefix = FORM_STRINGS[lang].savedAs.split('{')[0]!.trim();
  let tagged = 0;
  for (const step of DEMO_STEPS) {
    const label = step.codes.join('+');
    // A fresh tab per step: a failed step cannot leave a dialog or a half-loaded page behind.
    const page = await ext.ctx.newPage();
    try {
      await page.goto(homeUrl);
      await page.getByRole('link', { name: 'เข้าสู่หน้า ITA' }).click();
      await page.getByRole('link', { name: step.link, exact: true }).first().click();
      await page.waitForLoadState('load');
      const status = await tagOpenPage(page, step, lang);
      if (status.includes(savedPrefix)) {
        tagged++;
        log(`  ${label}: ${status}`);
      } else {
        log(`  WARNING ${label}: not saved: ${status}`);
      }
    } catch (e) {
      log(`  WARNING ${label}: skipped (${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
    } finally {
      await page.close().catch(() => undefined);
    }
  }
  return tagged;
}
