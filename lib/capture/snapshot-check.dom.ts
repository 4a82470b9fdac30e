import { cssHasScript } from './snapshot-css-refs';
import { SNAPSHOT_CSP } from './snapshot-policy';
/**
 * Last line of defence for the DOM snapshot: the serialised HTML is parsed again, as a browser
 * opening the saved file would, and anything that could run script or navigate is reported.
 * snapshotDocument refuses (text-only snapshot) when this finds anything.
 */

export { SNAPSHOT_CSP, SNAPSHOT_HEAD_START, textOnlySnapshot } from './snapshot-policy';

const FORBIDDEN_TAGS = new Set([
  'script',
  'noscript',
  'base',
  'object',
  'embed',
  'applet',
  'xmp',
  'noembed',
  'noframes',
  'plaintext',
  'portal',
]);
const DANGEROUS_VALUE = /(javascript|vbscript):/i;
const DATA_DOCUMENT =
  /data:(text\/html|application\/xhtml|text\/xml|application\/xml|text\/javascript|application\/(java|ecma)script)/i;

function elementProblems(el: Element, out: string[]): void {
  const tag = el.localName.toLowerCase();
  if (FORBIDDEN_TAGS.has(tag)) out.push(`element <${tag}>`);
  if ((tag === 'iframe' || tag === 'frame') && el.getAttribute('sandbox') !== '') out.push(`unsandboxed <${tag}>`);
  if (tag === 'meta' && el.hasAttribute('http-equiv') && el !== el.ownerDocument.head?.children[1])
    out.push('meta http-equiv');
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    // eslint-disable-next-line no-control-regex -- browsers ignore these inside a URL scheme
    const value = attr.value.replace(/[\u0000-\u0020]/g, '');
    if (name.startsWith('on')) out.push(`attribute ${name}`);
    else if (name === 'srcdoc') out.push('attribute srcdoc');
    else if (DANGEROUS_VALUE.test(value)) out.push(`script URL in ${name}`);
    else if (DATA_DOCUMENT.test(value)) out.push(`data: document URL in ${name}`);
    else if ((tag === 'a' || tag === 'area') && /^data:/i.test(value) && (name === 'href' || name === 'xlink:href'))
      out.push(`data: URL in ${name}`);
    else if (name === 'style' && cssHasScript(attr.value)) out.push('script in a style attribute');
  }
  if (tag === 'style' && cssHasScript(el.textContent ?? '')) out.push('script in <style>');
  if (tag === 'template') walk((el as HTMLTemplateElement).content, out);
}

function walk(root: ParentNode | undefined | null, out: string[]): void {
  if (!root) return;
  for (const el of [...root.querySelectorAll('*')]) elementProblems(el, out);
}

/** Problems found in `html` (empty = safe to store). `parse` defaults to the global DOMParser. */
export function snapshotProblems(html: string, parse?: (html: string) => Document): string[] {
  const doc = parse ? parse(html) : new DOMParser().parseFromString(html, 'text/html');
  const out: string[] = [];
  const [first, second] = [doc.head?.children[0], doc.head?.children[1]];
  if (
    !first ||
    first.localName !== 'meta' ||
    first.getAttribute('charset')?.toLowerCase() !== 'utf-8' ||
    first.attributes.length !== 1
  )
    out.push('head does not start with the charset meta');
  if (
    !second ||
    second.localName !== 'meta' ||
    second.getAttribute('http-equiv') !== 'Content-Security-Policy' ||
    second.getAttribute('content') !== SNAPSHOT_CSP
  )
    out.push('head does not start with the CSP meta');
  elementProblems(doc.documentElement, out);
  walk(doc, out);
  return [...new Set(out)];
}
