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

/** One scan's state: the text block being built, the open link, the open elements. */
class PageScan {
  readonly blocks: TextBlock[] = [];
  readonly links: ScannedLink[] = [];
  readonly resources: string[] = [];
  title = '';
  baseHref: string | null = null;
  hasPasswordInput = false;
  /** Inside a script's start tag: its src names a resource. */
  pendingScript = false;
  private skipDepth = 0;
  private inTitle = false;
  private link: { href: string; parts: string[] } | null = null;
  // Open elements that are not void, with whether each started chrome; a count of open chrome.
  private readonly stack: { name: string; chrome: boolean }[] = [];
  private chromeDepth = 0;
  private current = '';
  private currentChrome = false;

  flush(): void {
    const t = collapse(this.current);
    if (t) this.blocks.push({ text: t, chrome: this.currentChrome });
    this.current = '';
    this.currentChrome = this.chromeDepth > 0;
  }

  closeLink(): void {
    if (this.link) this.links.push({ href: this.link.href, text: collapse(this.link.parts.join('')) });
    this.link = null;
  }

  openTag(name: string, attrs: Record<string, string>): void {
    if (this.skipDepth > 0 || SKIP.has(name)) {
      if (!VOID.has(name)) this.skipDepth++;
      return;
    }
    if (BLOCK.has(name)) this.breakBlock();
    if (!VOID.has(name)) this.pushElement(name, attrs);
    this.noteTag(name, attrs);
  }

  text(text: string): void {
    if (this.skipDepth > 0) return;
    if (this.inTitle) {
      this.title += text;
      return;
    }
    this.current += text;
    this.link?.parts.push(text);
  }

  closeTag(name: string): void {
    if (name === 'script') this.pendingScript = false;
    if (this.skipDepth > 0) {
      if (SKIP.has(name) || !VOID.has(name)) this.skipDepth--;
      return;
    }
    if (name === 'title') this.inTitle = false;
    if (name === 'a') this.closeLink();
    if (BLOCK.has(name)) this.breakBlock();
    if (!VOID.has(name)) {
      const wasChrome = this.stack.some((e) => e.name === name && e.chrome);
      this.closeTo(name);
      if (wasChrome) this.flush();
    }
  }

  private breakBlock(): void {
    this.flush();
    this.link?.parts.push(' ');
  }

  private pushElement(name: string, attrs: Record<string, string>): void {
    const chrome = isChrome(name, attrs);
    this.stack.push({ name, chrome });
    if (chrome) {
      this.chromeDepth++;
      this.flush();
    }
  }

  private closeTo(name: string): void {
    for (let i = this.stack.length - 1; i >= 0; i--) {
      if (this.stack[i]!.name !== name) continue;
      for (const e of this.stack.splice(i)) if (e.chrome) this.chromeDepth--;
      return;
    }
  }

  /** What a start tag adds besides text: links, frames, resources, the base URL, a password field. */
  private noteTag(name: string, attrs: Record<string, string>): void {
    switch (name) {
      case 'title':
        this.inTitle = true;
        break;
      case 'a':
        this.closeLink();
        if (attrs.href !== undefined) this.link = { href: attrs.href, parts: [] };
        break;
      case 'area':
        if (attrs.href !== undefined) this.links.push({ href: attrs.href, text: collapse(attrs.alt ?? '') });
        break;
      case 'frame':
      case 'iframe':
        if (attrs.src !== undefined) {
          this.links.push({ href: attrs.src, text: collapse(attrs.title ?? attrs.name ?? '') });
          this.resources.push(attrs.src);
        }
        break;
      case 'img':
        this.link?.parts.push(attrs.alt ?? '');
        break;
      case 'base':
        this.baseHref ??= attrs.href ?? null;
        break;
      case 'link':
        if (attrs.href) this.resources.push(attrs.href);
        break;
      case 'input':
        if ((attrs.type ?? '').toLowerCase() === 'password') this.hasPasswordInput = true;
        break;
      case 'meta':
        if ((attrs['http-equiv'] ?? '').toLowerCase() === 'refresh') {
          const url = /url\s*=\s*['"]?([^'"]+)/i.exec(attrs.content ?? '')?.[1];
          if (url) this.links.push({ href: url.trim(), text: '' });
        }
        break;
    }
  }
}

export function scanHtml(html: string): ScannedPage {
  const scan = new PageScan();
  const parser = new Parser(
    {
      onopentag: (name, attrs) => scan.openTag(name, attrs),
      onopentagname(name) {
        // Scripts are skipped as text, but their sources still name parking services.
        if (name === 'script') scan.pendingScript = true;
      },
      onattribute(name, value) {
        if (scan.pendingScript && name === 'src' && value) scan.resources.push(value);
      },
      ontext: (text) => scan.text(text),
      onclosetag: (name) => scan.closeTag(name),
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.end(html);
  scan.closeLink();
  scan.flush();
  return {
    title: collapse(scan.title),
    text: scan.blocks.map((b) => b.text).join(' '),
    blocks: scan.blocks,
    links: scan.links,
    baseHref: scan.baseHref,
    hasPasswordInput: scan.hasPasswordInput,
    resources: scan.resources,
  };
}

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}
