/** A fetched HTML body, decoded and scanned once, whoever fetched it (crawl or check). */
import { detectCharset } from '../net/charset';
import { scanHtml, type ScannedPage } from './html-scan';

export interface PageAnalysis {
  charset: string;
  page: ScannedPage;
}

export function analyzeHtml(body: Uint8Array, contentType: string | null): PageAnalysis {
  const charset = detectCharset(contentType, body);
  return { charset, page: scanHtml(new TextDecoder(charset).decode(body)) };
}

export function looksLikeHtml(contentType: string | null, body: Uint8Array): boolean {
  if (contentType) return /html|xml/i.test(contentType);
  let i = 0;
  while (
    i < body.length &&
    i < 64 &&
    (body[i] === 0x20 ||
      body[i] === 0x0a ||
      body[i] === 0x0d ||
      body[i] === 0x09 ||
      body[i] === 0xef ||
      body[i] === 0xbb ||
      body[i] === 0xbf)
  )
    i++;
  return body[i] === 0x3c; // "<"
}

export const blockKey = (t: string): string => t.normalize('NFC').toLowerCase();

/**
 * The page's own content: its blocks minus the chrome (header, menus, footer) and minus every
 * block the site's template shares. The title counts unless it is the home page's title.
 */
export function ownContent(page: ScannedPage, template: { title: string; blocks: Set<string> } | null): string {
  const own = page.blocks.filter((b) => !b.chrome && !template?.blocks.has(blockKey(b.text)));
  const title = template && blockKey(template.title) === blockKey(page.title) ? '' : page.title;
  return [title, ...own.map((b) => b.text)].join(' ');
}
