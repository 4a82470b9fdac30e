import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { readFile } from 'node:fs/promises';
import { strFromU8, unzipSync } from 'fflate';
import type { EvidenceRecord } from '../../lib/evidence/types';
import type { ArchiveRow, MetaRow } from '../../lib/storage/db';
import { dbAll, endSession, startSession, tagPage, type Session } from './harness';

describe('rolling over to the next fiscal year', () => {
  let s: Session;
  let page: Page;

  beforeAll(async () => {
    s = await startSession();
    page = await s.h.ctx.newPage();
    await page.goto(s.site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O5 ข้อมูลการติดต่อ' }).click();
    expect(await tagPage(page, ['O5'])).toMatch(/Evidence saved/);
  });
  afterAll(async () => {
    await endSession(s);
  });

  it("archives 2564 read-only, starts 2565 empty, and offers last year's page for re-capture", async () => {
    const { ext } = s;
    await ext.reload();
    const card = ext.getByRole('region', { name: 'Start a new fiscal year' });
    await card.getByText('Open fiscal year: B.E. 2564').waitFor();
    await card.getByRole('button', { name: 'Start fiscal year B.E. 2565' }).click();
    await card.getByText('Archive B.E. 2564 and start B.E. 2565?').waitFor();
    await card.getByRole('button', { name: 'Start fiscal year B.E. 2565' }).click();
    await card
      .getByRole('status')
      .filter({ hasText: 'Fiscal year B.E. 2565 started; B.E. 2564 is archived' })
      .waitFor();

    expect(await dbAll<EvidenceRecord>(ext, 'evidence')).toHaveLength(0);
    expect((await dbAll<EvidenceRecord>(ext, 'archivedEvidence')).map((e) => e.url)).toEqual([
      `${s.site.url}ita/o5.html`,
    ]);
    expect((await dbAll<ArchiveRow>(ext, 'archives')).map((a) => a.fiscalYear)).toEqual([2564]);
    const settings = (await dbAll<MetaRow>(ext, 'meta')).find((m) => m.key === 'settings')!.value as {
      fiscalYear: number;
    };
    expect(settings.fiscalYear).toBe(2565);

    // The side panel counts nothing for 2565.
    const panel = await s.h.ctx.newPage();
    await panel.goto(s.h.extUrl('sidepanel.html'));
    const o5 = panel.getByRole('listitem', { name: /^O5 / });
    await o5.waitFor();
    await o5.getByText('No evidence yet').waitFor();
    await panel.close();

    // Re-capture: one click opens last year's page; tagging it again marks it done.
    const recapture = ext.getByRole('region', { name: 'Pages to capture again for this year' });
    const [opened] = await Promise.all([
      s.h.ctx.waitForEvent('page'),
      recapture.getByRole('button', { name: /^Re-capture this page for O5: / }).click(),
    ]);
    await opened.waitForLoadState();
    expect(opened.url()).toBe(`${s.site.url}ita/o5.html`);
    expect(await tagPage(opened, ['O5'])).toMatch(/Evidence saved/);
    await recapture.getByText('Captured').waitFor();
    await opened.close();
  });

  it('exports the archived year as a bundle that names 2564 and holds its evidence', async () => {
    const { ext } = s;
    const [download] = await Promise.all([
      ext.waitForEvent('download'),
      ext.getByRole('button', { name: 'Export the bundle of B.E. 2564' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ita-evidence-2564-.*\.zip$/);
    const files = unzipSync(new Uint8Array(await readFile((await download.path())!)));
    const manifest = JSON.parse(strFromU8(files['manifest.json']!));
    expect(manifest.agency.fiscalYear).toBe(2564);
    expect(manifest.criteriaSet.id).toBe('nacc-ita-oit/2564/all');
    expect(manifest.evidence.map((e: { url: string }) => e.url)).toEqual([`${s.site.url}ita/o5.html`]);
  });
});
