/**
 * Reading a page as an assessor does: a year only in the site-wide menu does not count, documents
 * linked from a page are checked, document rows are checked as documents, and the crawl costs no
 * more requests than it must.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTargets } from '../../../lib/verify/verify';
import type { VerifyResult, VerifyTarget } from '../../../lib/verify/types';
import { sendHtml, startServer, type FixtureServer } from '../../fixtures/verify-server';
import { PDF_BYTES, testOptions } from './site';

/** A table-layout CMS page: the menu has no <nav> or menu class, only repetition gives it away. */
function cmsPage(title: string, body: string, extraLinks = ''): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>เทศบาลตำบลตัวอย่าง</title></head><body>
<table><tr><td><a href="/">หน้าแรก</a></td><td><a href="/plan">แผนพัฒนาท้องถิ่น ๒๕๖๑ - ๒๕๖๕</a></td>
<td><a href="/news">ข่าวประชาสัมพันธ์ ปี 2564</a></td><td><a href="/docs">เอกสารเผยแพร่</a></td><td><a href="/index.php">เว็บบอร์ด</a></td></tr></table>
<div class="content"><h1>${title}</h1><p>${body}</p>${extraLinks}</div>
<div id="footer">สงวนลิขสิทธิ์ เทศบาลตำบลตัวอย่าง พ.ศ. 2564</div></body></html>`;
}

const BIG = 'รายงานผลการดำเนินงาน '.repeat(20_000); // ~ 600 kB of page text

let site: FixtureServer;
beforeAll(async () => {
  site = await startServer((req, res, path) => {
    switch (path) {
      case '/':
        return sendHtml(res, cmsPage('ยินดีต้อนรับ', 'เทศบาลตำบลตัวอย่าง อำเภอเมือง', '<a href="/big">รายงานผล</a>'));
      case '/plan':
        return sendHtml(res, cmsPage('แผนพัฒนาท้องถิ่น', 'แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑ - ๒๕๖๕) ฉบับทบทวน ประจำปีงบประมาณ ๒๕๖๔'));
      case '/news':
        return sendHtml(res, cmsPage('ข่าวประชาสัมพันธ์', 'กิจกรรมวันเด็กแห่งชาติ', '<a href="/menu-year-only">ประกาศ</a>'));
      case '/menu-year-only':
        return sendHtml(res, cmsPage('ประกาศรายงานผลการดำเนินงาน', 'รายงานผลการดำเนินงานของเทศบาล ไตรมาสที่ ๒'));
      case '/docs':
        return sendHtml(
          res,
          cmsPage(
            'เอกสารเผยแพร่',
            'รายงานประจำปี 2564',
            '<a href="/files/report.pdf">รายงาน</a> <a href="/files/missing.pdf">คู่มือ</a> <a href="/files/nohead.xlsx">ตาราง</a>',
          ),
        );
      case '/big':
        return sendHtml(res, cmsPage('รายงานผลการดำเนินงาน ปี 2564', BIG));
      case '/files/report.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return void res.end(req.method === 'HEAD' ? undefined : PDF_BYTES);
      case '/files/nohead.xlsx':
        if (req.method === 'HEAD') {
          res.writeHead(405);
          return void res.end();
        }
        res.writeHead(200, { 'content-type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' });
        return void res.end(Buffer.from([0x50, 0x4b, 0x03, 0x04, 0, 0]));
      case '/files/fake.pdf':
        return sendHtml(res, cmsPage('ไม่พบไฟล์', 'ไฟล์ที่ท่านต้องการไม่มีในระบบ'));
      case '/index.php':
        return sendHtml(res, 'database error', 500);
      default:
        return sendHtml(res, cmsPage('404', 'Not Found'), 404);
    }
  });
});
afterAll(() => site.close());

const O9 = { kind: 'fiscal-year', offset: 0 } as const;
const opts = (extra = {}) => testOptions({ policy: { allowPrivate: true, allowHosts: [] }, ...extra });

async function run(targets: VerifyTarget[], extra = {}): Promise<{ results: VerifyResult[]; requests: string[] }> {
  const from = site.log.length;
  const results = await verifyTargets(targets, opts(extra));
  return { results, requests: site.log.slice(from) };
}

describe('the year check reads the page, not the site menu', () => {
  it('a page whose year is only in the menu and footer is year-missing; the year in its own text counts', async () => {
    const { results } = await run([
      { key: 'menu', url: site.url('/menu-year-only'), criterion: 'O9', periodRule: O9 },
      { key: 'plan', url: site.url('/plan'), criterion: 'O9', periodRule: O9 },
    ]);
    const [menu, plan] = results;
    expect(menu!.problems).toEqual(['year-missing']);
    expect(menu!.details.yearOnlyInChrome).toBe(true);
    expect(plan!.ok).toBe(true);
    expect(plan!.details.yearsFound).toEqual([2564]);
  });

  it('the home page itself is judged on its own text', async () => {
    const { results } = await run([{ key: 'home', url: site.url('/'), criterion: 'O9', periodRule: O9 }]);
    expect(results[0]!.problems).toEqual([]);
  });
});

describe('documents', () => {
  it('documents linked from a page are checked, HEAD then GET, and a dead one is broken-document on the page', async () => {
    const { results, requests } = await run([{ key: 'docs', url: site.url('/docs'), criterion: 'O9' }]);
    expect(results[0]!.problems).toEqual(['broken-document']);
    expect(results[0]!.details.brokenDocuments).toEqual([
      { url: site.url('/files/missing.pdf'), status: 404, error: 'http-404' },
    ]);
    expect(requests.filter((l) => l.includes('/files/'))).toEqual(
      expect.arrayContaining([
        'HEAD /files/report.pdf',
        'HEAD /files/missing.pdf',
        'HEAD /files/nohead.xlsx',
        'GET /files/nohead.xlsx',
      ]),
    );
    expect(requests.filter((l) => l === 'HEAD /files/missing.pdf')).toHaveLength(1); // no retries
  });

  it('a CSV row naming a document is checked as one: type, hash, and the page that links it', async () => {
    const { results } = await run(
      [
        { key: 'pdf', url: site.url('/files/report.pdf'), criterion: 'O9' },
        { key: 'fake', url: site.url('/files/fake.pdf'), criterion: 'O9' },
      ],
      { home: site.url('/') },
    );
    const [pdf, fake] = results;
    expect(pdf).toMatchObject({ kind: 'document', ok: true });
    expect(pdf!.details.documentType).toBe('pdf');
    expect(pdf!.details.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(pdf!.linkPath!.map((s) => s.linkText)).toEqual(['', 'เอกสารเผยแพร่', 'รายงาน']);
    expect(fake).toMatchObject({ kind: 'document', ok: false });
    expect(fake!.problems).toEqual(expect.arrayContaining(['broken', 'unlinked']));
    expect(fake!.details.error).toBe('not-a-document');
  });
});

describe('crawl efficiency', () => {
  it('crawl-only links are tried once; an evidence page the crawl fetched is not fetched again', async () => {
    const { results, requests } = await run(
      [
        { key: 'big', url: site.url('/big'), criterion: 'O9', periodRule: O9 },
        { key: 'menu', url: site.url('/menu-year-only'), criterion: 'O9' },
      ],
      { home: site.url('/'), retries: 3 },
    );
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(requests.filter((l) => l === 'GET /index.php')).toHaveLength(1);
    expect(requests.filter((l) => l === 'GET /big')).toHaveLength(1);
    expect(requests.filter((l) => l === 'GET /menu-year-only')).toHaveLength(1);
    expect(requests.filter((l) => l === 'GET /')).toHaveLength(1);
  });
});
