/**
 * The script-free, self-contained rule for stored page snapshots, on a real HTML parser
 * (htmlparser2) so that it runs anywhere: in Node (`check`), in the background service worker
 * (which has no DOMParser) and in extension pages. Extension pages add a DOM layer on top
 * (snapshot-sanitize.dom.ts).
 *
 * Two kinds of finding:
 * - active: script, handlers, script URLs, srcdoc, refresh, object/embed/base, markup that two
 *   parsers read differently. A snapshot with any is refused.
 * - remote: anything that would load from the live web when opened, or a missing or older
 *   Content-Security-Policy head. Neutralised (placeholders, current head) where it enters.
 *
 * Edits are spliced into the source at the parser's offsets: what is not changed keeps its bytes.
 */
import { Parser } from 'htmlparser2';
import { escapeHtml } from '../util/html';
import { escapeStyleText } from './snapshot-css';
import { LEGACY_SNAPSHOT_CSPS, SNAPSHOT_CSP, SNAPSHOT_HEAD_START } from './snapshot-policy';
import { DOCUMENT_DATA, SCRIPT_SCHEMES, cssHasScript, cssRefs, rewriteCss, type CssRef } from './snapshot-css-refs';
import { parseSrcset, type SrcsetCandidate } from './snapshot-srcset';

export interface SnapshotScan {
  active: string[];
  remote: string[];
}

interface TagSpan {
  /** Lower-case local name (an "svg:script" prefix is dropped). */
  name: string;
  rawName: string;
  attrs: [string, string][];
  start: number;
  /** End of the start tag (exclusive). */
  end: number;
  /** Start and end (exclusive) of the end tag; both equal when it is implied. */
  closeStart: number;
  closeEnd: number;
  parent: number;
  /** Inside <svg> or <math>. */
  foreign: boolean;
}

interface Scanned {
  tags: TagSpan[];
  comments: { start: number; end: number; data: string }[];
  directives: { start: number; end: number; name: string; data: string }[];
  /** Non-blank text seen before the head's first two elements (the browser would leave <head>). */
  textBeforeHead: boolean;
}

const localName = (raw: string) => raw.toLowerCase().split(':').pop() ?? '';

function tokenizeHtml(html: string): Scanned {
  const out: Scanned = { tags: [], comments: [], directives: [], textBeforeHead: false };
  const stack: number[] = [];
  let headChildren = 0;
  const parser: Parser = new Parser(
    {
      onopentag(rawName) {
        const name = localName(rawName);
        const parent = stack.length ? stack[stack.length - 1]! : -1;
        const up = parent >= 0 ? out.tags[parent]! : null;
        out.tags.push({
          name,
          rawName,
          attrs: pending,
          start: parser.startIndex,
          end: parser.endIndex + 1,
          closeStart: html.length,
          closeEnd: html.length,
          parent,
          foreign: !!up && (up.foreign || up.name === 'svg' || up.name === 'math'),
        });
        pending = [];
        if (up?.name === 'head') headChildren++;
        stack.push(out.tags.length - 1);
      },
      onattribute(name, value) {
        pending.push([name, value]);
      },
      onclosetag(_name, implied) {
        const i = stack.pop();
        if (i === undefined) return;
        const t = out.tags[i]!;
        t.closeStart = implied ? Math.max(t.end, parser.startIndex) : parser.startIndex;
        t.closeEnd = implied ? t.closeStart : parser.endIndex + 1;
        if (implied && t.closeStart > parser.startIndex) t.closeStart = t.closeEnd = t.end;
      },
      ontext(text) {
        if (headChildren < 2 && text.trim() !== '') out.textBeforeHead = true;
      },
      oncomment(data) {
        out.comments.push({ start: 0, end: 0, data });
      },
      oncommentend() {
        const c = out.comments[out.comments.length - 1];
        if (c) Object.assign(c, { start: parser.startIndex, end: parser.endIndex + 1 });
      },
      onprocessinginstruction(name, data) {
        out.directives.push({ start: parser.startIndex, end: parser.endIndex + 1, name: name.toLowerCase(), data });
      },
    },
    { decodeEntities: true, lowerCaseTags: false, lowerCaseAttributeNames: false, recognizeSelfClosing: true },
  );
  let pending: [string, string][] = [];
  parser.write(html);
  parser.end();
  return out;
}

// ---------------------------------------------------------------------------------------------
// What counts as what

/** Never kept: they run script, load plugins, change the base URL, or are parsed raw (mXSS). */
const FORBIDDEN = new Set([
  'script',
  'noscript',
  'base',
  'object',
  'embed',
  'applet',
  'param',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'portal',
  'frameset',
  'handler',
  'listener',
  'mglyph',
  'malignmark',
]);
/** rel values of <link> that make the browser fetch the href. */
const LOADING_RELS = new Set([
  'stylesheet',
  'icon',
  'shortcut',
  'apple-touch-icon',
  'apple-touch-icon-precomposed',
  'mask-icon',
  'manifest',
  'preload',
  'modulepreload',
  'prefetch',
  'prerender',
  'dns-prefetch',
  'preconnect',
  'import',
  'fluid-icon',
]);

// eslint-disable-next-line no-control-regex -- browsers ignore ASCII whitespace and controls inside a URL scheme
const normalise = (v: string) => v.replace(/[\u0000-\u0020]/g, '').toLowerCase();

/** Attributes whose URL the browser loads on its own when the snapshot opens. */
function loadsAttr(tag: TagSpan, attr: string): 'url' | 'srcset' | null {
  const n = tag.name;
  if (attr === 'srcset' || attr === 'imagesrcset') return 'srcset';
  if (attr === 'src' || attr === 'lowsrc' || attr === 'dynsrc') return n === 'a' ? null : 'url';
  if (attr === 'poster' || attr === 'background' || attr === 'data' || attr === 'manifest' || attr === 'codebase')
    return 'url';
  if (
    (attr === 'href' || attr === 'xlink:href') &&
    (n === 'image' || n === 'feimage' || n === 'use' || n === 'tref' || n === 'cursor' || n === 'font-face-uri')
  )
    return 'url';
  if (attr === 'href' && n === 'link') return linkLoads(tag) ? 'url' : null;
  return null;
}

function linkLoads(tag: TagSpan): boolean {
  const rel = tag.attrs.find(([k]) => k.toLowerCase() === 'rel')?.[1] ?? '';
  return (
    rel
      .toLowerCase()
      .split(/\s+/)
      .some((r) => LOADING_RELS.has(r)) || tag.attrs.some(([k]) => k.toLowerCase() === 'as')
  );
}

/**
 * Local: empty, a fragment, or a data: URL (which the snapshot's policy allows). Script URLs count
 * as local here so that rewriting never hides them: they are active, and refused before.
 */
function isLocal(url: string): boolean {
  const u = normalise(url);
  return u === '' || u.startsWith('#') || u.startsWith('data:') || SCRIPT_SCHEMES.some((x) => u.startsWith(x));
}

function attrActive(tag: TagSpan, name: string, value: string): string | null {
  const v = normalise(value);
  const where = `${name} of <${tag.name}>`;
  if (name.startsWith('on')) return `event attribute ${name} on <${tag.name}>`;
  if (name === 'srcdoc') return `srcdoc on <${tag.name}>`;
  if (name === 'style' && cssHasScript(value)) return `script in the style attribute of <${tag.name}>`;
  if (SCRIPT_SCHEMES.some((s) => v.includes(s))) return `script URL in ${where}`;
  if (DOCUMENT_DATA.some((s) => v.includes(s))) return `data: document URL in ${where}`;
  const navigates =
    ((name === 'href' || name === 'xlink:href') && (tag.name === 'a' || tag.name === 'area')) ||
    ((name === 'src' || name === 'data') && (tag.name === 'iframe' || tag.name === 'frame')) ||
    name === 'action' ||
    name === 'formaction';
  if (navigates && v.startsWith('data:')) return `data: URL in ${where}`;
  return null;
}

/** Markup inside raw text: a browser may read it as tags where this parser reads text (mXSS). */
function hidesMarkup(raw: string, allowCdo: boolean): boolean {
  for (let i = raw.indexOf('<'); i >= 0; i = raw.indexOf('<', i + 1)) {
    const next = raw[i + 1] ?? '';
    if (/[A-Za-z/?]/.test(next)) return true;
    if (next === '!' && !(allowCdo && raw.startsWith('<!--', i))) return true;
  }
  return false;
}

function headState(html: string, s: Scanned): 'current' | 'legacy' | 'missing' {
  const [root, head, first, second] = s.tags;
  const attr = (t: TagSpan | undefined, k: string) => t?.attrs.find(([n]) => n.toLowerCase() === k)?.[1];
  const doctypeOk =
    s.directives[0]?.name === '!doctype' &&
    s.directives[0].start === html.search(/\S/) &&
    normalise(s.directives[0].data) === '!doctypehtml';
  const shapeOk =
    doctypeOk &&
    !s.textBeforeHead &&
    root?.name === 'html' &&
    head?.name === 'head' &&
    head.parent === 0 &&
    first?.name === 'meta' &&
    first.parent === 1 &&
    second?.name === 'meta' &&
    second.parent === 1 &&
    first.attrs.length === 1 &&
    attr(first, 'charset')?.toLowerCase() === 'utf-8' &&
    second.attrs.length === 2 &&
    attr(second, 'http-equiv')?.toLowerCase() === 'content-security-policy';
  if (!shapeOk) return 'missing';
  const csp = attr(second, 'content');
  if (csp === SNAPSHOT_CSP) return 'current';
  return LEGACY_SNAPSHOT_CSPS.includes(csp ?? '') ? 'legacy' : 'missing';
}

function cssFindings(css: string, where: string, active: Set<string>, remote: Set<string>): void {
  if (cssHasScript(css)) active.add(`script in ${where}`);
  for (const ref of cssRefs(css)) {
    if (ref.kind === 'import') remote.add(`@import ${ref.url} in ${where}`);
    else if (!isLocal(ref.url)) remote.add(`${ref.url} in ${where}`);
  }
}

export function scanSnapshot(html: string): SnapshotScan {
  const s = tokenizeHtml(html);
  const active = new Set<string>();
  const remote = new Set<string>();
  for (const t of s.tags) {
    if (FORBIDDEN.has(t.name)) active.add(`<${t.name}> element`);
    const content = html.slice(t.end, t.closeStart);
    if (t.name === 'iframe' || t.name === 'frame') {
      const sandbox = t.attrs.filter(([k]) => k.toLowerCase() === 'sandbox');
      if (sandbox.length !== 1 || sandbox[0]![1] !== '') active.add(`<${t.name}> without an empty sandbox`);
      if (content.trim() !== '') active.add(`content inside <${t.name}>`);
    }
    if (t.name === 'style') {
      if (hidesMarkup(content, !t.foreign)) active.add('markup inside <style> that a second parse reads differently');
      cssFindings(content, '<style>', active, remote);
    }
    if ((t.name === 'title' || t.name === 'textarea') && hidesMarkup(content, false))
      active.add(`markup inside <${t.name}> that a second parse reads differently`);
    if (t.name === 'meta') {
      const equiv = t.attrs.find(([k]) => k.toLowerCase() === 'http-equiv')?.[1]?.toLowerCase();
      if (equiv === 'refresh' || equiv === 'set-cookie') active.add(`<meta http-equiv=${equiv}>`);
      else if (equiv && equiv !== 'content-security-policy') remote.add(`<meta http-equiv=${equiv}>`);
    }
    for (const [rawName, value] of t.attrs) {
      const name = rawName.toLowerCase();
      const bad = attrActive(t, name, value);
      if (bad) active.add(bad);
      if (name === 'ping' && value.trim()) remote.add(`ping on <${t.name}>`);
      if (name === 'style') cssFindings(value, `the style attribute of <${t.name}>`, new Set(), remote);
      const loads = loadsAttr(t, name);
      if (loads === 'url' && !isLocal(value)) remote.add(`${value.trim().slice(0, 200)} (${name} of <${t.name}>)`);
      if (loads === 'srcset')
        for (const c of parseSrcset(value))
          if (!isLocal(c.url)) remote.add(`${c.url.slice(0, 200)} (${name} of <${t.name}>)`);
    }
  }
  for (const c of s.comments) if (/[<>]/.test(c.data) || c.data.includes('--!')) active.add('a comment hiding markup');
  for (const d of s.directives) {
    if (d.name === '!doctype') continue;
    if (d.name.startsWith('?')) active.add('a processing instruction');
    else if (/[<>]/.test(d.data)) active.add('a declaration hiding markup');
  }
  const head = headState(html, s);
  if (head === 'legacy') remote.add('an older content policy that lets the snapshot load from http(s)');
  if (head === 'missing') remote.add('no content policy at the start of <head>');
  return { active: [...active], remote: [...remote] };
}

// ---------------------------------------------------------------------------------------------
// Rewriting

/** What the capture (background) found for each remote reference; null = not kept. */
export interface SnapshotResolver {
  /** A data: URL for an image, font or media reference. */
  resource(url: string): string | null;
  /** A linked or @imported stylesheet, already self-contained (its own url()s are data: URLs). */
  stylesheet(url: string): string | null;
}

const NONE: SnapshotResolver = { resource: () => null, stylesheet: () => null };

const PLACEHOLDER_SVG =
  '<svg xmlns="http://www.w3.org/2000/svg" width="240" height="60" viewBox="0 0 240 60">' +
  '<rect x="1" y="1" width="238" height="58" fill="#f3f3f3" stroke="#888" stroke-dasharray="4 3"/>' +
  '<text x="120" y="26" font-family="sans-serif" font-size="12" text-anchor="middle" fill="#444">ไม่ได้เก็บภาพนี้ไว้</text>' +
  '<text x="120" y="44" font-family="sans-serif" font-size="12" text-anchor="middle" fill="#444">image not kept</text></svg>';

function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** A visible stand-in for an image that could not be kept. */
export const PLACEHOLDER_IMAGE = `data:image/svg+xml;base64,${base64Utf8(PLACEHOLDER_SVG)}`;

/** `<` never appears raw in inserted CSS: a later parse cannot find a tag in it. */
/** Inserted CSS is escaped like captured CSS (no tag-like text, no script). */
const cssForStyleElement = (css: string): string => escapeStyleText(css);

interface Edit {
  start: number;
  end: number;
  text: string;
}

function renderStartTag(html: string, t: TagSpan, attrs: [string, string][]): string {
  const selfClosing = html.slice(t.start, t.end).endsWith('/>');
  const a = attrs.map(([k, v]) => ` ${k}="${escapeHtml(v)}"`).join('');
  return `<${t.rawName}${a}${selfClosing ? ' /' : ''}>`;
}

function rewriteStyleText(css: string, r: SnapshotResolver, lost: { n: number }): string {
  return rewriteCss(css, cssRefs(css), (ref: CssRef) => {
    if (ref.kind === 'import') {
      const sheet = isLocal(ref.url) ? null : r.stylesheet(ref.url);
      if (sheet === null) lost.n++;
      return sheet === null ? '' : cssForStyleElement(ref.media ? `@media ${ref.media} {\n${sheet}\n}` : sheet);
    }
    if (isLocal(ref.url)) return null;
    const data = r.resource(ref.url);
    if (!data) lost.n++;
    return `url("${data ?? 'data:,'}")`;
  });
}

const FRAME_NOTE = (url: string) =>
  `<div role="note" style="border:1px dashed #888;padding:8px;color:#444;background:#f3f3f3;font:13px sans-serif">` +
  `กรอบที่ฝังจากเว็บอื่นไม่ได้เก็บไว้ / embedded frame not kept: ${escapeHtml(url)}</div>`;

const LOST_NOTE = (n: number) =>
  `<div role="note" data-ita-evidence-notice="" style="border-top:1px dashed #888;margin-top:16px;padding:8px;color:#444;font:13px sans-serif">` +
  `สำเนานี้ไม่ได้เก็บส่วนที่โหลดจากเว็บจริง ${n} รายการ (แทนด้วยกรอบว่าง) / ${n} part(s) that loaded from the live web were not kept (shown as placeholders).</div>`;

/** One rewrite's state: the edits so far, the tags dropped whole, and how many parts were lost. */
interface Rewrite {
  html: string;
  s: ReturnType<typeof tokenizeHtml>;
  resolver: SnapshotResolver;
  edits: Edit[];
  lost: { n: number };
  dropped: Set<number>;
  currentHead: boolean;
  /** A resource's inlined data (a local URL stays as it is); null counts as lost. */
  resolve(url: string): string | null | undefined;
}

const attrOf = (t: TagSpan, k: string) => t.attrs.find(([n]) => n.toLowerCase() === k)?.[1];

/** Replaces the whole element (start tag to end tag) and drops its descendants. */
function replaceWhole(w: Rewrite, t: TagSpan, i: number, text: string): void {
  w.edits.push({ start: t.start, end: t.closeEnd, text });
  w.dropped.add(i);
}

/**
 * The head's charset and CSP metas are written again (writeHead); other http-equiv metas go, except
 * active ones (refresh), which are left for the caller to refuse.
 */
function isStaleHeadMeta(w: Rewrite, t: TagSpan): boolean {
  const equiv = attrOf(t, 'http-equiv')?.toLowerCase();
  return (
    t.name === 'meta' &&
    !w.currentHead &&
    (attrOf(t, 'charset') !== undefined || (equiv !== undefined && equiv !== 'refresh' && equiv !== 'set-cookie'))
  );
}

/** A loading <link>: a stylesheet is inlined as <style>, anything else goes; a local one stays as it is. */
function rewriteLink(w: Rewrite, t: TagSpan, i: number): void {
  const href = attrOf(t, 'href') ?? '';
  const rel = (attrOf(t, 'rel') ?? '').toLowerCase().split(/\s+/);
  const sheet = rel.includes('stylesheet') && !isLocal(href) ? w.resolver.stylesheet(href) : null;
  if (isLocal(href) && !attrOf(t, 'imagesrcset')) return;
  if (rel.includes('stylesheet') && sheet === null) w.lost.n++;
  const media = attrOf(t, 'media');
  const text =
    sheet === null
      ? ''
      : `<style data-ita-href="${escapeHtml(href)}"${media ? ` media="${escapeHtml(media)}"` : ''}>${cssForStyleElement(sheet)}</style>`;
  replaceWhole(w, t, i, text);
}

function loadsRemote(t: TagSpan): boolean {
  return t.attrs.some(([k, v]) => {
    const l = loadsAttr(t, k.toLowerCase());
    return (l === 'url' && !isLocal(v)) || (l === 'srcset' && parseSrcset(v).some((c) => !isLocal(c.url)));
  });
}

/** A <source> or <track> with remote parts: inlined, or removed, since it would win over the <img>. */
function rewriteSource(w: Rewrite, t: TagSpan, i: number): void {
  const srcset = attrOf(t, 'srcset');
  const kept =
    srcset === undefined
      ? []
      : parseSrcset(srcset)
          .map((c) => ({ ...c, url: w.resolve(c.url) ?? '' }))
          .filter((c) => c.url);
  const src = attrOf(t, 'src');
  const srcData = src === undefined ? null : w.resolve(src);
  if ((srcset !== undefined && kept.length) || srcData) {
    const attrs = t.attrs
      .map(([k, v]): [string, string] => {
        const l = k.toLowerCase();
        if (l === 'srcset') return [k, kept.map(srcsetText).join(', ')];
        if (l === 'src') return [k, srcData ?? ''];
        return [k, v];
      })
      .filter(([k, v]) => !(k.toLowerCase() === 'srcset' && !v));
    w.edits.push({ start: t.start, end: t.end, text: renderStartTag(w.html, t, attrs) });
  } else replaceWhole(w, t, i, '');
}

/** Any other element: remote URLs in its attributes and style inlined or replaced, ping/manifest dropped. */
function rewriteAttributes(w: Rewrite, t: TagSpan): void {
  let changed = false;
  const attrs: [string, string][] = [];
  for (const [k, v] of t.attrs) {
    const l = k.toLowerCase();
    const loads = loadsAttr(t, l);
    if (l === 'ping' || l === 'manifest') {
      changed = true;
      continue;
    }
    if (l === 'style') {
      const next = rewriteStyleText(v, w.resolver, w.lost);
      if (next !== v) changed = true;
      attrs.push([k, next]);
    } else if (loads === 'url' && !isLocal(v)) {
      changed = true;
      const data = w.resolve(v);
      const image = t.name === 'img' || (t.name === 'input' && l === 'src') || l === 'poster';
      if (data) attrs.push([k, data]);
      else if (image) attrs.push([k, PLACEHOLDER_IMAGE]);
    } else if (loads === 'srcset' && parseSrcset(v).some((c) => !isLocal(c.url))) {
      changed = true;
      const kept = parseSrcset(v)
        .map((c) => ({ ...c, url: w.resolve(c.url) ?? '' }))
        .filter((c) => c.url);
      if (kept.length) attrs.push([k, kept.map(srcsetText).join(', ')]);
    } else attrs.push([k, v]);
  }
  if (changed) w.edits.push({ start: t.start, end: t.end, text: renderStartTag(w.html, t, attrs) });
  if (t.name === 'style') {
    const css = w.html.slice(t.end, t.closeStart);
    const next = rewriteStyleText(css, w.resolver, w.lost);
    if (next !== css) w.edits.push({ start: t.end, end: t.closeStart, text: next });
  }
}

function rewriteTag(w: Rewrite, t: TagSpan, i: number): void {
  if (w.dropped.has(t.parent)) {
    w.dropped.add(i);
    return;
  }
  if (isStaleHeadMeta(w, t)) return replaceWhole(w, t, i, '');
  if ((t.name === 'iframe' || t.name === 'frame') && !isLocal(attrOf(t, 'src') ?? '')) {
    w.lost.n++;
    return replaceWhole(w, t, i, FRAME_NOTE(attrOf(t, 'src')!.trim()));
  }
  if (t.name === 'link' && linkLoads(t)) return rewriteLink(w, t, i);
  if ((t.name === 'source' || t.name === 'track') && loadsRemote(t)) return rewriteSource(w, t, i);
  rewriteAttributes(w, t);
}

/**
 * The head: always the current charset and CSP metas first. A well-formed start gets them right
 * after <head>; anything else gets a fresh <html><head> in front (the browser merges the rest).
 * Returns the text to put in front of the document.
 */
function writeHead(w: Rewrite): string {
  const { html, s, edits } = w;
  const lostNote = w.lost.n ? `<meta name="ita-evidence-neutralised" content="${w.lost.n}">` : '';
  if (w.currentHead) {
    if (lostNote) edits.push({ start: s.tags[3]!.end, end: s.tags[3]!.end, text: lostNote });
    return '';
  }
  const [root, head] = s.tags;
  const firstNonBlank = html.search(/\S/);
  const doctype =
    s.directives[0]?.name === '!doctype' && s.directives[0].start === firstNonBlank ? s.directives[0] : null;
  for (const d of s.directives)
    if (d.name === '!doctype' && d !== doctype) edits.push({ start: d.start, end: d.end, text: '' });
  const afterDoctype = doctype ? doctype.end + Math.max(0, html.slice(doctype.end).search(/\S/)) : firstNonBlank;
  const startOk =
    root?.name === 'html' &&
    head?.name === 'head' &&
    head.parent === 0 &&
    !s.textBeforeHead &&
    root.start === afterDoctype;
  if (startOk) {
    if (doctype) edits.push({ start: doctype.start, end: doctype.end, text: '<!DOCTYPE html>' });
    edits.push({ start: head.end, end: head.end, text: SNAPSHOT_HEAD_START + lostNote });
    return doctype ? '' : '<!DOCTYPE html>\n';
  }
  if (doctype) edits.push({ start: doctype.start, end: doctype.end, text: '' });
  return `<!DOCTYPE html>\n<html><head>${SNAPSHOT_HEAD_START}${lostNote}</head>`;
}

/**
 * Makes the snapshot self-contained: each remote reference becomes what `resolver` gives, or a
 * visible placeholder; the head starts with the current charset and CSP metas. Active content
 * is not handled here: callers refuse it first (scanSnapshot).
 */
export function rewriteSnapshot(html: string, resolver: SnapshotResolver = NONE): { html: string; lost: number } {
  const s = tokenizeHtml(html);
  const lost = { n: 0 };
  const w: Rewrite = {
    html,
    s,
    resolver,
    edits: [],
    lost,
    dropped: new Set<number>(),
    currentHead: headState(html, s) === 'current',
    resolve: (url) => {
      const data = isLocal(url) ? url : resolver.resource(url);
      if (!data) lost.n++;
      return data;
    },
  };
  s.tags.forEach((t, i) => rewriteTag(w, t, i));
  const prefix = writeHead(w);
  if (lost.n) {
    const body = s.tags.find((t) => t.name === 'body' && !w.dropped.has(s.tags.indexOf(t)));
    const at = body && body.closeStart > body.end && body.closeStart < html.length ? body.closeStart : html.length;
    w.edits.push({ start: at, end: at, text: LOST_NOTE(lost.n) });
  }
  return { html: prefix + splice(html, w.edits), lost: lost.n };
}

function srcsetText(c: SrcsetCandidate): string {
  return c.descriptor ? `${c.url} ${c.descriptor}` : c.url;
}

function splice(html: string, edits: Edit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = '';
  let at = 0;
  for (const e of sorted) {
    if (e.start < at) continue; // inside an element already replaced
    out += html.slice(at, e.start) + e.text;
    at = Math.max(at, e.end);
  }
  return out + html.slice(at);
}

/** Every remote URL the snapshot would load, for the capture to fetch: resources and stylesheets. */
export function snapshotRemoteRefs(html: string): { resources: string[]; stylesheets: string[] } {
  const resources = new Set<string>();
  const stylesheets = new Set<string>();
  const fromCss = (css: string) => {
    for (const ref of cssRefs(css))
      if (!isLocal(ref.url)) (ref.kind === 'import' ? stylesheets : resources).add(ref.url);
  };
  const s = tokenizeHtml(html);
  for (const t of s.tags) {
    if (t.name === 'style') fromCss(html.slice(t.end, t.closeStart));
    const rel = (t.attrs.find(([k]) => k.toLowerCase() === 'rel')?.[1] ?? '').toLowerCase().split(/\s+/);
    for (const [k, v] of t.attrs) {
      const l = k.toLowerCase();
      if (l === 'style') fromCss(v);
      const loads = loadsAttr(t, l);
      if (t.name === 'link' && l === 'href') {
        if (rel.includes('stylesheet') && !isLocal(v)) stylesheets.add(v.trim());
        continue;
      }
      if (t.name === 'iframe' || t.name === 'frame') continue;
      if (loads === 'url' && !isLocal(v)) resources.add(v.trim());
      if (loads === 'srcset') for (const c of parseSrcset(v)) if (!isLocal(c.url)) resources.add(c.url);
    }
  }
  return { resources: [...resources], stylesheets: [...stylesheets] };
}
