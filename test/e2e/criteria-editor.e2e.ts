import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CriteriaSet } from '../../lib/criteria/types';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { dbAll, endSession, startSession, tagPage, type Session, openTagForm } from './harness';

const NEW_NAME = 'ช่องทางติดต่อหน่วยงาน ฉบับ 2570';
const NEW_NAME_EN = 'Agency contact channels, 2570 edition';

describe('criteria editor', () => {
  let s: Session;

  beforeAll(async () => {
    s = await startSession();
  });
  afterAll(async () => {
    await endSession(s);
  });

  it('copies 2564 to 2570, renames an item, validates live, saves, and the tagging dialog shows the new name', async () => {
    const { ext } = s;
    const editor = ext.getByRole('region', { name: 'Criteria editor' });
    await editor.getByRole('textbox', { name: 'Copy to fiscal year (B.E.)' }).fill('๒๕๗๐');
    await editor.getByRole('button', { name: 'Copy this set' }).click();
    await editor.getByRole('status').filter({ hasText: 'Copied as nacc-ita-oit/2570/all; not saved yet' }).waitFor();
    await editor.getByText('This set has not been checked against an official NACC manual').waitFor();

    await editor.getByRole('button', { name: 'Edit item O5' }).click();
    const item = editor.getByRole('region', { name: 'Edit item O5' });
    const name = item.getByRole('textbox', { name: 'Item name (Thai)' });
    // Live validation: an empty name is an error at once, and Save is refused.
    await name.fill('');
    await item
      .getByRole('alert')
      .filter({ hasText: /nameTh/ })
      .waitFor();
    await editor.getByText(/Cannot save yet: 1 error/).waitFor();
    expect(await editor.getByRole('button', { name: 'Save criteria set' }).isDisabled()).toBe(true);
    await name.fill(NEW_NAME);
    await item.getByRole('textbox', { name: 'Item name (English)' }).fill(NEW_NAME_EN);
    await editor.getByText('The set is valid').waitFor();
    await editor.getByRole('button', { name: 'Save criteria set' }).click();
    await editor.getByRole('status').filter({ hasText: 'Criteria set nacc-ita-oit/2570/all saved' }).waitFor();

    const stored = (await dbAll<CriteriaSet>(ext, 'criteriaSets')).find((x) => x.id === 'nacc-ita-oit/2570/all')!;
    expect(stored.items.find((i) => i.code === 'O5')).toMatchObject({ nameTh: NEW_NAME, nameEn: NEW_NAME_EN });
    expect(stored.previousSetId).toBe('nacc-ita-oit/2564/all');
    expect(stored.items.find((i) => i.code === 'O11')!.periodText).toContain('2026-10-01');

    await ext.getByRole('button', { name: /^Use this set: .*\(nacc-ita-oit\/2570\/all\)$/ }).click();
    await ext
      .getByRole('status')
      .filter({ hasText: /Now using/ })
      .waitFor();

    const page = await s.h.ctx.newPage();
    await page.goto(`${s.site.url}ita/o5.html`);
    const dialog = await openTagForm(page);
    // The dialog names items in the UI language (English here): the renamed English name is what shows.
    await dialog.getByRole('combobox', { name: 'Criterion' }).fill('2570 edition');
    await dialog.getByRole('option', { name: `O5 ${NEW_NAME_EN}` }).waitFor();
    await page.close();
  });

  it('refuses to remove an item that has evidence until the evidence is moved', async () => {
    const { ext } = s;
    const page = await s.h.ctx.newPage();
    await page.goto(`${s.site.url}ita/o5.html`);
    expect(await tagPage(page, ['O6'])).toMatch(/Evidence saved/);
    await page.close();

    const editor = ext.getByRole('region', { name: 'Criteria editor' });
    await editor.getByRole('combobox', { name: 'Set to edit' }).selectOption('nacc-ita-oit/2570/all');
    await editor.getByRole('button', { name: 'Open for editing' }).click();
    await editor.getByRole('button', { name: 'Edit item O6' }).click();
    await editor.getByRole('button', { name: 'Remove item O6' }).click();
    const blocked = editor
      .getByRole('alert')
      .filter({ hasText: 'Item O6 cannot be removed: it has 1 evidence records' });
    await blocked.waitFor();
    expect(await editor.getByRole('button', { name: 'Edit item O6' }).count()).toBe(1);

    await blocked.getByRole('combobox', { name: 'Move the evidence of O6 to item' }).selectOption('O7');
    await blocked.getByRole('button', { name: 'Move evidence' }).click();
    await editor.getByRole('status').filter({ hasText: '1 evidence records moved to O7' }).waitFor();
    const ev = await dbAll<EvidenceRecord>(ext, 'evidence');
    expect(ev.map((e) => e.criteria)).toEqual([['O7']]);

    // The item's editor is still open: removing now succeeds.
    await editor.getByRole('button', { name: 'Remove item O6' }).click();
    await expect.poll(() => editor.getByRole('button', { name: 'Edit item O6' }).count()).toBe(0);
  });
});
