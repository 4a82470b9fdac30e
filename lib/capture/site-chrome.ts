/**
 * What the whole site repeats on every page (menus, header, footer, side bars), as far as the tagging
 * form can tell from one page's markup. Menus carry years ("แผนพัฒนา ๒๕๖๑ – ๒๕๖๕") that would satisfy
 * every page's year check, so the hints look for years in the rest. Re-verify does better (it subtracts
 * what sibling pages share, lib/verify); the form sees one page, so it goes by landmarks and the usual
 * CMS class names. A header or footer inside the main content (an article's own) is kept.
 */
const CHROME = [
  'nav',
  'header',
  'footer',
  'aside',
  '[role=navigation]',
  '[role=banner]',
  '[role=contentinfo]',
  '[role=menubar]',
  '[role=menu]',
  '[role=complementary]',
  '#menu',
  '#nav',
  '#navbar',
  '#navigation',
  '#header',
  '#footer',
  '#sidebar',
  '#topmenu',
  '#mainmenu',
  '.menu',
  '.nav',
  '.navbar',
  '.navigation',
  '.header',
  '.footer',
  '.sidebar',
  '.breadcrumb',
  '.topmenu',
  '.mainmenu',
];

/** For extractText's excludeSelector: the site's chrome, unless it sits inside main or article. */
export const SITE_CHROME_SELECTOR = CHROME.map((s) => `${s}:not(main *):not(article *)`).join(', ');

/**
 * The content text when it is a believable part of the page; undefined when removing the chrome left
 * too little (a page built entirely inside a "menu" wrapper), so that the hints fall back to the whole text.
 */
export function contentTextOrUndefined(fullText: string, contentText: string): string | undefined {
  const content = contentText.trim();
  if (content.length < 40 || content.length < fullText.trim().length * 0.1) return undefined;
  return content;
}
