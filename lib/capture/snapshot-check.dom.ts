import { escapeHtml } from '../util/html';
/**
 * Last line of defence for the DOM snapshot: the serialised HTML is parsed again, as a browser
 * opening the saved file would, and anything that could run script or navigate is reported.
 * snapshotDocument refuses (text-only snapshot) when this finds anything.
 */

export const SNAPSHOT_CSP =
  "default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline' http: https:; " +
  "font-src data: http: https:; base-uri 'none'; form-action 'none'";

/** The start of every snapshot: nothing the page controls comes before the CSP. */
export const SNAPSHOT_HEAD_START = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`;

const FORBIDDEN_TAGS = new Set([
  'script', 'noscript', 'base', 'object', 'embed', 'applet', 'xmp', 'noembed', 'noframes', 'plaintext', 'portal',
]);
const DANGEROUS_VALUE = /(javascript|vbscript):/i;

function elementProblems(el: Element, out: string[]): void {
  const tag = el.localName.toLowerCase();
  if (FORBIDDEN_TAGS.has(tag)) out.push(`element <${tag}>`);
  if ((tag === 'iframe' || tag === 'frame') && el.getAttribute('sandbox') !== '') out.push(`unsandboxed <${tag}>`);
  if (tag === 'meta' && el.hasAttribute('http-equiv') && el !== el.ownerDocument.head?.children[1]) out.push('meta http-equiv');
  for (const attr of [...el.attributes]) {
    const name = attr.name.toLowerCase();
    // eslint-disable-next-line no-control-regex -- browsers ignore these inside a URL scheme
    const value = attr.value.replace(/[\u0000-\u0020]/g, '');
    if (name.startsWith('on')) out.push(`attribute ${name}`);
    else if (name === 'srcdoc') out.push('attribute srcdoc');
    else if (DANGEROUS_VALUE.test(value)) out.push(`script URL in ${name}`);
  }
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
  if (!first || first.localName !== 'meta' || first.getAttribute('charset')?.toLowerCase() !== 'utf-8' || first.attributes.length !== 1)
    out.push('head does not start with the charset meta');
  if (!second || second.localName !== 'meta' || second.getAttribute('http-equiv') !== 'Content-Security-Policy' || second.getAttribute('content') !== SNAPSHOT_CSP)
    out.push('head does not start with the CSP meta');
  elementProblems(doc.documentElement, out);
  walk(doc, out);
  return [...new Set(out)];
}

/** The refusal: only the visible text, clearly marked, with the reasons in a meta tag. */
export function textOnlySnapshot(text: string, sourceUrl: string, capturedAt: string, problems: string[]): string {
  return (
    `<!DOCTYPE html>\n<html><head>${SNAPSHOT_HEAD_START}` +
    `<meta name="ita-evidence-source" content="${escapeHtml(sourceUrl)}">` +
    `<meta name="ita-evidence-captured-at" content="${escapeHtml(capturedAt)}">` +
    `<meta name="ita-evidence-snapshot" content="text-only">` +
    `<meta name="ita-evidence-refused" content="${escapeHtml(problems.slice(0, 10).join('; '))}">` +
    `<title>${escapeHtml('ข้อความของหน้า (text only)')}</title></head><body>` +
    `<p><strong>สำเนาหน้าเว็บนี้เก็บเฉพาะข้อความ เพราะหน้าเว็บมีส่วนที่อาจเรียกใช้สคริปต์ได้ / ` +
    `This snapshot keeps the text only: the page contained content that could run script.</strong></p>` +
    `<p>${escapeHtml(sourceUrl)}</p><pre style="white-space:pre-wrap">${escapeHtml(text)}</pre></body></html>`
  );
}
