import { scriptFreeCss } from './snapshot-css-refs';
/** Stylesheet inlining for the DOM snapshot: CSSOM text where readable, the <link> otherwise. */

interface SheetOwner {
  readonly sheet?: CSSStyleSheet | null;
}

/** Rule text of a sheet, or null when the browser refuses (cross-origin sheets throw SecurityError). */
export function readSheetText(sheet: CSSStyleSheet | null | undefined): string | null {
  if (!sheet) return null;
  let rules: CSSRuleList;
  try {
    rules = sheet.cssRules;
  } catch {
    return null;
  }
  const texts: string[] = [];
  for (let i = 0; i < rules.length; i++) texts.push(rules[i]!.cssText);
  const text = texts.join('\n');
  return sheet.href ? absolutizeCssUrls(text, sheet.href) : text;
}

/** url(...) in a stylesheet is relative to the sheet, not the page: make it absolute. */
export function absolutizeCssUrls(css: string, baseHref: string): string {
  return css.replace(/url\(\s*(['"]?)([^'")]*)\1\s*\)/gi, (whole, quote: string, ref: string) => {
    if (!ref || /^(data|blob|about):/i.test(ref) || ref.startsWith('#')) return whole;
    try {
      return `url("${new URL(ref, baseHref).href}")`;
    } catch {
      return whole;
    }
  });
}

/**
 * Replaces a cloned <link rel=stylesheet> with a <style> holding the original's rules when readable.
 * Returns false (link kept) for cross-origin or unloaded sheets.
 */
export function inlineLinkedSheet(original: Element, clone: Element): boolean {
  const text = readSheetText((original as unknown as SheetOwner).sheet);
  if (text === null) return false;
  const style = clone.ownerDocument.createElement('style');
  style.textContent = escapeStyleText(text);
  const media = clone.getAttribute('media');
  if (media) style.setAttribute('media', media);
  const href = clone.getAttribute('href');
  if (href) style.setAttribute('data-ita-href', href);
  clone.replaceWith(style);
  return true;
}

/** CSS-in-JS libraries insert rules through the CSSOM and leave <style> empty: copy the rules. */
export function fillEmptyStyle(original: Element, clone: Element): void {
  if ((clone.textContent ?? '').trim() !== '') return;
  const text = readSheetText((original as unknown as SheetOwner).sheet);
  if (text) clone.textContent = text;
}

/**
 * <style> text is serialised raw: a rule such as content:"</style><script>…" (possible through the
 * CSSOM, which the page controls) would end the element early, and any other tag-like text would
 * read as markup to a parser that sees the element in SVG (mXSS). CSS reads the escape \3c as "<";
 * only the "<!--" that old pages wrap their styles in is left (CSS ignores it). Script URLs and
 * expression() go too (scriptFreeCss).
 */
export function escapeStyleText(css: string): string {
  return scriptFreeCss(css).replace(/<(?!!--)/g, '\\3c ');
}
