/**
 * What re-verify reads from a page, with htmlparser2 (a tolerant streaming parser that needs no
 * DOM, so it runs in Node and in any extension context): the links (<a>/<area> href,
 * <frame>/<iframe> src, meta refresh) and their text, the title, the visible text without
 * script/style, and that text in blocks, each marked when it sits in the page's chrome (header,
 * navigation, footer, sidebar), so that a year printed only in a site-wide menu can be set aside.
 */
import { Parser } from 'htmlparser2';

interface ScannedLink {
  href: string;
  text: string;
}

interface TextBlock {
  text: string;
  /** Inside header/nav/footer/aside, an ARIA landmark of those, or an element named like a menu. */
  chrome: boolean;
}

export interface ScannedPage {
  title: string;
  text: string;
  blocks: TextBlock[];
  links: ScannedLink[];
  baseHref: string | null;
  hasPasswordInput: boolean;
  /** src/href of scripts, frames and stylesheets: parking services show up there, not in text. */
  resources: string[];
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'textarea', 'svg', 'math', 'select']);
const BLOCK = new Set([
  'p',
  'div',
  'br',
  'li',
  'ul',
  'ol',
  'tr',
  'td',
  'th',
  'table',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'section',
  'article',
  'header',
  'footer',
  'nav',
  'aside',
  'main',
  'form',
  'option',
  'dt',
  'dd',
  'blockquote',
  'pre',
  'hr',
  'title',
  'img',
  'button',
  'label',
  'center',
  'body',
  'dl',
  'figure',
  'figcaption',
]);
const VOID = new Set([
  'area',
  'base',
  'br',
  'col',
  'embed',
  'hr',
  'img',
  'input',
  'link',
  'meta',
  'source',
  'track',
  'wbr',
]);
const CHROME_TAGS = new Set(['header', 'nav', 'footer', 'aside']);
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'menu', 'menubar', 'complementary']);
/** Class or id words that CMS themes give their menus, headers and footers. */
const CHROME_NAMES =
  /(^|[\s_-])(nav|navbar|navigation|menu|mainmenu|topmenu|sidemenu|submenu|megamenu|header|footer|sidebar|breadcrumbs?|banner|copyright)([\s_\d-]|$)/i;

function isChrome(name: string, attrs: Record<string, string>): boolean {
  if (CHROME_TAGS.has(name)) return true;
  if (CHROME_ROLES.has((attrs.role ?? '').toLowerCase())) return true;
  return CHROME_NAMES.test(attrs.id ?? '') || CHROME_NAMES.test(attrs.class ?? '');
}

export function scanHtml(html: string): ScannedPage {
  const blocks: TextBlock[] = [];
  const links: ScannedLink[] = [];
  const resources: string[] = [];
  let title = '';
  let baseHref: string | null = null;
  let hasPasswordInput = false;
  let skipDepth = 0;
  let inTitle = false;
  let open: { href: string; parts: string[] } | null = null;
  // Open elements that are not void, with whether each started chrome; a count of open chrome.
  const stack: { name: string; chrome: boolean }[] = [];
  let chromeDepth = 0;
  let current = '';
  let currentChrome = false;

  const flush = () => {
    const t = collapse(current);
    if (t) blocks.push({ text: t, chrome: currentChrome });
    current = '';
    currentChrome = chromeDepth > 0;
  };
  const closeLink = () => {
    if (open) links.push({ href: open.href, text: collapse(open.parts.join('')) });
    open = null;
  };
  const closeTo = (name: string) => {
    for (let i = stack.length - 1; i >= 0; i--) {
      if (stack[i]!.name !== name) continue;
      for (const e of stack.splice(i)) if (e.chrome) chromeDepth--;
      return;
    }
  };

  const parser = new Parser(
    {
      onopentag(name, attrs) {
        if (skipDepth > 0 || SKIP.has(name)) {
          if (!VOID.has(name)) skipDepth++;
          return;
        }
        if (BLOCK.has(name)) {
          flush();
          open?.parts.push(' ');
        }
        if (!VOID.has(name)) {
          const chrome = isChrome(name, attrs);
          stack.push({ name, chrome });
          if (chrome) {
            chromeDepth++;
            flush();
          }
        }
        switch (name) {
          case 'title':
            inTitle = true;
            break;
          case 'a':
            closeLink();
            if (attrs.href !== undefined) open = { href: attrs.href, parts: [] };
            break;
          case 'area':
            if (attrs.href !== undefined) links.push({ href: attrs.href, text: collapse(attrs.alt ?? '') });
            break;
          case 'frame':
          case 'iframe':
            if (attrs.src !== undefined) {
              links.push({ href: attrs.src, text: collapse(attrs.title ?? attrs.name ?? '') });
              resources.push(attrs.src);
            }
            break;
          case 'img':
            if (open) open.parts.push(attrs.alt ?? '');
            break;
          case 'base':
            baseHref ??= attrs.href ?? null;
            break;
          case 'link':
            if (attrs.href) resources.push(attrs.href);
            break;
          case 'input':
            if ((attrs.type ?? '').toLowerCase() === 'password') hasPasswordInput = true;
            break;
          case 'meta':
            if ((attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
              const url = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.content ?? '')?.[1];
              if (url) links.push({ href: url.trim(), text: '' });
            }
            break;
        }
      },
      onopentagname(name) {
        // Scripts are skipped as text, but their sources still name parking services.
        if (name === 'script') pendingScript = true;
      },
      onattribute(name, value) {
        if (pendingScript && name === 'src' && value) resources.push(value);
      },
      ontext(text) {
        if (skipDepth > 0) return;
        if (inTitle) {
          title += text;
          return;
        }
        current += text;
        open?.parts.push(text);
      },
      onclosetag(name, implied) {
        if (name === 'script') pendingScript = false;
        if (skipDepth > 0) {
          if (SKIP.has(name) || !VOID.has(name)) skipDepth--;
          return;
        }
        if (name === 'title') inTitle = false;
        if (name === 'a') closeLink();
        if (BLOCK.has(name)) {
          flush();
          open?.parts.push(' ');
        }
        if (!VOID.has(name)) {
          const wasChrome = stack.some((e) => e.name === name && e.chrome);
          closeTo(name);
          if (wasChrome) flush();
        }
        void implied;
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  let pendingScript = false;
  parser.end(html);
  closeLink();
  flush();
  return {
    title: collapse(title),
    text: blocks.map((b) => b.text).join(' '),
    blocks,
    links,
    baseHref,
    hasPasswordInput,
    resources,
  };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
