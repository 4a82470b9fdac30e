/**
 * Runs in the page (content script): serialises the rendered DOM into one self-contained,
 * script-free HTML file that opens offline, plus the visible text used for drift checks.
 */
import { extractText } from './page-text.dom';
import { SNAPSHOT_HEAD_START, snapshotProblems, textOnlySnapshot } from './snapshot-check.dom';
import { escapeHtml } from '../util/html';
import { DOCUMENT_DATA, cssHasScript, scriptFreeCss } from './snapshot-css-refs';
import { absolutizeCssUrls, escapeStyleText, fillEmptyStyle, inlineLinkedSheet, readSheetText } from './snapshot-css';

export interface SnapshotOptions {
  /** Largest data: URL (in characters) kept for one inlined image. */
  maxInlineImageBytes?: number;
  /** The extension's overlay host: left out of both html and text. */
  excludeSelector?: string;
  /** Elements left out by identity (the overlay host): a page cannot make its own content match. */
  exclude?: (el: Element) => boolean;
  /** Draws a loaded image to a canvas and returns a data: URL; null or a throw keeps the src. */
  imageToDataUrl?: (img: HTMLImageElement) => string | null;
  now?: () => Date;
  /** HTML parser for the final safety check; defaults to the page's DOMParser. */
  parse?: (html: string) => Document;
}

export interface Snapshot {
  html: string;
  text: string;
}

// Raw-text elements (xmp, noembed, noframes, plaintext) serialise their text unescaped; object/embed
// can load active content. None of them is worth keeping in evidence.
const DROP = new Set([
  'script',
  'noscript',
  'base',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'object',
  'embed',
  'applet',
  'portal',
]);
const DROP_LINK_REL = /\b(preload|modulepreload|prefetch|prerender|import)\b/i;
const DANGEROUS_URL = /(javascript|vbscript):/i;
const URL_ATTRS = ['href', 'src', 'poster', 'background', 'cite', 'longdesc', 'xlink:href', 'action', 'formaction'];
const SRCSET_ATTRS = ['srcset', 'imagesrcset'];

/** Removes on* handlers, srcdoc/ping, and any attribute mentioning javascript:/vbscript:. */
function neutralizeAttributes(el: Element): void {
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    // Browsers ignore ASCII whitespace and control characters inside the scheme ("java\tscript:").
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
    const value = attr.value.replace(/[\u0000-\u0020]/g, '');
    const lower = value.toLowerCase();
    const navigatesToData =
      (name === 'href' || name === 'xlink:href') && /^(a|area)$/i.test(el.localName) && lower.startsWith('data:');
    if (
      name.startsWith('on') ||
      DANGEROUS_URL.test(value) ||
      name === 'srcdoc' ||
      name === 'ping' ||
      navigatesToData ||
      DOCUMENT_DATA.some((d) => lower.includes(d))
    ) {
      el.removeAttribute(attr.name);
    } else if (name === 'style' && cssHasScript(attr.value)) {
      el.setAttribute(attr.name, scriptFreeCss(attr.value));
    }
  }
}

function absolute(ref: string, base: string): string {
  const trimmed = ref.trim();
  if (!trimmed || trimmed.startsWith('#') || /^(data|blob|about|mailto|tel):/i.test(trimmed)) return ref;
  try {
    return new URL(trimmed, base).href;
  } catch {
    return ref;
  }
}

/** The snapshot has no <base> (its CSP forbids one): relative URLs are made absolute instead. */
function absolutizeUrls(el: Element, base: string): void {
  for (const name of URL_ATTRS) {
    const value = el.getAttribute(name);
    if (value !== null) el.setAttribute(name, absolute(value, base));
  }
  for (const name of SRCSET_ATTRS) {
    const value = el.getAttribute(name);
    if (value === null) continue;
    const items = value.split(',').map((item) => {
      const [url = '', ...rest] = item.trim().split(/\s+/);
      return [absolute(url, base), ...rest].join(' ');
    });
    el.setAttribute(name, items.join(', '));
  }
  const style = el.getAttribute('style');
  if (style !== null) el.setAttribute('style', absolutizeCssUrls(style, base));
}

function copyFormState(original: Element, clone: Element): void {
  const tag = original.localName;
  if (tag === 'input') {
    const input = original as HTMLInputElement;
    const type = (input.type || 'text').toLowerCase();
    if (type === 'checkbox' || type === 'radio') toggle(clone, 'checked', input.checked);
    else if (type === 'password') clone.setAttribute('value', '');
    else if (type !== 'file') clone.setAttribute('value', input.value);
  } else if (tag === 'textarea') {
    clone.textContent = (original as HTMLTextAreaElement).value;
  } else if (tag === 'option') {
    toggle(clone, 'selected', (original as HTMLOptionElement).selected);
  }
}

function toggle(el: Element, name: string, on: boolean): void {
  if (on) el.setAttribute(name, '');
  else el.removeAttribute(name);
}

function inlineImage(original: Element, clone: Element, opts: SnapshotOptions): void {
  if (!opts.imageToDataUrl) return;
  const img = original as HTMLImageElement;
  if (!img.complete || img.naturalWidth === 0) return;
  let dataUrl: string | null = null;
  try {
    dataUrl = opts.imageToDataUrl(img);
  } catch {
    return; // tainted canvas (cross-origin image): keep the src
  }
  const max = opts.maxInlineImageBytes ?? 2_000_000;
  if (!dataUrl || !dataUrl.startsWith('data:image/') || dataUrl.length > max) return;
  clone.setAttribute('src', dataUrl);
  clone.removeAttribute('srcset');
  clone.removeAttribute('loading');
  // <source> siblings would win over the inlined src inside <picture>.
  if (clone.parentElement?.localName === 'picture') {
    for (const source of [...clone.parentElement.querySelectorAll('source')]) source.remove();
  }
}

function processElement(original: Element, clone: Element, opts: SnapshotOptions, base: string): void {
  const tag = original.localName.toLowerCase();
  if (DROP.has(tag)) return clone.remove();
  // Every http-equiv meta goes: refresh is never blocked by CSP; the snapshot sets its own charset and CSP.
  if (tag === 'meta' && (clone.hasAttribute('charset') || clone.hasAttribute('http-equiv'))) return clone.remove();
  if (tag === 'link') {
    const rel = clone.getAttribute('rel') ?? '';
    if (DROP_LINK_REL.test(rel)) return clone.remove();
    if (/\bstylesheet\b/i.test(rel) && inlineLinkedSheet(original, clone)) return;
  }
  neutralizeAttributes(clone);
  absolutizeUrls(clone, base);
  if (tag === 'style') {
    fillEmptyStyle(original, clone);
    clone.textContent = escapeStyleText(absolutizeCssUrls(clone.textContent ?? '', base));
  } else if (tag === 'img') inlineImage(original, clone, opts);
  else if (tag === 'iframe' || tag === 'frame') {
    clone.setAttribute('sandbox', '');
    clone.replaceChildren(); // iframe text is serialised raw
  } else if (tag === 'template') sanitizeInert((clone as HTMLTemplateElement).content, base);
  else copyFormState(original, clone);
}

/** Comments are serialised raw ("--><img onerror…" would break out): none are kept. */
function dropComments(root: Node): void {
  const doc = root.ownerDocument ?? (root as Document);
  const walker = doc.createTreeWalker(root, 0x80 /* SHOW_COMMENT */ | 0x40 /* SHOW_PROCESSING_INSTRUCTION */);
  const found: Node[] = [];
  for (let n = walker.nextNode(); n; n = walker.nextNode()) found.push(n);
  for (const n of found) n.parentNode?.removeChild(n);
}

/** Template contents are not in the element tree but are saved with it: clean them too. */
function sanitizeInert(fragment: DocumentFragment | undefined, base: string): void {
  if (!fragment) return;
  dropComments(fragment);
  for (const el of [...fragment.querySelectorAll('*')]) {
    if (!fragment.contains(el)) continue;
    const tag = el.localName.toLowerCase();
    if (DROP.has(tag) || (tag === 'meta' && el.hasAttribute('http-equiv'))) {
      el.remove();
      continue;
    }
    neutralizeAttributes(el);
    absolutizeUrls(el, base);
    if (tag === 'style') el.textContent = escapeStyleText(el.textContent ?? '');
    else if (tag === 'iframe' || tag === 'frame') {
      el.setAttribute('sandbox', '');
      el.replaceChildren();
    } else if (tag === 'template') sanitizeInert((el as HTMLTemplateElement).content, base);
  }
}

/** The start tag of `el` as the serialiser writes it (attributes escaped), without its content. */
function startTag(el: Element): string {
  const shallow = el.cloneNode(false) as Element;
  const outer = shallow.outerHTML;
  return outer.slice(0, outer.length - `</${shallow.localName}>`.length);
}

/**
 * The wrapper is written here, not taken from the page: the page decides neither the doctype nor
 * where <head> is, so nothing it controls can come before the charset and CSP metas.
 */
function assemble(root: Element, doc: Document, capturedAt: string): string {
  const attr = (name: string) => {
    const v = doc.documentElement.getAttribute(name);
    return v ? ` ${name}="${escapeHtml(v)}"` : '';
  };
  let head = '';
  let bodyTag = '<body>';
  let body = '';
  for (const child of [...root.children]) {
    if (child.localName === 'head') head += child.innerHTML;
    else if (child.localName === 'body') {
      bodyTag = startTag(child);
      body += child.innerHTML;
    } else body += child.outerHTML;
  }
  return (
    `<!DOCTYPE html>\n<html${attr('lang')}${attr('dir')}><head>${SNAPSHOT_HEAD_START}` +
    `<meta name="ita-evidence-source" content="${escapeHtml(doc.URL)}">` +
    `<meta name="ita-evidence-captured-at" content="${escapeHtml(capturedAt)}">` +
    `${head}</head>${bodyTag}${body}</body></html>`
  );
}

/**
 * Processes clone/original pairs (same order); open shadow roots are written as declarative
 * ones (<template shadowrootmode="open">) with the same cleaning, so their text is kept.
 */
function processTree(
  originals: Element[],
  clones: Element[],
  container: Node,
  opts: SnapshotOptions,
  base: string,
): void {
  const shadows: [Element, HTMLTemplateElement][] = [];
  originals.forEach((original, i) => {
    const clone = clones[i];
    if (!clone || !container.contains(clone)) return; // inside a removed subtree
    if ((opts.excludeSelector && original.matches(opts.excludeSelector)) || opts.exclude?.(original))
      return clone.remove();
    processElement(original, clone, opts, base);
    if (!container.contains(clone)) return;
    const shadow = serialiseShadowRoot(original, clone.ownerDocument, opts, base);
    if (shadow) shadows.push([clone, shadow]);
  });
  for (const [host, template] of shadows) host.prepend(template);
}

function serialiseShadowRoot(
  host: Element,
  out: Document,
  opts: SnapshotOptions,
  base: string,
): HTMLTemplateElement | null {
  const root = host.shadowRoot; // null for closed roots, which the page keeps private
  if (!root || root.mode !== 'open') return null;
  const template = out.createElement('template');
  template.setAttribute('shadowrootmode', 'open');
  if (root.delegatesFocus) template.setAttribute('shadowrootdelegatesfocus', '');
  for (const sheet of root.adoptedStyleSheets ?? []) {
    const text = readSheetText(sheet);
    if (!text) continue;
    const style = out.createElement('style');
    style.textContent = escapeStyleText(absolutizeCssUrls(text, base));
    template.content.append(style);
  }
  const originals: Element[] = [];
  const clones: Element[] = [];
  for (const child of [...root.childNodes]) {
    const clone = out.importNode(child, true);
    template.content.append(clone);
    if (child.nodeType !== 1) continue;
    originals.push(child as Element, ...(child as Element).querySelectorAll('*'));
    clones.push(clone as Element, ...(clone as Element).querySelectorAll('*'));
  }
  processTree(originals, clones, template.content, opts, base);
  dropComments(template.content);
  return template;
}

export function snapshotDocument(doc: Document, opts: SnapshotOptions = {}): Snapshot {
  const source = doc.documentElement;
  const base = /^https?:/i.test(doc.baseURI) ? doc.baseURI : doc.URL;
  // An inert document: cloned images and frames do not start loading.
  const out = doc.implementation.createHTMLDocument('');
  const root = out.importNode(source, true);
  processTree([source, ...source.querySelectorAll('*')], [root, ...root.querySelectorAll('*')], root, opts, base);
  // Constructed sheets of the document itself (CSS-in-JS) are in no element: write them out.
  for (const sheet of doc.adoptedStyleSheets ?? []) {
    const text = readSheetText(sheet);
    const head = root.querySelector('head');
    if (!text || !head) continue;
    const style = out.createElement('style');
    style.textContent = escapeStyleText(absolutizeCssUrls(text, base));
    head.append(style);
  }
  dropComments(root);
  const capturedAt = (opts.now?.() ?? new Date()).toISOString();
  const text = extractText(doc.body ?? source, { excludeSelector: opts.excludeSelector, exclude: opts.exclude });
  const html = assemble(root, doc, capturedAt);
  const parse =
    opts.parse ?? ((h: string) => new (doc.defaultView?.DOMParser ?? DOMParser)().parseFromString(h, 'text/html'));
  const problems = snapshotProblems(html, parse);
  return { html: problems.length ? textOnlySnapshot(text, doc.URL, capturedAt, problems) : html, text };
}
