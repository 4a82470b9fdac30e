/**
 * innerText-like visible text without layout, so that a page captured live and the same page
 * fetched later and parsed with DOMParser give comparable text (drift checks).
 */

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'title', 'iframe', 'object', 'canvas']);

const BLOCK = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'caption',
  'dd',
  'details',
  'dialog',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'form',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'html',
  'legend',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'tfoot',
  'thead',
  'tr',
  'ul',
  'option',
  'select',
]);

const CELL = new Set(['td', 'th']);

export interface TextOptions {
  /** Elements matching this selector are left out (the extension's own overlay host). */
  excludeSelector?: string;
  /** Elements left out by identity. */
  exclude?: (el: Element) => boolean;
}

function isHidden(el: Element): boolean {
  if (el.hasAttribute('hidden')) return true;
  const style = (el.getAttribute('style') ?? '').toLowerCase().replace(/\s+/g, '');
  return style.includes('display:none') || style.includes('visibility:hidden');
}

export function extractText(root: Node, opts: TextOptions = {}): string {
  const parts: string[] = [];
  let pre = 0; // inside <pre>, source line breaks are real line breaks
  const walk = (node: Node): void => {
    if (node.nodeType === 3 /* TEXT_NODE */) {
      const value = node.nodeValue ?? '';
      parts.push(pre > 0 ? value : value.replace(/\s+/g, ' '));
      return;
    }
    if (node.nodeType !== 1 /* ELEMENT_NODE */ && node.nodeType !== 9 && node.nodeType !== 11) return;
    const el = node.nodeType === 1 ? (node as Element) : null;
    const tag = el?.localName.toLowerCase() ?? '';
    if (el) {
      if (SKIP.has(tag) || isHidden(el)) return;
      if (opts.excludeSelector && el.matches(opts.excludeSelector)) return;
      if (opts.exclude?.(el)) return;
      if (tag === 'br') {
        parts.push('\n');
        return;
      }
    }
    const block = BLOCK.has(tag);
    if (block) parts.push('\n');
    if (tag === 'pre' || tag === 'textarea') pre++;
    // An open shadow root's text is what the page shows (slotted light children follow it).
    const shadow = el?.shadowRoot;
    if (shadow) for (let child = shadow.firstChild; child; child = child.nextSibling) walk(child);
    for (let child = node.firstChild; child; child = child.nextSibling) walk(child);
    if (tag === 'pre' || tag === 'textarea') pre--;
    if (CELL.has(tag)) parts.push('\t');
    else if (block) parts.push('\n');
  };
  walk(root);
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/[ \t\r\f\v\u00A0\u200B]+/g, ' ').trim())
    .filter((line) => line !== '')
    .join('\n');
}
