import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { extractLinks, extractResourceUrls, listFiles, pdfXrefProblems, resolveLink, titleOf } from './site-checks';

const root = path.resolve(__dirname, '../../../demo-site');
const files = listFiles(root).filter((f) => !f.includes(`${path.sep}tools${path.sep}`));
const pages = files.filter((f) => f.endsWith('.html'));
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');

/** Every page reachable by following links from index.html (within the site). */
function reachable(): Set<string> {
  const seen = new Set<string>();
  const queue = [path.join(root, 'index.html')];
  while (queue.length > 0) {
    const file = queue.pop() as string;
    if (seen.has(file) || !file.endsWith('.html')) continue;
    seen.add(file);
    for (const { href } of extractLinks(readFileSync(file, 'utf8'))) {
      const target = resolveLink(root, file, href);
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe('demo site', () => {
  it('stays small', () => {
    const total = files.reduce((sum, f) => sum + statSync(f).size, 0);
    expect(total).toBeLessThan(300 * 1024);
  });

  it('gives every page a title, the footer address and the shared stylesheet', () => {
    expect(pages.length).toBeGreaterThanOrEqual(20);
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      expect(titleOf(html), f).toMatch(/เทศบาลเมืองตัวอย่าง$/);
      expect(html, f).toContain('ถนนเทศบาลสามัคคี ตำบลตัวอย่าง อำเภอเมืองตัวอย่าง จังหวัดตัวอย่าง 70000');
      expect(html, f).toMatch(/<link rel="stylesheet" href="(\.\.\/)*assets\/style\.css">/);
    }
  });

  it('loads no external resources and has no broken internal links', () => {
    for (const f of pages) {
      const html = readFileSync(f, 'utf8');
      for (const url of extractResourceUrls(html)) expect(url, f).not.toMatch(/^(https?:)?\/\//);
      for (const { href } of extractLinks(html)) {
        const target = resolveLink(root, f, href);
        if (target) expect(existsSync(target), `${path.relative(root, f)} → ${href}`).toBe(true);
      }
    }
    expect(readFileSync(path.join(root, 'assets/style.css'), 'utf8')).not.toMatch(/@import|url\(\s*['"]?https?:/);
  });

  it('links at least 12 criteria pages from the ITA menu page, keeping the news query string', () => {
    const links = extractLinks(read('ita/index.html'));
    const criteria = links.filter((l) => /^o\d+\.html$/.test(l.href) || l.href.startsWith('../news.html'));
    expect(criteria.length).toBeGreaterThanOrEqual(12);
    expect(links.map((l) => l.href)).toContain('../news.html?cat=1');
    expect(extractLinks(read('index.html')).map((l) => l.href)).toContain('ita/index.html');
  });

  it('reaches every page from the home page except the hidden one', () => {
    const seen = reachable();
    const unreachable = pages.filter((f) => !seen.has(f)).map((f) => path.relative(root, f));
    expect(unreachable).toEqual([path.join('hidden', 'o12-report.html')]);
  });

  it('shows the required elements of key items', () => {
    const o5 = read('ita/o5.html');
    for (const s of [
      'หมู่ที่ 3',
      'ถนน',
      'ตำบล',
      'อำเภอ',
      'จังหวัด',
      '70000',
      'โทรศัพท์',
      'โทรสาร',
      'saraban@tuayang.example.org',
      '<svg',
      'แผนที่ Google Maps',
    ]) {
      expect(o5).toContain(s);
    }
    expect(read('news.html')).toContain('๑๕ มกราคม ๒๕๖๔');
    expect(read('ita/o11.html')).toContain('1 ต.ค. 2563 – 31 มี.ค. 2564');
    expect(read('ita/o16.html')).toContain('กำลังปรับปรุงข้อมูล');
    expect(read('ita/o23.html')).toContain('ไม่มีการจัดซื้อจัดจ้าง');
    expect(read('ita/o23.html').match(/<h2>ประจำเดือน/g)?.length).toBe(6);
    expect(read('ita/o31.html')).toContain('ไม่มีเรื่องร้องเรียน');
    expect(read('ita/o30.html')).toMatch(/<form class="complaint" action="#"/);
  });

  it('ships a valid PDF for the six-month report', () => {
    expect(pdfXrefProblems(readFileSync(path.join(root, 'docs/report-6m-2564.pdf')))).toEqual([]);
  });

  it('matches what the page generator produces (committed output is current)', async () => {
    const toolsUrl = (name: string) => pathToFileURL(path.join(root, 'tools', name)).href;
    const layout = await import(toolsUrl('layout.mjs'));
    const modules = await Promise.all(
      ['pages-basic.mjs', 'pages-operations.mjs', 'pages-procurement.mjs', 'pages-integrity.mjs'].map(
        (n) => import(toolsUrl(n)),
      ),
    );
    const generated = modules.flatMap((m) => Object.values(m).flat() as { path: string }[]);
    expect(generated.length).toBe(pages.length);
    for (const page of generated) expect(layout.renderPage(page), page.path).toBe(read(page.path));
  });
});
