import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import type { VerifyRow } from '../../lib/storage/db';
import type { VerifyJobState } from '../../lib/verify/store';
import type { VerifyResult } from '../../lib/verify/types';
import {
  chooseItems,
  dbAll,
  openTagForm,
  ROOT,
  saveAndWait,
  tagPage,
  type Harness,
  startSession,
  endSession,
} from './harness';

const html = (res: ServerResponse, status: number, body: string) => {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(body);
};

const DRIFTED = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ประกาศรับสมัครพนักงานจ้าง</title></head>
<body><h1>ประกาศรับสมัครบุคคลเพื่อสรรหาและเลือกสรรเป็นพนักงานจ้างตามภารกิจ</h1>
<p>ด้วยองค์การบริหารส่วนตำบลแห่งหนึ่งมีความประสงค์จะรับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้าง ตำแหน่งผู้ช่วยนักวิชาการเกษตร
คุณสมบัติผู้สมัคร อายุไม่ต่ำกว่าสิบแปดปีบริบูรณ์ สำเร็จการศึกษาระดับประกาศนียบัตรวิชาชีพชั้นสูง ยื่นใบสมัครด้วยตนเอง
ณ ที่ทำการ ในวันและเวลาราชการ หลักฐานที่ต้องยื่นพร้อมใบสมัคร รูปถ่ายหน้าตรงไม่สวมหมวกและไม่สวมแว่นตาดำ</p></body></html>`;

const SOFT_404 = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>ไม่พบหน้า</title></head>
<body><h1>ไม่พบหน้าที่คุณต้องการ</h1><p>กลับไปที่หน้าแรก</p></body></html>`;

/** Like tagPage, but ticks every "Store documents" checkbox the form offers; returns how many. */
async function tagWithDocuments(page: Page, code: string): Promise<{ status: string; documents: number }> {
  const dialog = await openTagForm(page);
  await chooseItems(dialog, [code]);
  const boxes = dialog.getByRole('group', { name: 'Store documents' }).getByRole('checkbox');
  const documents = await boxes.count();
  for (let i = 0; i < documents; i++) await boxes.nth(i).check();
  return { status: await saveAndWait(page, dialog), documents };
}

describe('re-verify from the side panel', () => {
  let h: Harness;
  let site: StaticServer;
  let panel: Page;
  let targets = 0;
  const byUrl = new Map<string, string>(); // page file → evidence id

  beforeAll(async () => {
    ({ h, site } = await startSession());
  });
  afterAll(async () => {
    await endSession({ h, site });
  });

  const resultFor = (rows: VerifyRow[], file: string) =>
    rows.find((r) => r.key === byUrl.get(file))?.result as VerifyResult | undefined;

  it('tags O5, O1 and O11 (with its PDF) from pages reached from the home page', async () => {
    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O5 ข้อมูลการติดต่อ' }).click();
    expect(await tagPage(page, ['O5'])).toMatch(/Evidence saved/);
    await page.goBack();
    await page.getByRole('link', { name: 'O1 โครงสร้าง' }).click();
    expect(await tagPage(page, ['O1'])).toMatch(/Evidence saved/);
    await page.goBack();
    await page.getByRole('link', { name: 'O11 รายงานรอบ 6 เดือน' }).click();
    const o11 = await tagWithDocuments(page, 'O11');
    expect(o11.status).toMatch(/Evidence saved/);
    await page.close();

    panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    const records = await dbAll<EvidenceRecord>(panel, 'evidence');
    expect(records).toHaveLength(3);
    for (const r of records) byUrl.set(r.url.split('/').pop()!, r.id);
    const docs = records.flatMap((r) => r.artifacts.filter((a) => a.method === 'document-bytes'));
    expect(docs).toHaveLength(o11.documents);
    targets = 3 + docs.length;
  });

  it('flags the drifted and the soft-404 page, passes the intact one, and stores every result', async () => {
    site.setOverride('/ita/o5.html', (_req, res) => html(res, 200, DRIFTED));
    site.setOverride('/ita/o1.html', (_req, res) => html(res, 200, SOFT_404));

    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    expect(
      await panel.getByRole('checkbox', { name: 'Check that pages are linked from the main website' }).isChecked(),
    ).toBe(true);
    await panel.getByRole('button', { name: 'Re-verify', exact: true }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Finished/ })
      .waitFor({ timeout: 90_000 });
    expect(await panel.getByRole('status').textContent()).toBe(`Finished: ${targets - 2} OK, 2 need attention.`);
    expect(await panel.getByRole('progressbar', { name: 'Re-verify progress' }).getAttribute('value')).toBe(
      String(targets),
    );
    expect(await panel.getByText(`${targets} / ${targets}`).count()).toBe(1);

    const rows = await dbAll<VerifyRow>(panel, 'verify');
    expect(rows).toHaveLength(targets);
    const o5 = resultFor(rows, 'o5.html')!;
    expect(o5.problems).toContain('drifted');
    expect(o5.similarity).toBeLessThan(0.5);
    expect(o5.linkPath?.map((s) => s.linkText)).toEqual(['', 'ITA', 'O5 ข้อมูลการติดต่อ']);
    expect(resultFor(rows, 'o1.html')!.problems).toContain('soft-404');
    const o11 = resultFor(rows, 'o11.html')!;
    expect(o11).toMatchObject({ ok: true, problems: [], status: 200 });
    expect(o11.similarity).toBeGreaterThan(0.9);
    for (const doc of rows.filter((r) => r.key.includes('#'))) {
      expect(doc.evidenceId).toBe(byUrl.get('o11.html'));
      expect(doc.result).toMatchObject({ kind: 'document', ok: true });
    }

    // The table: translated problems, similarity, link path; the filter keeps only what needs attention.
    const table = panel.getByRole('table', { name: 'Link check results' });
    const o5Row = table.getByRole('row').filter({ hasText: 'o5.html' });
    expect(await o5Row.textContent()).toMatch(/Needs attention.*Content changed since capture/);
    expect(await table.getByRole('row').filter({ hasText: 'o11.html' }).first().textContent()).toMatch(
      /Link OK.*\d+%.*Home → ITA → O11 รายงานรอบ 6 เดือน/,
    );
    expect(await table.getByRole('row').count()).toBe(targets + 1);
    await panel.getByRole('checkbox', { name: 'Needs attention only' }).check();
    expect(await table.getByRole('row').count()).toBe(3);
    expect(await table.getByRole('row').filter({ hasText: 'o1.html' }).textContent()).toMatch(
      /Not-found page \(soft 404\)/,
    );

    // The checklist shows a verdict per item, and the item's accessible name still starts with its code.
    await panel.getByRole('tab', { name: 'Checklist' }).click();
    await expect
      .poll(() => panel.getByRole('listitem', { name: /^O5 / }).textContent())
      .toMatch(/Needs attention: Content changed since capture/);
    expect(await panel.getByRole('listitem', { name: /^O1 / }).textContent()).toMatch(
      /Needs attention: Not-found page \(soft 404\)/,
    );
    expect(await panel.getByRole('listitem', { name: /^O11 / }).textContent()).toMatch(/Link OK/);
    expect(await panel.getByRole('listitem', { name: /^O11 .*Link OK$/ }).count()).toBe(1);
    expect(await panel.getByRole('listitem', { name: /^O3 / }).textContent()).not.toMatch(/Link OK|Needs attention/);
  });

  it('cancels a run, keeps the results already checked, and resumes the rest', async () => {
    const o11File = readFileSync(path.join(ROOT, 'test/fixtures/site/ita/o11.html'));
    site.setOverride('/ita/o11.html', (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(o11File);
      }, 8_000);
    });
    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    await panel.getByRole('checkbox', { name: 'Check that pages are linked from the main website' }).uncheck();
    await panel.getByRole('button', { name: 'Re-verify', exact: true }).click();
    await panel.getByText(`${targets - 1} / ${targets}`).waitFor({ timeout: 30_000 });
    await panel.getByRole('button', { name: 'Cancel' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Cancelled/ })
      .waitFor();
    expect(await panel.getByRole('status').textContent()).toBe(
      `Cancelled. The ${targets - 1} / ${targets} results already checked are kept.`,
    );

    const job = (await dbAll<{ key: string; value: VerifyJobState }>(panel, 'meta')).find(
      (m) => m.key === 'verifyJob',
    )!.value;
    expect(job.status).toBe('cancelled');
    expect(job.crawl).toBe(false);
    expect(job.total).toBe(targets);
    expect(job.done).toBe(targets - 1);
    const rows = await dbAll<VerifyRow & { job?: string }>(panel, 'verify');
    expect(rows).toHaveLength(targets); // the slow page keeps its previous result
    const ofJob = rows.filter((r) => r.job === job.startedAt).map((r) => r.key);
    expect(ofJob).toHaveLength(targets - 1);
    expect(ofJob).not.toContain(byUrl.get('o11.html'));
    expect(
      rows
        .filter((r) => r.checkedAt >= job.startedAt)
        .map((r) => r.key)
        .sort(),
    ).toEqual([...ofJob].sort());

    // Reopening the panel offers to resume; only the missing page is checked again.
    site.setOverride('/ita/o11.html', null);
    await panel.reload();
    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    await panel.getByText(`The last run stopped at ${targets - 1} / ${targets}.`).waitFor();
    const before = new Map(rows.map((r) => [r.key, r.checkedAt]));
    await panel.getByRole('button', { name: 'Resume' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Finished/ })
      .waitFor({ timeout: 60_000 });
    const after = await dbAll<VerifyRow>(panel, 'verify');
    for (const r of after) {
      if (r.key === byUrl.get('o11.html')) expect(r.checkedAt > job.startedAt).toBe(true);
      else expect(r.checkedAt).toBe(before.get(r.key));
    }
    const finished = (await dbAll<{ key: string; value: VerifyJobState }>(panel, 'meta')).find(
      (m) => m.key === 'verifyJob',
    )!.value;
    expect(finished).toMatchObject({ status: 'done', startedAt: job.startedAt });
    expect(finished.done).toBe(targets);
    expect(await panel.getByRole('button', { name: 'Resume' }).count()).toBe(0);
  });

  it('keeps the results stored before the panel is closed mid-run, and resumes the rest when it is reopened', async () => {
    const o11File = readFileSync(path.join(ROOT, 'test/fixtures/site/ita/o11.html'));
    site.setOverride('/ita/o11.html', (_req, res) => {
      setTimeout(() => {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        res.end(o11File);
      }, 8_000);
    });
    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    await panel.getByRole('checkbox', { name: 'Check that pages are linked from the main website' }).uncheck();
    await panel.getByRole('button', { name: 'Re-verify', exact: true }).click();
    const readJob = async () =>
      (await dbAll<{ key: string; value: VerifyJobState }>(panel, 'meta')).find((m) => m.key === 'verifyJob')!.value;
    // Every result but the slow page's is stored (results are saved in batches as they arrive).
    await expect.poll(async () => (await readJob()).done, { timeout: 30_000 }).toBe(targets - 1);
    const job = await readJob();
    expect(job.status).toBe('running');
    // The panel goes away in the middle of the run, as when the browser or the panel is closed.
    await panel.close();
    site.setOverride('/ita/o11.html', null);

    panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    await panel.getByText(`The last run stopped at ${targets - 1} / ${targets}.`).waitFor();
    const rows = await dbAll<VerifyRow & { job?: string }>(panel, 'verify');
    const before = new Map(rows.map((r) => [r.key, r.checkedAt]));
    expect(rows.filter((r) => r.job === job.startedAt).map((r) => r.key)).not.toContain(byUrl.get('o11.html'));
    await panel.getByRole('button', { name: 'Resume' }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Finished/ })
      .waitFor({ timeout: 60_000 });
    for (const r of await dbAll<VerifyRow>(panel, 'verify')) {
      if (r.key === byUrl.get('o11.html')) expect(r.checkedAt > job.startedAt).toBe(true);
      else expect(r.checkedAt).toBe(before.get(r.key));
    }
    expect(await readJob()).toMatchObject({ status: 'done', startedAt: job.startedAt, done: targets });
  });

  it('reads the page as an assessor does: a year only in the menu does not count, and a dead linked PDF is reported on its page', async () => {
    // O11 now carries its years only in the shared header, and links a PDF that is gone.
    site.setOverride('/ita/o11.html', (_req, res) =>
      html(
        res,
        200,
        `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>O11 รายงานรอบ 6 เดือน - เทศบาลตำบลทดสอบ</title></head>
<body><header><nav><a href="../index.html">หน้าแรก</a> <a href="../ita/index.html">ITA ปีงบประมาณ 2564</a></nav></header>
<main><h1>รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน</h1><p>รายละเอียดตามเอกสารแนบ</p>
<p><a href="../docs/report-6m.pdf">ดาวน์โหลดรายงาน (PDF)</a> <a href="../docs/gone.pdf">ภาคผนวก (PDF)</a></p></main></body></html>`,
      ),
    );
    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    await panel.getByRole('button', { name: 'Re-verify', exact: true }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Finished/ })
      .waitFor({ timeout: 90_000 });
    const o11 = resultFor(await dbAll<VerifyRow>(panel, 'verify'), 'o11.html')!;
    expect(o11.problems).toEqual(expect.arrayContaining(['year-missing', 'broken-document']));
    expect(o11.details.yearOnlyInChrome).toBe(true);
    expect(o11.details.brokenDocuments?.map((d) => d.url.split('/').pop())).toEqual(['gone.pdf']);
    const row = panel
      .getByRole('table', { name: 'Link check results' })
      .getByRole('row')
      .filter({ hasText: 'o11.html' })
      .first();
    expect(await row.textContent()).toMatch(
      /Required fiscal year not mentioned.*A document this page links to is broken/,
    );
    site.setOverride('/ita/o11.html', null);
  });

  it('draws the results one page at a time, problems first, with "show more" in English and Thai, at 400 px', async () => {
    // 150 more stored results, one in five broken: more than one page of the table.
    await panel.evaluate(async () => {
      const open = indexedDB.open('ita-evidence');
      const db: IDBDatabase = await new Promise((res) => (open.onsuccess = () => res(open.result)));
      const tx = db.transaction('verify', 'readwrite');
      for (let i = 0; i < 150; i++) {
        const key = `paged-${String(i).padStart(3, '0')}`;
        const ok = i % 5 !== 0;
        const checkedAt = '2026-11-29T03:00:00.000Z';
        tx.objectStore('verify').put({
          key,
          evidenceId: key,
          checkedAt,
          result: {
            key,
            url: `http://127.0.0.1:9/paged/${i}.html`,
            criterion: 'O9',
            evidenceId: key,
            kind: 'page',
            checkedAt,
            ok,
            status: ok ? 200 : 404,
            finalUrl: null,
            redirects: [],
            problems: ok ? [] : ['broken'],
            similarity: null,
            linkPath: null,
            details: {},
          },
        });
      }
      await new Promise((res) => (tx.oncomplete = res));
      db.close();
    });
    const stored = (await dbAll<VerifyRow>(panel, 'verify')).map((r) => r.result as VerifyResult);
    const total = stored.length;
    const bad = stored.filter((r) => !r.ok).length;
    expect(total).toBeGreaterThan(150);
    expect(total).toBeLessThan(200);

    await panel.reload();
    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    const table = panel.getByRole('table', { name: 'Link check results' });
    await panel.getByText(`Showing 100 of ${total}`).waitFor();
    expect(await table.getByRole('row').count()).toBe(101);
    // Every result that needs attention is on the first page, before the OK ones.
    const verdicts = await table.locator('tbody tr .badge').allTextContents();
    expect(verdicts.slice(0, bad)).toEqual(Array(bad).fill('Needs attention'));
    expect(verdicts.slice(bad)).toEqual(Array(100 - bad).fill('Link OK'));

    await panel.setViewportSize({ width: 400, height: 800 });
    const more = panel.getByRole('button', { name: `Show ${total - 100} more` });
    await more.scrollIntoViewIfNeeded();
    expect(await panel.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(400);
    await panel.screenshot({ path: path.join(ROOT, '.output/verify-paged-400.png') });
    await more.click();
    await panel.getByText(`Showing ${total} of ${total}`).waitFor();
    expect(await table.getByRole('row').count()).toBe(total + 1);
    expect(await panel.getByRole('button', { name: /^Show \d+ more$/ }).count()).toBe(0);

    // "Needs attention only" starts again from one page of the matching rows.
    await panel.getByRole('checkbox', { name: 'Needs attention only' }).check();
    await panel.getByText(`Showing ${bad} of ${total}`).waitFor();
    expect(await table.getByRole('row').count()).toBe(bad + 1);

    const options = await h.ctx.newPage();
    await options.goto(h.extUrl('options.html'));
    await options.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'ไทย' });
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: /Settings saved|บันทึกการตั้งค่าแล้ว/ })
      .first()
      .waitFor();
    await panel.reload();
    await panel.getByRole('tab', { name: /^ตรวจลิงก์/ }).click(); // the short label at 400 px
    const thTable = panel.getByRole('table', { name: 'ผลการตรวจลิงก์' });
    await panel.getByText(`แสดง 100 จาก ${total} รายการ`).waitFor();
    expect(await thTable.getByRole('row').count()).toBe(101);
    const moreTh = panel.getByRole('button', { name: `แสดงเพิ่มอีก ${total - 100} รายการ` });
    await moreTh.scrollIntoViewIfNeeded();
    await panel.screenshot({ path: path.join(ROOT, '.output/verify-paged-400-th.png') });
    await moreTh.click();
    await panel.getByText(`แสดง ${total} จาก ${total} รายการ`).waitFor();
    await options.getByRole('combobox', { name: 'ภาษา' }).selectOption({ label: 'English' });
    await options.getByRole('button', { name: 'บันทึกการตั้งค่า' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: /Settings saved|บันทึกการตั้งค่าแล้ว/ })
      .first()
      .waitFor();
    await options.close();
  });
});
