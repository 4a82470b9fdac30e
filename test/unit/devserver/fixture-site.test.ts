import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import {
  extractLinks,
  extractResourceUrls,
  listFiles,
  pdfXrefProblems,
  pngSize,
  resolveLink,
  titleOf,
} from './site-checks';

const root = path.resolve(__dirname, '../../fixtures/site');
const facts = JSON.parse(readFileSync(path.join(root, 'fixture-facts.json'), 'utf8'));
const read = (rel: string) => readFileSync(path.join(root, rel), 'utf8');
const htmlFiles = listFiles(root).filter((f) => f.endsWith('.html'));
const utf8Pages = htmlFiles.filter((f) => !f.endsWith('tis620.html'));

describe('e2e fixture site', () => {
  it('has a title on every page', () => {
    expect(htmlFiles.length).toBeGreaterThanOrEqual(12);
    for (const f of utf8Pages) expect(titleOf(readFileSync(f, 'utf8')), f).toBeTruthy();
  });

  it('has no broken internal links and no external resources', () => {
    for (const f of utf8Pages) {
      const html = readFileSync(f, 'utf8');
      for (const { href } of extractLinks(html)) {
        const target = resolveLink(root, f, href);
        if (target) expect(existsSync(target), `${path.relative(root, f)} → ${href}`).toBe(true);
      }
      for (const url of extractResourceUrls(html)) expect(url, f).not.toMatch(/^(https?:)?\/\//);
    }
  });

  it('links the ITA menu with the exact texts and hrefs, keeping the query string', () => {
    const links = extractLinks(read('ita/index.html'));
    for (const item of facts.itaMenu as { text: string; href: string }[]) {
      const found = links.find((l) => l.text === item.text);
      expect(found, item.text).toBeDefined();
      expect(`ita/${found?.href}`).toBe(item.href);
    }
    const home = extractLinks(read('index.html'));
    expect(home).toContainEqual({ href: 'about/index.html', text: 'ข้อมูลหน่วยงาน' });
    expect(home).toContainEqual({ href: 'ita/index.html', text: 'ITA' });
  });

  it('does not link the orphan page from anywhere', () => {
    for (const f of utf8Pages) {
      for (const { href } of extractLinks(readFileSync(f, 'utf8'))) {
        expect(resolveLink(root, f, href)).not.toBe(path.join(root, facts.orphanPage));
      }
    }
  });

  it('has the O5 contact elements and the O11 period and PDF link', () => {
    const o5 = read('ita/o5.html');
    for (const s of ['ที่อยู่', 'โทรศัพท์', 'โทรสาร', '0 3471 2345', '0 3471 2346', 'saraban@tuayang.example.org', 'แผนที่']) {
      expect(o5).toContain(s);
    }
    const o11 = read('ita/o11.html');
    expect(o11).toContain('1 ต.ค. 2563 – 31 มี.ค. 2564');
    expect(extractLinks(o11)).toContainEqual({ href: '../docs/report-6m.pdf', text: 'ดาวน์โหลดรายงาน (PDF)' });
  });

  it('ships a valid small PDF', () => {
    const pdf = readFileSync(path.join(root, 'docs/report-6m.pdf'));
    expect(pdfXrefProblems(pdf)).toEqual([]);
    expect(pdf.length).toBeGreaterThan(1000);
    expect(pdf.length).toBeLessThan(8000);
  });

  it('encodes tis620.html as windows-874 with the expected Thai text', () => {
    const bytes = readFileSync(path.join(root, 'ita/tis620.html'));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const text = new TextDecoder('windows-874').decode(bytes);
    expect(text).toContain(facts.tis620Page.text);
    expect(text).toContain('charset=windows-874');
    expect(text).toMatch(/<title>[^<]+<\/title>/);
  });

  it('has a long page with a fixed header, lazy solid-colour images and a bottom marker', () => {
    const html = read('ita/long.html');
    const lazy = [...html.matchAll(/<img loading="lazy" src="([^"]+)"/g)].map((m) => m[1] ?? '');
    expect(lazy.length).toBe(facts.longPage.lazyImages.count);
    expect(lazy.length).toBeGreaterThanOrEqual(8);
    for (const src of lazy)
      expect(pngSize(readFileSync(path.join(root, 'ita', src)))).toEqual({ width: 300, height: 150 });
    expect(html).toMatch(/#fixed-header \{ position: fixed;[^}]*height: 60px; background: #c0392b/);
    expect(html).toContain('ส่วนหัวคงที่');
    expect(html).toMatch(/#bottom-marker \{ height: 100px; background: #2e86c1/);
    expect(new Set(facts.longPage.lazyImages.colours).size).toBe(facts.longPage.lazyImages.count);
  });

  it('has a hostile page whose payloads are escaped text', () => {
    const html = read('ita/hostile.html');
    expect(html).toContain('<title>&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('&lt;img src=x onerror="window.__pwned=1"&gt;');
    expect(html).not.toMatch(/<img\b/);
    expect(html).toContain('z-index: 2147483647');
    expect(html).toContain('MutationObserver');
  });
});
