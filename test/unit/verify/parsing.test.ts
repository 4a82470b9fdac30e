import { describe, expect, it } from 'vitest';
import { zipSync, strToU8 } from 'fflate';
import { scanHtml } from '../../../lib/verify/html-scan';
import { analyzeHtml } from '../../../lib/verify/page-analysis';
import { normalizeUrl } from '../../../lib/util/url';
import { charTrigrams, textSimilarity } from '../../../lib/verify/similarity';
import { readInput, periodLookupFrom } from '../../../lib/verify/inputs';
import { expectedYears } from '../../../lib/verify/period';
import { siblingUrl } from '../../../lib/verify/soft404';
import { isDeadRedirect } from '../../../lib/verify/page-signals';
import { PROBLEM_CODES, PROBLEM_MESSAGES } from '../../../lib/verify/problems';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import { encodeWindows874 } from '../../fixtures/verify-server';

describe('HTML scanner', () => {
  it('finds links of a/area/frame/iframe with their text and skips script/style', () => {
    const html = `<html><head><title>T &amp; C</title><style>a{}</style><script>document.write("<a href='/x'>x</a>")</script></head>
      <body><!-- <a href="/commented">no</a> --><a class=m href="/a?x=1&amp;y=2">เมนู <b>หลัก</b><img alt="รูป"></a>
      <map><area href="/area" alt="แผนที่"></map><iframe src="/frame.html" title="กรอบ"></iframe><frame src=/f2>
      <a href='/single'>one</a><a>no href</a><p>ข้อความ&nbsp;ที่มองเห็น</p></body></html>`;
    const p = scanHtml(html);
    expect(p.title).toBe('T & C');
    expect(p.links).toEqual([
      { href: '/a?x=1&y=2', text: 'เมนู หลัก รูป' },
      { href: '/area', text: 'แผนที่' },
      { href: '/frame.html', text: 'กรอบ' },
      { href: '/f2', text: '' },
      { href: '/single', text: 'one' },
    ]);
    expect(p.text).toContain('ข้อความ ที่มองเห็น');
    expect(p.text).not.toContain('document.write');
    expect(p.text).not.toContain('a{}');
  });
});

describe('charset', () => {
  it('decodes windows-874 declared in the Content-Type header', () => {
    const bytes = encodeWindows874('<p>ไม่พบหน้า</p>');
    const a = analyzeHtml(bytes, 'text/html; charset=TIS-620');
    expect([a.charset, a.page.text]).toEqual(['windows-874', 'ไม่พบหน้า']);
  });
  it('defaults to UTF-8', () => {
    expect(analyzeHtml(new TextEncoder().encode('ไทย'), null).charset).toBe('utf-8');
  });
});

describe('URL normalisation', () => {
  it('Thai and percent-encoded forms compare equal; host case, default port and fragment ignored; query kept', () => {
    const a = normalizeUrl('http://Example.GO.TH:80/ข่าว/ประกาศ.html?id=1#top');
    const b = normalizeUrl(
      'http://example.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/%e0%b8%9b%e0%b8%a3%e0%b8%b0%e0%b8%81%e0%b8%b2%e0%b8%a8.html?id=1',
    );
    expect(a).toBe(b);
    expect(normalizeUrl('http://x.th/index.php?_mod=ZmlsZXM&type=MzI')).not.toBe(
      normalizeUrl('http://x.th/index.php?_mod=ZmlsZXM&type=MzM'),
    );
    expect(normalizeUrl('mailto:a@b')).toBeNull();
  });
});

describe('similarity', () => {
  it('is 1 for equal texts, low for different ones, and works with the 3-gram fallback', () => {
    expect(textSimilarity('แผนการดำเนินงานประจำปี', 'แผนการดำเนินงานประจำปี')).toBe(1);
    expect(textSimilarity('แผนการดำเนินงานประจำปี 2564', 'รับสมัครพนักงานจ้างตามภารกิจ')).toBeLessThan(0.2);
    expect(textSimilarity('ประกาศผลการจัดซื้อจัดจ้าง', 'ประกาศผลการจัดซื้อจัดจ้าง', charTrigrams)).toBe(1);
    expect(textSimilarity('ประกาศผลการจัดซื้อจัดจ้าง', 'รายงานการประชุมสภา', charTrigrams)).toBeLessThan(0.2);
  });
});

describe('rules', () => {
  it('period rules give the years to look for', () => {
    expect(expectedYears({ kind: 'current' }, 2564)).toEqual([]);
    expect(expectedYears({ kind: 'fiscal-year', offset: -1 }, 2564)).toEqual([2563]);
    expect(expectedYears({ kind: 'range', from: '2020-10-01', to: '2021-03-31' }, 2564)).toEqual([2563, 2564]);
  });
  it('sibling URLs stay in the directory and keep the extension', () => {
    const s = siblingUrl('http://x.th/news/item.php?id=5', () => 0.25);
    expect(s?.url).toMatch(/^http:\/\/x\.th\/news\/ita-verify-\w+\.php$/);
    expect(s?.cacheKey).toBe('http://x.th/news/*.php');
  });
  it('dead redirects: root and 404-named targets, not ids containing 404', () => {
    expect(isDeadRedirect('http://x.th/a', 'http://x.th/')).toBe(true);
    expect(isDeadRedirect('http://x.th/a', 'http://x.th/errors/404.html')).toBe(true);
    expect(isDeadRedirect('http://x.th/a', 'http://x.th/news?id=14045')).toBe(false);
  });
  it('every problem code has Thai and English text', () => {
    for (const c of PROBLEM_CODES) expect(PROBLEM_MESSAGES[c].th && PROBLEM_MESSAGES[c].en).toBeTruthy();
  });
});

describe('inputs', () => {
  it('reads a CSV with BOM and header', () => {
    const csv = '\uFEFFcriterion,url\r\nO1,http://x.th/a\r\n"O9","http://x.th/b?x=1,2"\r\n\r\n';
    const r = readInput(new TextEncoder().encode(csv), periodLookupFrom(getBuiltInSet()));
    expect(r.targets.map((t) => [t.criterion, t.url])).toEqual([
      ['O1', 'http://x.th/a'],
      ['O9', 'http://x.th/b?x=1,2'],
    ]);
    expect(r.targets[1]?.periodRule).toBeDefined();
  });
  it('reads a bundle zip: captured text, documents, home and fiscal year', () => {
    const manifest = {
      fiscalYear: 2564,
      agency: { homeUrl: 'http://x.th/' },
      evidence: [
        {
          id: 'ev1',
          url: 'http://x.th/plan',
          criteria: ['O9'],
          artifacts: [
            { method: 'text', path: 'evidence/O09/ev1.txt', sha256: 'a'.repeat(64) },
            {
              id: 'art2',
              method: 'document-bytes',
              path: 'evidence/O09/plan.pdf',
              sha256: 'b'.repeat(64),
              sourceUrl: 'http://x.th/plan.pdf',
            },
          ],
        },
        { broken: true },
      ],
    };
    const zip = zipSync({
      'manifest.json': strToU8(JSON.stringify(manifest)),
      'evidence/O09/ev1.txt': strToU8('แผนการดำเนินงาน'),
    });
    const r = readInput(zip);
    expect(r.fiscalYear).toBe(2564);
    expect(r.homeUrl).toBe('http://x.th/');
    expect(r.targets).toEqual([
      { key: 'ev1', url: 'http://x.th/plan', criterion: 'O9', evidenceId: 'ev1', capturedText: 'แผนการดำเนินงาน' },
      {
        key: 'ev1#art2',
        url: 'http://x.th/plan.pdf',
        criterion: 'O9',
        evidenceId: 'ev1',
        document: { sha256: 'b'.repeat(64), url: 'http://x.th/plan.pdf' },
      },
    ]);
  });
});
