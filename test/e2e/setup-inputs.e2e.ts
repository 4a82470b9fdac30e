import { setUiLanguage } from '../../scripts/lib/tour';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UI_STRINGS as UI } from '../../lib/i18n/ui';
import { endSession, ROOT, startSession, type Session } from './harness';

/** Sets the UI language in the setup form (the site URL stays as set up). */

/** The setup form's inputs as an officer meets them, in English and in Thai. */
describe('setup inputs', () => {
  let s: Session;
  let tmp: string;
  beforeAll(async () => {
    s = await startSession();
    tmp = await mkdtemp(path.join(tmpdir(), 'ita-setup-inputs-'));
  });
  afterAll(async () => {
    await endSession(s);
    await rm(tmp, { recursive: true, force: true });
  });

  it('refuses a website name with a space or without a dot, saying which, in English and Thai; nothing is saved', async () => {
    const o = s.ext;
    for (const lang of ['en', 'th'] as const) {
      await setUiLanguage(o, lang);
      const t = UI[lang];
      const url = o.getByRole('textbox', { name: t.homeUrl });
      for (const typed of ['tuayang', 'www.tuay ang.go.th']) {
        await url.fill(typed);
        await o.getByRole('button', { name: t.saveSettings }).click();
        await o.getByRole('alert').filter({ hasText: t.errHomeHost }).waitFor();
        expect(await url.getAttribute('aria-invalid')).toBe('true');
      }
      // The site set up before is still the one in force.
      await o.reload();
      expect(await o.getByRole('textbox', { name: t.homeUrl }).inputValue()).toBe(s.site.url);
    }
  });

  it('names the criteria-set file choosers in Thai in the Thai UI: our button opens the chooser, the browser’s own is not shown', async () => {
    const o = s.ext;
    await setUiLanguage(o, 'th');
    const builtIn = JSON.parse(await readFile(path.join(ROOT, 'lib/criteria/sets/nacc-ita-oit-2564.json'), 'utf8'));
    const file = path.join(tmp, 'set.json');
    await writeFile(
      file,
      JSON.stringify({ ...builtIn, id: 'nacc-ita-oit/2564/test', agencyType: 'test', titleTh: 'ชุดทดสอบภาษาไทย' }),
    );

    const card = o.getByRole('region', { name: 'ชุดเกณฑ์', exact: true });
    const pick = card.getByRole('button', { name: 'นำเข้าชุดเกณฑ์', exact: true });
    expect(await pick.isVisible()).toBe(true);
    expect(await card.locator('input[type=file]').isVisible()).toBe(false);
    const [chooser] = await Promise.all([o.waitForEvent('filechooser'), pick.click()]);
    await chooser.setFiles(file);
    await expect.poll(() => card.getByRole('status').textContent()).toBe('นำเข้าชุดเกณฑ์ "ชุดทดสอบภาษาไทย" แล้ว');

    // The criteria editor's "open a file for editing" is the same kind of control.
    const edit = o.getByRole('button', { name: 'นำเข้าไฟล์ชุดเกณฑ์เพื่อแก้ไข', exact: true });
    expect(await edit.isVisible()).toBe(true);
    const [chooser2] = await Promise.all([o.waitForEvent('filechooser'), edit.click()]);
    expect(chooser2.isMultiple()).toBe(false);
    expect(await o.locator('input[type=file]:visible').count()).toBe(0);
  });
});
