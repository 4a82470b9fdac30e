/**
 * Runs in the page (content script): serialises the rendered DOM into one self-contained,
 * script-free HTML file that opens offline, plus the visible text used for drift checks.
 */
import { extractText } from './page-text';
import { fillEmptyStyle, inlineLinkedSheet } from './snapshot-css';

export interface SnapshotOptions {
  /** Largest data: URL (in characters) kept for one inlined image. */
  maxInlineImageBytes?: number;
  /** The extension's overlay host: left out of both html and text. */
  excludeSelector?: string;
  /** Draws a loaded image to a canvas and returns a data: URL; null or a throw keeps the src. */
  imageToDataUrl?: (img: HTMLImageElement) => string | null;
  now?: () => Date;
}

export interface Snapshot {
  html: string;
  text: string;
}

const DROP = new Set(['script', 'noscript', 'base']);
const DROP_LINK_REL = /\b(preload|modulepreload|prefetch|prerender)\b/i;
const DANGEROUS_URL = /^(javascript|vbscript):/i;

function doctypeOf(doc: Document): string {
  const dt = doc.doctype;
  if (!dt) return '';
  const ids = dt.publicId ? ` PUBLIC "${dt.publicId}"${dt.systemId ? ` "${dt.systemId}"` : ''}` : dt.systemId ? ` SYSTEM "${dt.systemId}"` : '';
  return `<!DOCTYPE ${dt.name}${ids}>\n`;
}

/** Removes on* handlers and javascript:/vbscript: values from any attribute. */
function neutralizeAttributes(el: Element): void {
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    // Browsers ignore ASCII whitespace and control characters inside the scheme ("java\tscript:").
    // eslint-disable-next-line no-control-regex -- control characters are exactly what is stripped
    const value = attr.value.replace(/[\u0000-\u0020]/g, '');
    if (name.startsWith('on') || DANGEROUS_URL.test(value) || name === 'srcdoc' || name === 'ping') {
      el.removeAttribute(attr.name);
    } else if (name === 'style' && /javascript:|expression\(/i.test(value)) {
      el.removeAttribute(attr.name);
    }
  }
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

function processElement(original: Element, clone: Element, opts: SnapshotOptions): void {
  const tag = original.localName;
  if (DROP.has(tag)) return clone.remove();
  if (tag === 'meta') {
    const equiv = (clone.getAttribute('http-equiv') ?? '').toLowerCase();
    if (clone.hasAttribute('charset') || ['refresh', 'content-type', 'content-security-policy'].includes(equiv)) {
      return clone.remove();
    }
  }
  if (tag === 'link') {
    const rel = clone.getAttribute('rel') ?? '';
    if (DROP_LINK_REL.test(rel)) return clone.remove();
    if (/\bstylesheet\b/i.test(rel) && inlineLinkedSheet(original, clone)) return;
  }
  neutralizeAttributes(clone);
  if (tag === 'style') fillEmptyStyle(original, clone);
  else if (tag === 'img') inlineImage(original, clone, opts);
  else if (tag === 'iframe' || tag === 'frame') clone.setAttribute('sandbox', '');
  else if (tag === 'template') sanitizeInert((clone as HTMLTemplateElement).content);
  else copyFormState(original, clone);
}

/** Template contents are not in the element tree but are saved with it: clean them too. */
function sanitizeInert(fragment: DocumentFragment | undefined): void {
  if (!fragment) return;
  for (const el of [...fragment.querySelectorAll('*')]) {
    if (DROP.has(el.localName)) el.remove();
    else {
      neutralizeAttributes(el);
      if (el.localName === 'template') sanitizeInert((el as HTMLTemplateElement).content);
    }
  }
}

function addHeadMeta(out: Document, root: Element, doc: Document, capturedAt: string): void {
  let head = root.querySelector('head');
  if (!head) {
    head = out.createElement('head');
    root.insertBefore(head, root.firstChild);
  }
  const make = (attrs: Record<string, string>, tag = 'meta'): Element => {
    const el = out.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, v);
    return el;
  };
  head.prepend(
    make({ charset: 'utf-8' }),
    // Defence in depth: even if some script slipped through, the saved file will not run it.
    make({ 'http-equiv': 'Content-Security-Policy', content: "script-src 'none'; object-src 'none'" }),
    make({ href: doc.baseURI }, 'base'),
    make({ name: 'ita-evidence-source', content: doc.URL }),
    make({ name: 'ita-evidence-captured-at', content: capturedAt }),
  );
}

export function snapshotDocument(doc: Document, opts: SnapshotOptions = {}): Snapshot {
  const source = doc.documentElement;
  // An inert document: cloned images and frames do not start loading.
  const out = doc.implementation.createHTMLDocument('');
  const root = out.importNode(source, true);
  const originals = [source, ...source.querySelectorAll('*')];
  const clones = [root, ...root.querySelectorAll('*')];
  const exclude = opts.excludeSelector;
  originals.forEach((original, i) => {
    const clone = clones[i];
    if (!clone || !root.contains(clone)) return; // inside a removed subtree
    if (exclude && original.matches(exclude)) return clone.remove();
    processElement(original, clone, opts);
  });
  addHeadMeta(out, root, doc, (opts.now?.() ?? new Date()).toISOString());
  const text = extractText(doc.body ?? source, { excludeSelector: exclude });
  return { html: doctypeOf(doc) + root.outerHTML, text };
}
