// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { snapshotDocument } from '../../../lib/capture/snapshot.dom';
import { SNAPSHOT_CSP, snapshotProblems, textOnlySnapshot } from '../../../lib/capture/snapshot-check.dom';
import { escapeStyleText } from '../../../lib/capture/snapshot-css';

const PAGE_URL = 'https://www.bangtuayang.go.th/news.php';
const fixedNow = () => new Date('2021-03-15T03:04:05.000Z');

function load(html: string): Document {
  const doc = document.implementation.createHTMLDocument('');
  doc.open();
  doc.write(html);
  doc.close();
  Object.defineProperty(doc, 'URL', { value: PAGE_URL });
  return doc;
}

const parse = (html: string) => new DOMParser().parseFromString(html, 'text/html');
const snap = (doc: Document) => snapshotDocument(doc, { now: fixedNow }).html;

/** What every safe snapshot must satisfy, checked on the re-parsed output. */
function expectSafe(html: string): Document {
  expect(html.startsWith('<!DOCTYPE html>\n<html')).toBe(true);
  const out = parse(html);
  expect(out.head.children[0]?.getAttribute('charset')).toBe('utf-8');
  expect(out.head.children[1]?.getAttribute('http-equiv')).toBe('Content-Security-Policy');
  expect(out.head.children[1]?.getAttribute('content')).toBe(SNAPSHOT_CSP);
  expect(out.querySelectorAll('script, base, object, embed, xmp, noembed, noframes, plaintext')).toHaveLength(0);
  for (const el of out.querySelectorAll('*')) {
    for (const a of el.attributes) {
      expect(a.name.toLowerCase().startsWith('on'), `${el.localName} ${a.name}`).toBe(false);
      expect(a.value).not.toMatch(/javascript:|vbscript:/i);
    }
  }
  expect(out.querySelectorAll('meta[http-equiv]')).toHaveLength(1);
  expect(snapshotProblems(html, parse)).toEqual([]);
  return out;
}

describe('snapshotDocument with hostile pages', () => {
  it('ignores an injected doctype', () => {
    const doc = load('<!DOCTYPE html><html><head><title>t</title></head><body><p>ok</p></body></html>');
    const evil = doc.implementation.createDocumentType(
      'html',
      'x"><script>alert(1)</script><x y="',
      '"><script>alert(2)</script>',
    );
    doc.replaceChild(evil, doc.doctype!);
    const html = snap(doc);
    expect(html).not.toContain('alert');
    expect(html.startsWith('<!DOCTYPE html>\n')).toBe(true);
    expect(expectSafe(html).body.textContent).toContain('ok');
  });

  it('escapes style text that would end the <style> element', () => {
    expect(escapeStyleText('a::after { content: "</STYLE><script>alert(1)</script>"; }')).toBe(
      'a::after { content: "\\3c /STYLE>\\3c script>alert(1)\\3c /script>"; }',
    );
    expect(escapeStyleText('<!-- p { color: red } -->')).toBe('<!-- p { color: red } -->'); // old pages' wrapper is kept: CSS ignores it
    expect(escapeStyleText('p { background: url(" javascript:alert(1)") } q { width: expression(alert(2)) }')).toBe('');
    expect(escapeStyleText('p { background: url(javascript:alert(1)) }')).toBe('p { background: url("data:,")) }'); // a bad url token ends at the first )
    const doc = load('<html><head><style>p{}</style></head><body><p>x</p></body></html>');
    // What a CSSOM rule can produce; jsdom has no cssText round trip, so set the text directly.
    doc.querySelector('style')!.textContent =
      'p::after { content: "</style><script>alert(1)</script><img src=x onerror=alert(2)>"; }';
    const html = snap(doc);
    const out = expectSafe(html);
    expect(out.querySelectorAll('style')).toHaveLength(1);
    expect(out.querySelector('img')).toBeNull();
  });

  it('drops xmp, noembed, noframes and plaintext, and empties iframes', () => {
    const doc = load('<html><head></head><body><p>keep</p></body></html>');
    for (const tag of ['xmp', 'noembed', 'noframes', 'plaintext', 'iframe']) {
      const el = doc.createElement(tag);
      el.textContent = `</${tag}><img src=x onerror=alert('${tag}')>`;
      doc.body.append(el);
    }
    const html = snap(doc);
    expect(html).not.toContain('onerror');
    const out = expectSafe(html);
    expect(out.querySelector('iframe')?.childNodes).toHaveLength(0);
    expect(out.querySelector('iframe')?.getAttribute('sandbox')).toBe('');
    expect(out.body.textContent).toContain('keep');
  });

  it('keeps its CSP first in <head> when the page moved its head into the body', () => {
    const doc = load(
      '<html><head><title>ชื่อหน้า</title><meta http-equiv="refresh" content="0;url=https://evil.example/"></head><body><p>เนื้อหา</p></body></html>',
    );
    doc.body.append(doc.head);
    const html = snap(doc);
    expect(html).not.toContain('evil.example');
    const out = expectSafe(html);
    expect(out.body.textContent).toContain('เนื้อหา');
  });

  it('drops every meta refresh and base, wherever they are', () => {
    const doc = load(
      '<html><head><base href="https://evil.example/"><META HTTP-EQUIV="Refresh" content="1"></head><body><p>x</p></body></html>',
    );
    const m = doc.createElement('meta');
    m.setAttribute('http-equiv', 'refresh');
    m.setAttribute('content', '0;url=https://evil.example/');
    doc.body.append(m, doc.createElement('base'));
    const html = snap(doc);
    expect(html).not.toContain('evil.example');
    expectSafe(html);
  });

  it('removes svg scripts, script URLs, srcdoc, odd-case handlers, object and embed', () => {
    const doc = load(`<html><head></head><body>
      <svg><script>alert(1)</script><a href="javascript:alert(2)"><text>t</text></a>
        <animate attributeName="href" values="javascript:alert(3)"/></svg>
      <a href="vbscript:msgbox(1)">vb</a><a href="&#x6A;avascript:alert(4)">e</a>
      <iframe srcdoc="<script>alert(5)</script>"></iframe>
      <object data="x.swf"><param name="movie" value="x.swf"></object><embed src="x.swf">
      <p id="p">text</p></body></html>`);
    const svg = doc.querySelector('svg')!;
    svg.setAttribute('onLoad', 'alert(6)');
    doc.getElementById('p')!.setAttributeNS('http://www.w3.org/1999/xhtml', 'OnClick', 'alert(7)');
    const evilScript = doc.createElementNS('http://www.w3.org/2000/svg', 'script');
    evilScript.textContent = 'alert(8)';
    svg.append(evilScript);
    const html = snap(doc);
    expect(html).not.toMatch(/alert|msgbox/);
    expectSafe(html);
  });

  it('drops comments that would break out of themselves', () => {
    const doc = load('<html><head></head><body><p>x</p></body></html>');
    doc.body.append(doc.createComment('--><img src=x onerror=alert(1)><!--'));
    const html = snap(doc);
    expect(html).not.toContain('onerror');
    expectSafe(html);
  });

  it('sanitises template contents too', () => {
    const doc = load(
      '<html><head></head><body><template><iframe srcdoc="x"></iframe><meta http-equiv="refresh" content="0"><style>a{}</style></template></body></html>',
    );
    doc.querySelector('template')!.content.querySelector('style')!.textContent = '</style><script>alert(1)</script>';
    const html = snap(doc);
    expect(html).not.toContain('srcdoc');
    expect(html).not.toMatch(/refresh/i);
    expect(html).toContain('\\3c /style>');
  });

  it('falls back to a marked text-only snapshot when the final check finds a problem', () => {
    const doc = load('<html><head></head><body><p>ข้อความ &lt;b&gt;</p></body></html>');
    // A parser that sees a script whatever the input is stands in for an unknown serialiser flaw.
    const hostileParse = (h: string) => {
      const d = parse(h);
      d.body.append(d.createElement('script'));
      return d;
    };
    const { html, text } = snapshotDocument(doc, { now: fixedNow, parse: hostileParse });
    expect(text).toBe('ข้อความ <b>');
    const out = expectSafe(html);
    expect(out.querySelector('meta[name="ita-evidence-snapshot"]')?.getAttribute('content')).toBe('text-only');
    expect(out.querySelector('pre')?.textContent).toBe('ข้อความ <b>');
    expect(out.querySelector('b')).toBeNull();
  });
});

describe('snapshotProblems', () => {
  const good = (body: string, head = '') =>
    `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">${head}</head><body>${body}</body></html>`;

  it('accepts a clean document and reports each kind of hole', () => {
    expect(snapshotProblems(good('<p>x</p>'), parse)).toEqual([]);
    expect(snapshotProblems(good('<svg><script>1</script></svg>'), parse)).toContain('element <script>');
    expect(snapshotProblems(good('<p oNcLiCk="x">'), parse)).toContain('attribute onclick');
    expect(snapshotProblems(good('<a href=" java\tscript:x">'), parse)).toContain('script URL in href');
    expect(snapshotProblems(good('', '<meta http-equiv="refresh" content="0">'), parse)).toContain('meta http-equiv');
    expect(snapshotProblems(good('<iframe src="https://x"></iframe>'), parse)).toContain('unsandboxed <iframe>');
    expect(snapshotProblems(good('<template><img onerror="x"></template>'), parse)).toContain('attribute onerror');
    expect(snapshotProblems('<html><head><title>x</title></head><body></body></html>', parse)).toContain(
      'head does not start with the CSP meta',
    );
  });

  it('builds a text-only snapshot that passes the check', () => {
    const html = textOnlySnapshot(
      '<script>alert(1)</script>',
      'https://x.example/"><script>',
      '2021-01-01T00:00:00.000Z',
      ['element <script>'],
    );
    expect(snapshotProblems(html, parse)).toEqual([]);
  });
});

describe('open shadow roots', () => {
  it('are written as declarative shadow roots, cleaned like the rest; closed ones stay private', () => {
    const doc = load(
      '<html><head></head><body><my-card id="open">ข้างนอก</my-card><my-card id="closed"></my-card></body></html>',
    );
    const open = doc.getElementById('open')!.attachShadow({ mode: 'open' });
    open.innerHTML =
      '<style>p{color:red}</style><p>ข้อความในเงา</p><img src="x" onerror="alert(1)"><slot></slot><inner-el></inner-el>';
    open.querySelector('inner-el')!.attachShadow({ mode: 'open' }).innerHTML = '<b>ชั้นใน</b><script>alert(2)</script>';
    doc.getElementById('closed')!.attachShadow({ mode: 'closed' }).innerHTML = '<p>ส่วนตัว</p>';
    const { html, text } = snapshotDocument(doc, { now: fixedNow });
    const out = expectSafe(html);
    const template = out.querySelector('#open > template[shadowrootmode="open"]') as HTMLTemplateElement;
    expect(template.content.textContent).toContain('ข้อความในเงา');
    expect(template.content.querySelector('inner-el > template[shadowrootmode="open"]')).not.toBeNull();
    expect(html).toContain('ชั้นใน');
    expect(html).not.toMatch(/alert|onerror/);
    expect(html).not.toContain('ส่วนตัว');
    expect(text).toContain('ข้อความในเงา');
    expect(text).toContain('ชั้นใน');
  });
});
