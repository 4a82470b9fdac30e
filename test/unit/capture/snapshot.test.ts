// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../../lib/capture/snapshot.dom';

const PAGE_URL = 'https://www.bangtuayang.go.th/index.php?_mod=ZmlsZXM&type=MzI';

function load(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.open();
  doc.write(html);
  doc.close();
  return doc;
}

function parse(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

const fixedNow = () => new Date('2021-03-15T03:04:05.000Z');

describe('snapshotDocument', () => {
  let doc: Document;
  beforeEach(() => {
    doc = load(`<!DOCTYPE html><html lang="th"><head><meta charset="tis-620"><title>ติดต่อเรา</title>
      <meta http-equiv="refresh" content="0;url=javascript:alert(1)">
      <script>window.evil = 1</script><link rel="preload" href="/app.js" as="script">
      <style>body { color: #123; }</style></head>
      <body onload="steal()">
        <h1>ข้อมูลการติดต่อ</h1>
        <p>เทศบาลตำบลบางตัวอย่าง  หมู่ที่ 3<br>โทร. ๐๓๔-๗๑๑-๑๑๑</p>
        <img src="x" onerror="alert(document.cookie)">
        <a href="javascript:alert(1)">คลิก</a> <a href=" JaVa&#x09;Script:alert(2)">สอง</a>
        <a href="/o5.php" onclick="track()">ต่อไป</a>
        <svg><a xlink:href="javascript:alert(3)"><text>svg</text></a></svg>
        <iframe srcdoc="<script>alert(4)</script>" src="https://maps.google.com/x"></iframe>
        <noscript><img src="tracker.gif"></noscript>
        <div hidden>ซ่อนอยู่</div><div style="display: none">ซ่อนด้วย style</div>
        <form action="javascript:void(0)"><input name="q" value="old"><input type="checkbox" name="c">
          <input type="password" name="p"><textarea name="t"></textarea>
          <select name="s"><option>ก</option><option>ข</option></select></form>
        <div id="ita-evidence-host">แถบเครื่องมือ ITA</div>
        <template><div onclick="x()"><script>alert(5)</script><a href="javascript:y()">t</a></div></template>
        <table><tr><td>ชื่อ</td><td>ตำแหน่ง</td></tr></table>
      </body></html>`);
    Object.defineProperty(doc, 'URL', { value: PAGE_URL });
  });

  it('removes scripts, handlers and javascript: URLs', () => {
    const { html } = snapshotDocument(doc, { now: fixedNow });
    const out = parse(html);
    expect(out.querySelectorAll('script, noscript')).toHaveLength(0);
    expect(html).not.toMatch(/javascript:/i);
    expect(html).not.toMatch(/\bon(error|load|click)=/i);
    expect(html).not.toContain('srcdoc');
    expect(html).not.toContain('window.evil');
    expect(html).not.toContain('alert(5)');
    expect(out.querySelector('template')).not.toBeNull();
    expect(html).not.toContain('http-equiv="refresh"');
    expect(out.querySelector('link[rel=preload]')).toBeNull();
    expect(out.querySelector('a[href="https://www.bangtuayang.go.th/o5.php"]')?.textContent).toBe('ต่อไป');
    expect(out.querySelector('iframe')?.getAttribute('sandbox')).toBe('');
    expect(out.querySelector('img')?.getAttribute('src')).toBe('https://www.bangtuayang.go.th/x');
  });

  it('leaves the live page untouched', () => {
    snapshotDocument(doc, { now: fixedNow });
    expect(doc.querySelectorAll('script')).toHaveLength(1);
    expect(doc.body.getAttribute('onload')).toBe('steal()');
  });

  it('writes its own doctype and CSP, records source and capture time, and makes URLs absolute instead of a <base>', () => {
    const { html } = snapshotDocument(doc, { now: fixedNow });
    expect(html.startsWith('<!DOCTYPE html>\n<html')).toBe(true);
    const head = parse(html).head;
    expect(head.firstElementChild?.getAttribute('charset')).toBe('utf-8');
    expect(head.querySelectorAll('meta[charset]')).toHaveLength(1);
    expect(head.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content')).toContain(
      "default-src 'none'",
    );
    expect(head.children[1]?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
    expect(head.querySelector('meta[name="ita-evidence-source"]')?.getAttribute('content')).toBe(PAGE_URL);
    expect(head.querySelector('meta[name="ita-evidence-captured-at"]')?.getAttribute('content')).toBe(
      '2021-03-15T03:04:05.000Z',
    );
    expect(head.querySelector('base')).toBeNull();
    expect(head.querySelector('style')?.textContent).toContain('color: #123');
  });

  it('excludes the overlay host from html and text, and keeps Thai text', () => {
    const { html, text } = snapshotDocument(doc, { excludeSelector: '#ita-evidence-host', now: fixedNow });
    expect(html).not.toContain('ita-evidence-host');
    expect(text).not.toContain('แถบเครื่องมือ');
    expect(text).not.toContain('ซ่อน');
    expect(html).toContain('ข้อมูลการติดต่อ');
    expect(text.split('\n')).toEqual([
      'ข้อมูลการติดต่อ',
      'เทศบาลตำบลบางตัวอย่าง หมู่ที่ 3',
      'โทร. ๐๓๔-๗๑๑-๑๑๑',
      'คลิก สอง ต่อไป svg',
      'ก',
      'ข',
      'ชื่อ ตำแหน่ง',
    ]);
  });

  it('writes current form values as attributes, but never passwords', () => {
    const form = doc.forms[0]!;
    (form.elements.namedItem('q') as HTMLInputElement).value = 'ค่าใหม่';
    (form.elements.namedItem('c') as HTMLInputElement).checked = true;
    (form.elements.namedItem('p') as HTMLInputElement).value = 'secret';
    (form.elements.namedItem('t') as HTMLTextAreaElement).value = 'ข้อความ';
    (form.elements.namedItem('s') as HTMLSelectElement).selectedIndex = 1;
    const { html } = snapshotDocument(doc, { now: fixedNow });
    const out = parse(html);
    expect(out.querySelector('input[name=q]')?.getAttribute('value')).toBe('ค่าใหม่');
    expect(out.querySelector('input[name=c]')?.hasAttribute('checked')).toBe(true);
    expect(html).not.toContain('secret');
    expect(out.querySelector('textarea')?.textContent).toBe('ข้อความ');
    expect(out.querySelectorAll('option')[1]?.hasAttribute('selected')).toBe(true);
    expect(out.querySelector('form')?.hasAttribute('action')).toBe(false);
  });

  it('inlines loaded images when the canvas allows it, and keeps the src otherwise', () => {
    const body = doc.body;
    body.insertAdjacentHTML(
      'beforeend',
      '<picture><source srcset="big.webp"><img id="a" src="logo.png" srcset="logo2.png 2x"></picture><img id="b" src="https://cdn.example/x.png"><img id="c" src="huge.png">',
    );
    for (const img of doc.querySelectorAll('img')) {
      Object.defineProperty(img, 'complete', { value: true });
      Object.defineProperty(img, 'naturalWidth', { value: 10 });
    }
    const { html } = snapshotDocument(doc, {
      now: fixedNow,
      maxInlineImageBytes: 100,
      imageToDataUrl: (img) => {
        if (img.id === 'b') throw new DOMException('Tainted canvases may not be exported.', 'SecurityError');
        if (img.id === 'c') return `data:image/png;base64,${'A'.repeat(200)}`;
        return img.id === 'a' ? 'data:image/png;base64,iVBORw0KGgo=' : null;
      },
    });
    const out = parse(html);
    expect(out.querySelector('#a')?.getAttribute('src')).toBe('data:image/png;base64,iVBORw0KGgo=');
    expect(out.querySelector('#a')?.hasAttribute('srcset')).toBe(false);
    expect(out.querySelector('picture source')).toBeNull();
    expect(out.querySelector('#b')?.getAttribute('src')).toBe('https://cdn.example/x.png');
    expect(out.querySelector('#c')?.getAttribute('src')).toBe('https://www.bangtuayang.go.th/huge.png');
  });

  it('inlines readable linked stylesheets and keeps cross-origin ones as links', () => {
    doc.head.insertAdjacentHTML(
      'beforeend',
      '<link id="own" rel="stylesheet" media="screen" href="/css/site.css"><link id="cdn" rel="stylesheet" href="https://cdn.example/x.css">',
    );
    const rules = [{ cssText: '.logo { background: url("../img/logo.png"); }' }];
    Object.defineProperty(doc.getElementById('own'), 'sheet', {
      value: {
        href: 'https://www.bangtuayang.go.th/css/site.css',
        cssRules: Object.assign(rules, { item: (i: number) => rules[i] }),
      },
    });
    Object.defineProperty(doc.getElementById('cdn'), 'sheet', {
      value: {
        href: 'https://cdn.example/x.css',
        get cssRules() {
          throw new DOMException('blocked', 'SecurityError');
        },
      },
    });
    const out = parse(snapshotDocument(doc, { now: fixedNow }).html);
    const inlined = out.querySelector('style[data-ita-href="/css/site.css"]');
    expect(inlined?.textContent).toBe('.logo { background: url("https://www.bangtuayang.go.th/img/logo.png"); }');
    expect(inlined?.getAttribute('media')).toBe('screen');
    expect(out.querySelector('link#own')).toBeNull();
    expect(out.querySelector('link#cdn')?.getAttribute('href')).toBe('https://cdn.example/x.css');
  });
});
