import { spawnSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { exportBundleFromPanel } from '../../scripts/lib/export-from-panel';
import { dbAll, tagPage, type Harness, startSession, endSession } from './harness';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/** A4 portrait in PDF points, and the printable width with 12 mm side margins in CSS px. */
const A4 = { w: 595.28, h: 841.89 };
const PRINTABLE_PX = Math.floor(((210 - 24) / 25.4) * 96);

function pdfText(file: string): string {
  const r = spawnSync('pdftotext', [file, '-'], { encoding: 'utf8' });
  if (r.error || r.status !== 0)
    throw new Error(`pdftotext failed (apt-get install poppler-utils): ${r.error?.message ?? r.stderr}`);
  return r.stdout;
}

function pdfPageSizes(file: string): { w: number; h: number }[] {
  const r = spawnSync('pdfinfo', ['-f', '1', '-l', '999', file], { encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
  return [...r.stdout.matchAll(/Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/g)].map((m) => ({
    w: Number(m[1]),
    h: Number(m[2]),
  }));
}

describe('report.html prints as an official A4 document', () => {
  let h: Harness;
  let site: StaticServer;
  let options: Page;
  let dir: string;
  let reportUrl = '';

  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'ita-report-pdf-'));
    ({ h, site, ext: options } = await startSession());
    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O5 ข้อมูลการติดต่อ' }).click();
    expect(await tagPage(page, ['O5'], { note: 'ที่อยู่ โทรศัพท์ โทรสาร อีเมล แผนที่' })).toMatch(/Evidence saved/);
    await page.goBack();
    await page.getByRole('link', { name: 'O22 ประกาศจัดซื้อจัดจ้าง' }).click();
    expect(await tagPage(page, ['O22'], { mode: 'Full page' })).toMatch(/Evidence saved/);
    await page.close();
    // Who signs, from the options page; the certifier is left blank to sign by hand.
    await options.reload();
    const card = options.getByRole('form', { name: 'Report for signature' });
    await card
      .getByRole('group', { name: 'Prepared by' })
      .getByRole('textbox', { name: 'Name' })
      .fill('นางสาวสมหญิง ตั้งใจ');
    await card
      .getByRole('group', { name: 'Prepared by' })
      .getByRole('textbox', { name: 'Position' })
      .fill('นักทรัพยากรบุคคล');
    await card.getByRole('group', { name: 'Checked by' }).getByRole('textbox', { name: 'Name' }).fill('นายสมชาย ใจดี');
    await card.getByRole('group', { name: 'Checked by' }).getByRole('textbox', { name: 'Position' }).fill('ปลัดเทศบาล');
    await card.getByRole('button', { name: 'Save report details' }).click();
    await card.getByRole('status').filter({ hasText: 'Report details saved' }).waitFor();

    const zip = await exportBundleFromPanel(h, dir, 'en');
    for (const [name, data] of Object.entries(unzipSync(await readFile(zip)))) {
      const file = path.join(dir, 'bundle', name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    }
    reportUrl = `file://${path.join(dir, 'bundle', 'report.html')}`;
  });
  afterAll(async () => {
    await endSession({ h, site });
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('prints to A4 portrait pages numbered "หน้า x / y", with the memo columns, a signature block, and no internal ids', async () => {
    const page = await h.ctx.newPage();
    await page.goto(reportUrl);
    const pdf = path.join(dir, 'report.pdf');
    await page.pdf({ path: pdf, preferCSSPageSize: true, printBackground: true });
    const sizes = pdfPageSizes(pdf);
    expect(sizes.length).toBeGreaterThanOrEqual(2); // the table, then the appendix (ภาคผนวก)
    for (const s of sizes) {
      expect(Math.abs(s.w - A4.w)).toBeLessThan(1);
      expect(Math.abs(s.h - A4.h)).toBeLessThan(1);
    }
    const text = pdfText(pdf);
    // Thai has no spaces between words, and cells wrap: compare without white space.
    const flat = text.replace(/\s+/g, '');
    const has = (s: string) => expect(flat).toContain(s.replace(/\s+/g, ''));
    for (let i = 1; i <= sizes.length; i++) expect(text).toContain(`หน้า ${i} / ${sizes.length}`);
    has('เทศบาลตำบลทดสอบ');
    for (const col of ['ข้อ', 'องค์ประกอบด้านข้อมูล', 'ข้อมูลที่นำเสนอ (URL)', 'หน่วยงานที่รับผิดชอบ', 'มี', 'ไม่มี']) has(col);
    for (const s of [
      'ผู้จัดทำ',
      'ผู้ตรวจสอบ',
      'ผู้รับรอง',
      'นางสาวสมหญิง ตั้งใจ',
      'นักทรัพยากรบุคคล',
      'นายสมชาย ใจดี',
      'ปลัดเทศบาล',
      'ภาคผนวก',
    ])
      has(s);
    const records = await dbAll<EvidenceRecord>(options, 'evidence');
    expect(records.length).toBe(2);
    for (const r of records) {
      expect(flat).not.toContain(r.id);
      for (const a of r.artifacts) expect(flat).not.toContain(a.id);
    }
    expect(flat).not.toMatch(UUID);
    await page.close();
  });

  it('lays the table out within the printable width of A4 portrait, one mark per item', async () => {
    const page = await h.ctx.newPage();
    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: PRINTABLE_PX, height: 1000 });
    await page.goto(reportUrl);
    const layout = await page.evaluate(() => {
      const table = document.querySelector('table.items')!;
      const cells = [...table.querySelectorAll('th, td')];
      return {
        right: table.getBoundingClientRect().right,
        pageWidth: document.documentElement.scrollWidth,
        overflowing: cells.filter((c) => c.scrollWidth > c.clientWidth + 1).map((c) => c.textContent?.slice(0, 40)),
        marks: [...table.querySelectorAll('tbody tr')].map(
          (tr) => [...tr.querySelectorAll('td.mark')].filter((td) => td.textContent?.trim()).length,
        ),
        rows: table.querySelectorAll('tbody tr').length,
        text: document.body.innerText,
      };
    });
    expect(layout.right).toBeLessThanOrEqual(PRINTABLE_PX);
    expect(layout.pageWidth).toBeLessThanOrEqual(PRINTABLE_PX);
    expect(layout.overflowing).toEqual([]);
    expect(layout.rows).toBe(43);
    expect(layout.marks.every((n) => n === 1)).toBe(true);
    expect(layout.text).not.toMatch(UUID);
    await page.close();
  });

  it('prints numbers and dates in Thai digits when the option is on', async () => {
    await options.reload();
    const card = options.getByRole('form', { name: 'Report for signature' });
    await card.getByRole('checkbox', { name: 'Print numbers and dates in Thai digits' }).check();
    await card.getByRole('button', { name: 'Save report details' }).click();
    await card.getByRole('status').filter({ hasText: 'Report details saved' }).waitFor();
    const out = path.join(dir, 'thai');
    await mkdir(out, { recursive: true });
    const zip = await exportBundleFromPanel(h, out, 'en');
    const html = new TextDecoder().decode(unzipSync(await readFile(zip))['report.html']!);
    expect(html).toContain('ประจำปีงบประมาณ พ.ศ. ๒๕๖๔');
    expect(html).toContain('counter(pages, thai)');
    expect(html).not.toMatch(/บันทึกเมื่อ \d/);
  });
});
