import { escapeHtml } from '../util/html';

/** An href for an external link: only http(s) URLs, escaped; anything else gets none. */
export function safeHref(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? escapeHtml(u.href) : null;
  } catch {
    return null;
  }
}
