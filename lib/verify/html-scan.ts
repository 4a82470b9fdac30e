/**
 * A small tolerant HTML scanner (no DOMParser: it must run in Node and in service workers).
 * It finds links (<a>/<area> href, <frame>/<iframe> src, meta refresh), their text, the title and
 * the visible text without script/style. Good enough for CMS pages; not a conforming parser.
 */
import { decodeEntities } from './html-entities';

export interface ScannedLink {
  href: string;
  text: string;
}

export interface ScannedPage {
  title: string;
  text: string;
  links: ScannedLink[];
  baseHref: string | null;
  hasPasswordInput: boolean;
}

const RAW_TEXT = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6',
  'section', 'article', 'header', 'footer', 'nav', 'aside', 'main', 'form', 'option', 'dt', 'dd',
  'blockquote', 'pre', 'hr', 'title', 'img', 'button', 'label',
]);
const ATTR = /([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g;

export function scanHtml(html: string): ScannedPage {
  const text: string[] = [];
  const links: ScannedLink[] = [];
  let title = '';
  let inTitle = false;
  let baseHref: string | null = null;
  let hasPasswordInput = false;
  let open: { href: string; parts: string[] } | null = null;
  let i = 0;
  const n = html.length;

  const pushText = (raw: string) => {
    const t = decodeEntities(raw);
    if (inTitle) title += t;
    else text.push(t);
    open?.parts.push(t);
  };
  const closeLink = () => {
    if (open) links.push({ href: open.href, text: collapse(open.parts.join('')) });
    open = null;
  };

  while (i < n) {
    const lt = html.indexOf('<', i);
    if (lt < 0) {
      pushText(html.slice(i));
      break;
    }
    if (lt > i) pushText(html.slice(i, lt));
    if (html.startsWith('<!--', lt)) {
      const end = html.indexOf('-->', lt + 4);
      i = end < 0 ? n : end + 3;
      continue;
    }
    const m = /^<(\/?)([a-zA-Z][\w:-]*)/.exec(html.slice(lt, lt + 64));
    if (!m) {
      if (html[lt + 1] === '!' || html[lt + 1] === '?') {
        const end = html.indexOf('>', lt);
        i = end < 0 ? n : end + 1;
      } else {
        pushText('<');
        i = lt + 1;
      }
      continue;
    }
    const closing = m[1] === '/';
    const name = (m[2] ?? '').toLowerCase();
    const gt = findTagEnd(html, lt + m[0].length);
    const attrText = html.slice(lt + m[0].length, gt);
    i = gt < n ? gt + 1 : n;
    if (BLOCK.has(name)) {
      text.push(' ');
      open?.parts.push(' ');
    }

    if (closing) {
      if (name === 'a') closeLink();
      if (name === 'title') inTitle = false;
      continue;
    }
    if (RAW_TEXT.has(name)) {
      const re = new RegExp(`</${name}`, 'gi');
      re.lastIndex = i;
      const end = re.exec(html);
      i = end ? end.index : n;
      continue;
    }
    const attrs = parseAttrs(attrText);
    if (name === 'title') inTitle = true;
    else if (name === 'a') {
      closeLink();
      const href = attrs.get('href');
      if (href !== undefined) open = { href, parts: [] };
    } else if (name === 'area') {
      const href = attrs.get('href');
      if (href !== undefined) links.push({ href, text: collapse(attrs.get('alt') ?? '') });
    } else if (name === 'frame' || name === 'iframe') {
      const src = attrs.get('src');
      if (src !== undefined) links.push({ href: src, text: collapse(attrs.get('title') ?? attrs.get('name') ?? '') });
    } else if (name === 'img' && open) {
      open.parts.push(attrs.get('alt') ?? '');
    } else if (name === 'base') {
      baseHref ??= attrs.get('href') ?? null;
    } else if (name === 'input' && (attrs.get('type') ?? '').toLowerCase() === 'password') {
      hasPasswordInput = true;
    } else if (name === 'meta' && (attrs.get('http-equiv') ?? '').toLowerCase() === 'refresh') {
      const url = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.get('content') ?? '')?.[1];
      if (url) links.push({ href: url.trim(), text: '' });
    }
  }
  closeLink();
  return { title: collapse(title), text: collapse(text.join('')), links, baseHref, hasPasswordInput };
}

function findTagEnd(html: string, from: number): number {
  let quote: string | null = null;
  for (let j = from; j < html.length; j++) {
    const c = html[j];
    if (quote) {
      if (c === quote) quote = null;
    } else if (c === '"' || c === "'") {
      // Only a quote right after "=" opens a value; stray quotes elsewhere are text.
      if (/=\s*$/.test(html.slice(Math.max(from, j - 8), j))) quote = c;
    } else if (c === '>') return j;
  }
  return html.length;
}

function parseAttrs(s: string): Map<string, string> {
  const out = new Map<string, string>();
  for (const m of s.matchAll(ATTR)) {
    const key = (m[1] ?? '').toLowerCase();
    if (!out.has(key)) out.set(key, decodeEntities(m[2] ?? m[3] ?? m[4] ?? ''));
  }
  return out;
}

export function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
