/**
 * The DOM layer of the snapshot rule, for extension pages (import runs in the side panel or the
 * options page, where a real HTML parser exists). Three independent checks, each on the browser's
 * own parser; any finding refuses the snapshot:
 * 1. DOMPurify, configured for whole documents and for what an honest snapshot holds: whatever
 *    active thing it would remove (script, handlers, script URLs, namespace tricks) is reported.
 * 2. The re-parse check that capture applies (snapshotProblems).
 * 3. Parse, serialise, parse again: markup whose meaning changes on a second parse (mXSS) is refused.
 * The bytes kept are never DOMPurify's output: the rule decides, the sanitiser only judges.
 */
import createDOMPurify, { type Config } from 'dompurify';
import { snapshotProblems } from './snapshot-check.dom';

const PURIFY_CONFIG: Config = {
  WHOLE_DOCUMENT: true,
  ADD_TAGS: ['meta', 'link', 'style', 'template', 'iframe'],
  ADD_ATTR: [
    'content',
    'http-equiv',
    'charset',
    'shadowrootmode',
    'shadowrootdelegatesfocus',
    'sandbox',
    'rel',
    'media',
    'background',
    'poster',
    'data-ita-href',
  ],
  // http(s), mailto, tel, data: and relative references; DOMPurify still refuses data: where it can navigate.
  ALLOWED_URI_REGEXP: /^(?:(?:https?|mailto|tel|data):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i,
  CUSTOM_ELEMENT_HANDLING: {
    tagNameCheck: /^[a-z][a-z0-9._]*-[a-z0-9._-]*$/,
    attributeNameCheck: /^(?!on)[a-z][a-z0-9:_.-]*$/i,
    allowCustomizedBuiltInElements: false,
  },
  KEEP_CONTENT: true,
};

/** Removals that mean active content; others are inert elements DOMPurify does not know. */
const ACTIVE_ELEMENTS = new Set([
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
  'frame',
  'iframe',
  'meta',
  'link',
  'style',
  'template',
  'svg',
  'math',
  'mglyph',
  'malignmark',
  'handler',
  'listener',
  '#comment',
  '#processing-instruction',
  '#cdata-section',
  'form',
  'annotation-xml',
  'foreignobject',
]);
const URL_ATTRS = new Set([
  'href',
  'xlink:href',
  'src',
  'srcset',
  'action',
  'formaction',
  'poster',
  'background',
  'data',
  'srcdoc',
  'is',
  'style',
]);

interface Removed {
  element?: Node;
  attribute?: Attr | null;
  from?: Node;
}

function purifyFindings(html: string, win: Window): string[] {
  const purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  purify.sanitize(html, PURIFY_CONFIG);
  const out: string[] = [];
  for (const r of purify.removed as Removed[]) {
    if (r.element) {
      const name = r.element.nodeName.toLowerCase();
      if (ACTIVE_ELEMENTS.has(name))
        out.push(`sanitiser removed ${name.startsWith('#') ? name.slice(1) : `<${name}>`}`);
    } else if (r.attribute) {
      const name = r.attribute.name.toLowerCase();
      const from = r.from?.nodeName.toLowerCase() ?? '?';
      if (name.startsWith('on') || URL_ATTRS.has(name)) out.push(`sanitiser removed ${name} from <${from}>`);
    }
  }
  return out;
}

function serialise(doc: Document): string {
  return doc.documentElement.outerHTML;
}

/** Problems found by the browser's parser (empty = the snapshot may be stored). */
export function domSnapshotProblems(html: string, win: Window & typeof globalThis = window): string[] {
  const parse = (h: string) => new win.DOMParser().parseFromString(h, 'text/html');
  const out = [...purifyFindings(html, win), ...snapshotProblems(html, parse)];
  const once = serialise(parse(html));
  if (serialise(parse(once)) !== once) out.push('markup that changes meaning when parsed twice');
  return [...new Set(out)];
}
