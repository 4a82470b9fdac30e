import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { ItemRecord } from '../../lib/evidence/types';
import type { MetaRow } from '../../lib/storage/db';
import { ROOT, dbAll, launchExtension, serveFixture, setupAgency, tagPage, type Harness } from './harness';

/** Clicks a checkbox whose state comes back from the database, then waits for the new state. */
async function setChecked(box: Locator, on: boolean): Promise<void> {
  if ((await box.isChecked()) === on) return;
  await box.click();
  await expect.poll(() => box.isChecked()).toBe(on);
}

async function setAllTicks(group: Locator, on: boolean): Promise<void> {
  const boxes = group.getByRole('checkbox');
  for (let i = 0; i < (await boxes.count()); i++) await setChecked(boxes.nth(i), on);
}

describe('checklist workflow: assign, tick, override, dashboard, criteria sets, tasks', () => {
  let h: Harness;
  let site: StaticServer;
  let options: Page;
  let panel: Page;
  let tmp: string;

  const openItem = async (code: string, name: string) => {
    await panel.getByRole('tab', { name: 'Checklist' }).click();
    await panel.getByRole('button', { name: `${code} ${name}`, exact: true }).click();
    const dialog = panel.getByRole('dialog', { name: `${code} ${name}` });
    await dialog.waitFor();
    return dialog;
  };
  const closeItem = async (dialog: Locator) => {
    await dialog.getByRole('button', { name: 'Close', exact: true }).last().click();
    await dialog.waitFor({ state: 'hidden' });
  };
  const badge = (dialog: Locator) => dialog.getByTestId('item-status');

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'ita-workflow-'));
    site = await serveFixture();
    h = await launchExtension();
    options = await setupAgency(h, site.url);
    panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    await panel.getByRole('listitem', { name: /^O5 / }).waitFor();
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('assigns a unit, a Thai-digit due date and an assignee; they persist and show on the dashboard', async () => {
    const dialog = await openItem('O5', 'Contact information');
    await dialog.getByRole('combobox', { name: 'Responsible unit' }).selectOption('กองช่าง');
    await dialog.getByRole('textbox', { name: 'Due date' }).fill('๓๑/๓/๒๕๖๔');
    await expect.poll(() => dialog.textContent()).toContain('Date: 31 March B.E. 2564');
    await dialog.getByRole('textbox', { name: 'Assignee' }).fill('นางสาวทดสอบ ใจดี');
    await dialog.getByRole('textbox', { name: 'Internal notes' }).fill('ขอข้อมูลแผนที่จากกองช่าง');
    await dialog.getByRole('button', { name: 'Save item details' }).click();
    await dialog.getByRole('status').filter({ hasText: 'Saved' }).first().waitFor();

    const items = await dbAll<ItemRecord>(panel, 'items');
    const o5 = items.find((i) => i.code === 'O5')!;
    expect(o5).toMatchObject({
      unit: 'กองช่าง',
      dueDate: '2021-03-31',
      assignee: 'นางสาวทดสอบ ใจดี',
      notes: 'ขอข้อมูลแผนที่จากกองช่าง',
    });

    // A date that cannot be read is refused, and the stored one is kept.
    await dialog.getByRole('textbox', { name: 'Due date' }).fill('31 ก.ข. 2564');
    await dialog.getByRole('button', { name: 'Save item details' }).click();
    await dialog.getByRole('alert').filter({ hasText: 'Cannot read the date' }).waitFor();
    expect((await dbAll<ItemRecord>(panel, 'items')).find((i) => i.code === 'O5')!.dueDate).toBe('2021-03-31');
    await closeItem(dialog);

    await panel.getByRole('tab', { name: 'Dashboard' }).click();
    const due = panel.getByRole('region', { name: 'Item due dates' });
    await expect
      .poll(() => due.textContent())
      .toMatch(/O5 Contact information.*กองช่าง.*นางสาวทดสอบ ใจดี.*31 March B\.E\. 2564 \(Overdue\)/);
    const overdue = panel.getByRole('region', { name: 'Overdue items' });
    expect(await overdue.textContent()).toContain('O5 Contact information — 31 March B.E. 2564');
    const byUnit = panel.getByRole('region', { name: 'By unit' });
    expect(await byUnit.getByRole('row', { name: /^กองช่าง/ }).textContent()).toContain('0 of 1 complete (0%)');
    // The reload shows the same: it was stored, not kept in memory.
    await panel.reload();
    await panel.getByRole('tab', { name: 'Dashboard' }).click();
    await expect.poll(() => panel.getByRole('region', { name: 'Item due dates' }).textContent()).toContain('กองช่าง');
  });

  it('tags O5 and moves its status through Not reviewed → Incomplete → Complete by ticking elements', async () => {
    let dialog = await openItem('O5', 'Contact information');
    expect(await badge(dialog).textContent()).toBe('Not reviewed');
    await closeItem(dialog);

    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O5 ข้อมูลการติดต่อ' }).click();
    expect(await tagPage(page, ['O5'])).toMatch(/Evidence saved/);
    await page.close();

    dialog = await openItem('O5', 'Contact information');
    const ticks = dialog.getByRole('group', { name: /^Elements shown in the evidence/ });
    await ticks.waitFor();
    // The overlay may have pre-ticked elements from the page text: start from none.
    await setAllTicks(ticks, false);
    await expect.poll(() => badge(dialog).textContent()).toBe('Needs review');
    await setChecked(ticks.getByRole('checkbox', { name: 'Address', exact: true }), true);
    await expect.poll(() => badge(dialog).textContent()).toBe('Incomplete');
    expect(await dialog.textContent()).toMatch(
      /Elements missing.*Telephone number, Fax number, E-mail address, Location map/,
    );
    await setAllTicks(ticks, true);
    await expect.poll(() => badge(dialog).textContent()).toBe('Complete');
    expect(await dialog.textContent()).toMatch(/Elements missingNone/);

    // The links to submit and the drafted explanation come from the evidence.
    const links = dialog.getByRole('region', { name: 'Links to submit in ITAS' });
    expect(await links.getByRole('listitem').allTextContents()).toEqual([
      expect.stringContaining(`${site.url}ita/o5.html`),
    ]);
    const explanation = dialog.getByRole('textbox', { name: 'Additional explanation' });
    expect(await explanation.inputValue()).toMatch(/^1\. /);
    // Saving the draft unchanged does not freeze it as the reviewer's own text.
    await dialog.getByRole('button', { name: 'Save explanation' }).click();
    await dialog.getByRole('status').filter({ hasText: 'The text is the same as the draft' }).waitFor();
    expect((await dbAll<ItemRecord>(panel, 'items')).find((i) => i.code === 'O5')?.explanation ?? null).toBeNull();
    await explanation.fill('เข้าเมนู ITA แล้วเลือก O5');
    await dialog.getByRole('button', { name: 'Save explanation' }).click();
    await expect
      .poll(async () => (await dbAll<ItemRecord>(panel, 'items')).find((i) => i.code === 'O5')?.explanation)
      .toBe('เข้าเมนู ITA แล้วเลือก O5');
    await dialog.getByRole('button', { name: 'Reset to the draft' }).click();
    await expect
      .poll(async () => (await dbAll<ItemRecord>(panel, 'items')).find((i) => i.code === 'O5')?.explanation)
      .toBeNull();
    await closeItem(dialog);
    await expect
      .poll(() => panel.getByRole('listitem', { name: /^O5 / }).getAttribute('aria-label'))
      .toMatch(/Complete/);
  });

  it('overrides a status with a reason, shows it as overridden, and removes the override', async () => {
    const dialog = await openItem('O5', 'Contact information');
    await dialog.getByRole('combobox', { name: 'Status to set' }).selectOption({ label: 'Missing' });
    await dialog.getByRole('button', { name: 'Set status' }).click();
    await dialog.getByRole('status').filter({ hasText: 'A reason is required' }).waitFor();
    await dialog.getByRole('textbox', { name: 'Reason' }).fill('แผนที่เป็นภาพเสีย');
    await dialog.getByRole('button', { name: 'Set status' }).click();
    await expect.poll(() => badge(dialog).textContent()).toBe('Missing');
    expect(await dialog.textContent()).toContain('Set by hand');
    expect(await dialog.textContent()).toContain('Status set by hand: แผนที่เป็นภาพเสีย');
    expect(await dialog.textContent()).toContain('Status from the evidence: Complete');
    const o5 = (await dbAll<ItemRecord>(panel, 'items')).find((i) => i.code === 'O5')!;
    expect(o5.statusOverride).toEqual({ status: 'missing', reason: 'แผนที่เป็นภาพเสีย' });
    await closeItem(dialog);
    const li = panel.getByRole('listitem', { name: /^O5 / });
    expect(await li.getAttribute('aria-label')).toMatch(/Missing/);
    expect(await li.textContent()).toContain('Missing *');

    const again = await openItem('O5', 'Contact information');
    await again.getByRole('button', { name: 'Remove the hand-set status' }).click();
    await expect.poll(() => badge(again).textContent()).toBe('Complete');
    await closeItem(again);
  });

  it('shows dashboard figures that match the data: 2 of 43 complete is an estimated 4.7', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o7.html`);
    expect(await tagPage(page, ['O7'])).toMatch(/Evidence saved/);
    await page.close();
    const dialog = await openItem('O7', 'News / public relations');
    const ticks = dialog.getByRole('group', { name: /^Elements shown in the evidence/ });
    await setAllTicks(ticks, true);
    await expect.poll(() => badge(dialog).textContent()).toBe('Complete');
    await dialog.getByRole('status').filter({ hasText: 'Element ticks recorded' }).first().waitFor();
    // O7 was opened directly, not reached from the home page: Complete, but flagged.
    const direct = 'Every piece of evidence for this item was opened directly';
    expect(await dialog.textContent()).toContain(direct);
    await closeItem(dialog);
    expect(await panel.getByRole('listitem', { name: /^O7 / }).textContent()).toContain(direct);
    expect(await panel.getByRole('listitem', { name: /^O5 / }).textContent()).not.toContain(direct);
    const filters = panel.getByRole('search', { name: 'Filters' });
    await filters.getByRole('button', { name: /^Filters/ }).click(); // collapsed by default
    await filters.getByRole('checkbox', { name: 'Only items needing attention' }).check();
    // Wait for the filter to apply (O5 goes), then check that O7 stays.
    await expect.poll(() => panel.getByRole('listitem', { name: /^O5 / }).isVisible()).toBe(false);
    expect(await panel.getByRole('listitem', { name: /^O7 / }).isVisible()).toBe(true);
    await filters.getByRole('button', { name: 'Clear filters' }).click();

    await panel.getByRole('tab', { name: 'Dashboard' }).click();
    const score = panel.getByRole('region', { name: 'Estimated score (not the official score)' });
    await expect.poll(() => score.getByTestId('score').textContent()).toBe('4.7');
    expect(await score.textContent()).toContain('2 of 43 items complete');
    expect(await score.getByRole('progressbar').getAttribute('aria-label')).toBe(
      'Overall progress: 2 of 43 complete (4.7%)',
    );
    const byIndicator = panel.getByRole('region', { name: 'By indicator' });
    expect(await byIndicator.getByRole('row', { name: /^Indicator 9 / }).textContent()).toContain(
      '2 of 33 complete (6.1%)',
    );
    const bySub = panel.getByRole('region', { name: 'By sub-indicator' });
    expect(await bySub.getByRole('row', { name: /^9\.1 / }).textContent()).toContain('2 of 9 complete (22.2%)');
    expect(await panel.getByRole('region', { name: 'Items with no evidence' }).textContent()).toContain('(41)');
    // O5's due date has passed but it is complete now, so it is no longer overdue.
    expect(await panel.getByRole('region', { name: 'Overdue items' }).textContent()).not.toContain('O5');
  });

  it('filters the checklist by status, unit and evidence URL', async () => {
    await panel.getByRole('tab', { name: 'Checklist' }).click();
    const filters = panel.getByRole('search', { name: 'Filters' });
    const toggle = filters.getByRole('button', { name: /^Filters/ });
    expect(await toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await filters.getByRole('combobox', { name: 'Filter by status' }).isVisible()).toBe(false);
    await toggle.click();
    await filters.getByRole('combobox', { name: 'Filter by status' }).selectOption({ label: 'Complete' });
    expect(await toggle.textContent()).toContain('Filters (1)');
    await expect.poll(() => panel.getByRole('listitem', { name: /^O\d+ / }).count()).toBe(2);
    expect(await filters.getByRole('status').textContent()).toContain('Showing 2 of 43 items');
    await filters.getByRole('combobox', { name: 'Filter by unit' }).selectOption('กองช่าง');
    await expect.poll(() => panel.getByRole('listitem', { name: /^O\d+ / }).count()).toBe(1);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await filters.getByRole('searchbox', { name: 'Find evidence by URL or page title' }).fill('o7.html');
    await expect.poll(() => panel.getByRole('listitem', { name: /^O\d+ / }).count()).toBe(1);
    expect(await panel.getByRole('listitem', { name: /^O\d+ / }).getAttribute('aria-label')).toMatch(/^O7 /);
    await filters.getByRole('button', { name: 'Clear filters' }).click();
    await expect.poll(() => panel.getByRole('listitem', { name: /^O\d+ / }).count()).toBe(43);
  });

  it('imports a criteria set and switches to it; evidence for items it lacks is listed, not lost', async () => {
    const builtIn = JSON.parse(await readFile(path.join(ROOT, 'lib/criteria/sets/nacc-ita-oit-2564.json'), 'utf8'));
    const set = {
      ...builtIn,
      id: 'nacc-ita-oit/2564/test',
      agencyType: 'test',
      titleEn: 'OIT 2564 test copy',
      titleTh: 'ชุดทดสอบ',
    };
    set.items = builtIn.items
      .filter((i: { code: string }) => i.code !== 'O7')
      .map((i: { code: string }) =>
        i.code === 'O5' ? { ...i, nameEn: 'Contact details (test)', nameTh: 'ช่องทางติดต่อ (ทดสอบ)' } : i,
      );
    const good = path.join(tmp, 'good.json');
    await writeFile(good, JSON.stringify(set, null, 2));

    await options.reload();
    const card = options.getByRole('region', { name: 'Criteria sets' });
    await card.getByLabel('Import criteria set').setInputFiles(good);
    await card.getByRole('status').filter({ hasText: 'Criteria set "OIT 2564 test copy" imported' }).waitFor();
    await card.getByRole('button', { name: 'Use this set: OIT 2564 test copy (nacc-ita-oit/2564/test)' }).click();
    await card.getByRole('status').filter({ hasText: 'Now using "OIT 2564 test copy"' }).waitFor();
    const settingsRow = async () =>
      (await dbAll<MetaRow>(options, 'meta')).find((r) => r.key === 'settings')!.value as { criteriaSetId: string };
    expect((await settingsRow()).criteriaSetId).toBe('nacc-ita-oit/2564/test');

    // A broken file (syntax error on line 3) and an invalid one (a field missing) are refused with line and field.
    const broken = path.join(tmp, 'broken.json');
    await writeFile(broken, '{\n  "formatVersion": 1,\n  "id": oops\n}\n');
    await card.getByLabel('Import criteria set').setInputFiles(broken);
    const status = card.getByRole('status');
    await status.filter({ hasText: 'Not imported; the set in use is unchanged' }).waitFor();
    expect(await status.textContent()).toMatch(/line 3/);
    const invalid = structuredClone(set);
    invalid.id = 'nacc-ita-oit/2564/test';
    delete invalid.items[1].nameTh;
    const invalidPath = path.join(tmp, 'invalid.json');
    await writeFile(invalidPath, JSON.stringify(invalid, null, 2));
    await card.getByLabel('Import criteria set').setInputFiles(invalidPath);
    await expect
      .poll(() => status.textContent())
      .toMatch(/items\[1\]\.nameTh.*line \d+.*missing|items\[1\].*line \d+.*"nameTh"/);
    expect((await settingsRow()).criteriaSetId).toBe('nacc-ita-oit/2564/test');
    // The stored test set is still the good one (O5 renamed, 42 items).
    expect(await card.textContent()).toContain('42 items');

    await panel.reload();
    await panel.getByRole('button', { name: 'O5 Contact details (test)', exact: true }).waitFor();
    expect(await panel.getByRole('listitem', { name: /^O5 / }).textContent()).toMatch(/1 evidence/);
    expect(await panel.getByRole('listitem', { name: /^O7 / }).count()).toBe(0);
    await panel.getByRole('tab', { name: 'Dashboard' }).click();
    const orphans = panel.getByRole('region', { name: 'Evidence for items not in this criteria set' });
    expect(await orphans.textContent()).toContain('Unknown item codes: O7');
    expect(await panel.getByTestId('score').textContent()).toBe('2.4');

    // Back to the built-in set: O7 is an item again, with its evidence.
    await options.getByRole('button', { name: /^Use this set: .*\(nacc-ita-oit\/2564\/all\)$/ }).click();
    await panel.getByRole('tab', { name: 'Checklist' }).click();
    await expect.poll(() => panel.getByRole('listitem', { name: /^O7 / }).textContent()).toMatch(/1 evidence/);
  });

  it('loads the memo calendar and adds, edits, completes and deletes a task with Thai-digit dates', async () => {
    await panel.getByRole('tab', { name: 'Tasks' }).click();
    const view = panel.getByRole('region', { name: 'Task calendar' });
    await view.getByRole('button', { name: "Load the memo's calendar" }).click();
    await view.getByRole('status').filter({ hasText: '10 tasks loaded' }).waitFor();
    await expect.poll(() => view.getByRole('row').count()).toBe(11);
    expect(await view.getByRole('row', { name: /ตอบแบบเปิดเผยข้อมูล \(OIT\) ในระบบ/ }).textContent()).toContain(
      '1 Mar B.E. 2564 – 20 Apr B.E. 2564',
    );

    await view.getByRole('button', { name: 'Add task' }).click();
    const form = view.getByRole('form', { name: 'Add task' });
    await form.getByRole('textbox', { name: 'Task' }).fill('ประชุมติดตามผล');
    await form.getByRole('textbox', { name: 'Start date' }).fill('๑/๑/๒๕๙๙');
    await form.getByRole('textbox', { name: 'End date' }).fill('๓๑/๑/๒๕๙๙');
    await form.getByRole('textbox', { name: 'Responsible people' }).fill('กองวิชาการและแผนงาน');
    await form.getByRole('button', { name: 'Save task' }).click();
    const row = view.getByRole('row', { name: /ประชุมติดตามผล/ });
    await expect.poll(() => row.textContent()).toContain('1 Jan B.E. 2599 – 31 Jan B.E. 2599');

    await row.getByRole('button', { name: 'Edit: ประชุมติดตามผล' }).click();
    const edit = view.getByRole('form', { name: 'Edit: ประชุมติดตามผล' });
    await edit.getByRole('textbox', { name: 'End date' }).fill('15/2/2599');
    await edit.getByRole('button', { name: 'Save task' }).click();
    await expect.poll(() => row.textContent()).toContain('15 Feb B.E. 2599');

    await panel.getByRole('tab', { name: 'Dashboard' }).click();
    await expect
      .poll(() => panel.getByRole('region', { name: 'Next deadlines' }).textContent())
      .toContain('ประชุมติดตามผล');
    await panel.getByRole('tab', { name: 'Tasks' }).click();
    const done = view.getByRole('checkbox', { name: 'Done: ประชุมติดตามผล' });
    await done.click();
    await expect.poll(() => done.isChecked()).toBe(true);
    await view.getByRole('button', { name: 'Delete: ประชุมติดตามผล' }).click();
    await expect.poll(() => view.getByRole('row').count()).toBe(11);
    // Deleting can be undone; Undo has the focus.
    const undo = view.getByRole('status').getByRole('button', { name: 'Undo' });
    await expect.poll(() => undo.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await view.getByRole('status').textContent()).toContain('Task "ประชุมติดตามผล" deleted');
    await undo.click();
    await expect.poll(() => row.textContent()).toContain('15 Feb B.E. 2599');
    expect(await view.getByRole('checkbox', { name: 'Done: ประชุมติดตามผล' }).isChecked()).toBe(true);
    await view.getByRole('button', { name: 'Delete: ประชุมติดตามผล' }).click();
    await expect.poll(() => view.getByRole('row').count()).toBe(11);
  });
  it('copies, moves, annotates and bulk-deletes evidence with undo', async () => {
    const count = (code: string) => panel.getByRole('listitem', { name: new RegExp(`^${code} `) }).textContent();
    const o7 = await openItem('O7', 'News / public relations');
    const record = o7.getByRole('region', { name: 'Evidence for this item' });
    await record.getByRole('combobox', { name: /^Target item/ }).selectOption('O1');
    await record.getByRole('button', { name: 'Also attach to another item' }).click();
    await record.getByRole('status').filter({ hasText: 'Evidence also attached to O1' }).waitFor();
    await record.getByRole('textbox', { name: /^Note: / }).fill('หน้าข่าว');
    await record.getByRole('button', { name: 'Save note' }).click();
    await expect
      .poll(
        async () =>
          (await dbAll<{ note: string; url: string }>(panel, 'evidence')).find((r) => r.url.endsWith('o7.html'))?.note,
      )
      .toBe('หน้าข่าว');
    await closeItem(o7);
    await expect.poll(() => count('O1')).toMatch(/1 evidence/);

    const o1 = await openItem(
      'O1',
      (await panel
        .getByRole('listitem', { name: /^O1 / })
        .getByRole('button')
        .first()
        .getAttribute('aria-label'))!.slice(3),
    );
    const list = o1.getByRole('region', { name: 'Evidence for this item' });
    expect(await list.textContent()).toContain('Tagged for: O7');
    await list.getByRole('combobox', { name: /^Target item/ }).selectOption('O3');
    await list.getByRole('button', { name: 'Move to another item' }).click();
    await list.getByRole('status').filter({ hasText: 'Evidence moved to O3' }).waitFor();
    await closeItem(o1);
    await expect.poll(() => count('O1')).toMatch(/No evidence/);
    await expect.poll(() => count('O3')).toMatch(/1 evidence/);

    const o3 = await openItem(
      'O3',
      (await panel
        .getByRole('listitem', { name: /^O3 / })
        .getByRole('button')
        .first()
        .getAttribute('aria-label'))!.slice(3),
    );
    const ev3 = o3.getByRole('region', { name: 'Evidence for this item' });
    await ev3.getByRole('checkbox', { name: /^Select: / }).check();
    await ev3.getByRole('button', { name: 'Delete selected evidence (1)' }).click();
    await ev3.getByRole('status').filter({ hasText: '1 evidence record deleted' }).waitFor();
    await expect.poll(() => count('O7')).toMatch(/No evidence/);
    await ev3.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => count('O7')).toMatch(/1 evidence/);
    await expect.poll(() => count('O3')).toMatch(/1 evidence/);
    await closeItem(o3);
  });

  it('follows the tabs pattern: arrow keys move between tabs, each tab controls a labelled panel', async () => {
    const checklist = panel.getByRole('tab', { name: 'Checklist' });
    await checklist.click();
    await checklist.press('ArrowRight');
    const dashboard = panel.getByRole('tab', { name: 'Dashboard' });
    await expect.poll(() => dashboard.getAttribute('aria-selected')).toBe('true');
    expect(await dashboard.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await panel.getByRole('tabpanel', { name: 'Dashboard' }).getByTestId('score').count()).toBe(1);
    await dashboard.press('End');
    await expect.poll(() => panel.getByRole('tab', { name: 'Re-verify' }).getAttribute('aria-selected')).toBe('true');
    await panel.getByRole('tab', { name: 'Re-verify' }).press('Home');
    await expect.poll(() => checklist.getAttribute('aria-selected')).toBe('true');
    expect(await panel.getByRole('tablist').getByRole('button', { name: 'Settings' }).count()).toBe(0);
    expect(await panel.getByRole('button', { name: 'Settings' }).count()).toBe(1);
  });

  it('returns focus to the item after deleting evidence from its dialog', async () => {
    const o5 = panel.getByRole('listitem', { name: /^O5 / });
    await o5
      .getByRole('button', { name: /^Open evidence/ })
      .first()
      .click();
    const dialog = panel.getByRole('dialog');
    await dialog.getByRole('button', { name: 'Delete evidence' }).click();
    await dialog.waitFor({ state: 'hidden' });
    await panel.getByRole('status').filter({ hasText: 'Evidence deleted' }).waitFor();
    await expect.poll(() => o5.textContent()).toMatch(/No evidence/);
    expect(
      await o5
        .getByRole('button', { name: 'O5 Contact information', exact: true })
        .evaluate((el) => el === document.activeElement),
    ).toBe(true);
    await panel
      .getByRole('status')
      .filter({ hasText: 'Evidence deleted' })
      .getByRole('button', { name: 'Undo' })
      .click();
    await expect.poll(() => o5.textContent()).toMatch(/1 evidence record/);
  });
});
