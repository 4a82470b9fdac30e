import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readdir } from 'node:fs/promises';
import path from 'node:path';
import type { StaticServer } from '../../lib/devserver/static-server';
import { CHECKLIST_MESSAGES } from '../../lib/checklist/messages';
import { DEFAULT_UNITS } from '../../lib/storage/settings';
import { ROOT, launchExtension, serveFixture, setupAgency, type Harness } from './harness';

type Lang = 'th' | 'en';
type Pair = { th: string; en: string };
const AGENCY = 'เทศบาลตำบลทดสอบ';
const MIN_LITERAL = 4;

/** Every UI string pair: the tables in lib/i18n (UI_STRINGS, WORKFLOW_STRINGS, OVERLAY_STRINGS, …) and the checklist labels. */
async function stringPairs(): Promise<Pair[]> {
  const pairs: Pair[] = Object.values(CHECKLIST_MESSAGES).map((m) => ({ th: m.th, en: m.en }));
  const dir = path.join(ROOT, 'lib/i18n');
  for (const file of await readdir(dir)) {
    if (!/^(ui.*|overlay-strings)\.ts$/.test(file)) continue;
    const mod = (await import(path.join(dir, file))) as Record<string, unknown>;
    for (const value of Object.values(mod)) {
      const table = value as { th?: Record<string, unknown>; en?: Record<string, unknown> } | null;
      if (!table || typeof table !== 'object' || !table.th || !table.en || typeof table.th !== 'object') continue;
      for (const [key, th] of Object.entries(table.th)) {
        const en = table.en[key];
        if (typeof th === 'string' && typeof en === 'string') pairs.push({ th, en });
      }
    }
  }
  return pairs;
}

interface Probe {
  template: string;
  re: RegExp;
}

/** Patterns for the strings of `other`, skipping strings equal in both languages and very short ones. */
function probes(pairs: Pair[], other: Lang): Probe[] {
  const out: Probe[] = [];
  for (const pair of pairs) {
    if (pair.th === pair.en) continue;
    const template = pair[other];
    const parts = template.split(/\{\w+\}/);
    const literal = parts.join('').trim();
    if ([...literal].length < MIN_LITERAL) continue;
    const source = parts.map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('[^\\n]{0,120}?');
    out.push({ template, re: new RegExp(source) });
  }
  return out;
}

/** Visible text plus the names a screen reader hears (aria-label, placeholder, title, alt, options). */
async function screenText(page: Page): Promise<string> {
  return page.evaluate(() => {
    const bits = [document.body.innerText];
    for (const el of document.querySelectorAll('[aria-label],[placeholder],[title],[alt]')) {
      for (const a of ['aria-label', 'placeholder', 'title', 'alt']) {
        const v = el.getAttribute(a);
        if (v) bits.push(v);
      }
    }
    for (const o of document.querySelectorAll('option')) bits.push(o.textContent ?? '');
    bits.push(document.title);
    return bits.join('\n');
  });
}

/** Removes data (agency, units) and strings that read the same in both languages ("ITA Evidence"). */
function stripShared(text: string, pairs: Pair[]): string {
  const same = pairs
    .filter((p) => p.th === p.en && !/\{\w+\}/.test(p.th) && p.th.length >= MIN_LITERAL)
    .map((p) => p.th);
  let out = text;
  for (const d of [AGENCY, ...DEFAULT_UNITS, ...same]) out = out.split(d).join(' ');
  return out;
}

describe('language: no untranslated UI strings on the main screens', () => {
  let h: Harness;
  let site: StaticServer;
  let options: Page;
  let panel: Page;
  let pairs: Pair[];

  /** Every tab of the side panel, an item's detail dialog, and the options page. */
  async function scanAll(lang: Lang): Promise<{ screen: string; template: string }[]> {
    const found: { screen: string; template: string }[] = [];
    const check = async (screen: string, page: Page) => {
      const text = stripShared(await screenText(page), pairs);
      for (const p of probes(pairs, lang === 'th' ? 'en' : 'th'))
        if (p.re.test(text)) found.push({ screen, template: p.template });
    };
    await options.reload();
    await options.getByRole('button', { name: lang === 'th' ? 'บันทึกการตั้งค่า' : 'Save settings' }).waitFor();
    await check('options', options);
    await panel.reload();
    const tabs = panel.getByRole('tab');
    await tabs.first().waitFor();
    const count = await tabs.count();
    for (let i = 0; i < count; i++) {
      await tabs.nth(i).click();
      await panel.getByRole('tabpanel').getByRole('heading').first().waitFor();
      await check(`side panel tab ${(await tabs.nth(i).textContent()) ?? i}`, panel);
    }
    await tabs.first().click();
    await panel.getByRole('listitem', { name: /^O5 / }).getByRole('button').first().click();
    await panel.getByRole('dialog').waitFor();
    await check('item detail O5', panel);
    return found;
  }

  // The save message is written in the language of the moment of the click, so accept either.
  async function chooseLanguage(label: string, option: string, save: string) {
    await options.reload();
    await options.getByRole('combobox', { name: label }).selectOption({ label: option });
    await options.getByRole('button', { name: save }).click();
    await options
      .getByRole('status')
      .filter({ hasText: /Settings saved|บันทึกการตั้งค่าแล้ว/ })
      .first()
      .waitFor();
  }

  beforeAll(async () => {
    pairs = await stringPairs();
    site = await serveFixture();
    h = await launchExtension();
    options = await setupAgency(h, site.url, AGENCY);
    panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    // Some data on every screen: an item with a unit and due date, and a task.
    await panel.getByRole('button', { name: 'O5 Contact information', exact: true }).click();
    const dialog = panel.getByRole('dialog', { name: 'O5 Contact information' });
    await dialog.getByRole('combobox', { name: 'Responsible unit' }).selectOption(DEFAULT_UNITS[2]!);
    await dialog.getByRole('textbox', { name: 'Due date' }).fill('๓๑/๓/๒๕๖๔');
    await dialog.getByRole('button', { name: 'Save item details' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();
    await panel.reload();
    await panel.getByRole('tab', { name: 'Tasks' }).click();
    await panel.getByRole('button', { name: 'Add task' }).click();
    await panel.getByRole('textbox', { name: 'Task' }).fill('ABC-123');
    await panel.getByRole('textbox', { name: 'End date' }).fill('1/6/2599');
    await panel.getByRole('button', { name: 'Save task' }).click();
    await panel.getByRole('row', { name: /ABC-123/ }).waitFor();
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('has string tables to check in both directions', () => {
    expect(probes(pairs, 'th').length).toBeGreaterThan(100);
    expect(probes(pairs, 'en').length).toBeGreaterThan(100);
    // The probe itself finds a string when it is there.
    const one = probes(pairs, 'en').find((p) => p.template === 'Items with no evidence')!;
    expect(one.re.test('x Items with no evidence (41)')).toBe(true);
  });

  it('English (followed from the browser): no Thai UI strings', async () => {
    expect(await scanAll('en')).toEqual([]);
  });

  it('Thai (chosen in the settings): no English UI strings', async () => {
    await chooseLanguage('Language', 'ไทย', 'Save settings');
    expect(await options.locator('html').getAttribute('lang')).toBe('th');
    expect(await scanAll('th')).toEqual([]);
  });

  it('English again (chosen in the settings): no Thai UI strings', async () => {
    await chooseLanguage('ภาษา', 'English', 'บันทึกการตั้งค่า');
    expect(await scanAll('en')).toEqual([]);
  });
});
