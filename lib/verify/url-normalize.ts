/**
 * Compare URLs in a normalised form: percent-encoding decoded where safe (so Thai paths typed
 * either way compare equal), NFC, host lower-case, default port dropped, fragment dropped.
 * The query string is kept: CMS pages such as `index.php?_mod=…&type=…` are told apart by it.
 */
export function normalizeUrl(raw: string, base?: string): string | null {
  let u: URL;
  try {
    u = base === undefined ? new URL(raw.trim()) : new URL(raw.trim(), base);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.host.toLowerCase(); // URL already drops default ports
  const path = safeDecode(u.pathname || '/');
  const query = u.search ? safeDecode(u.search) : '';
  return `${u.protocol}//${host}${path}${query}`.normalize('NFC');
}

function safeDecode(s: string): string {
  try {
    return decodeURI(s);
  } catch {
    return s;
  }
}

/** The key for per-host limits: host and port, so that servers on different ports count apart. */
export function hostKey(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return '';
  }
}

/** Site identity for the crawl: host without a leading "www.", scheme ignored (sites mix them). */
export function siteKey(url: string): string {
  return hostKey(url).replace(/^www\./, '');
}

export function sameUrl(a: string, b: string): boolean {
  const na = normalizeUrl(a);
  return na !== null && na === normalizeUrl(b);
}

/** Resolve a link found on a page; null for javascript:, mailto:, and unparsable values. */
export function resolveLink(href: string, base: string): string | null {
  const h = href.trim();
  if (!h || h.startsWith('#')) return null;
  try {
    const u = new URL(h, base);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    u.hash = '';
    return u.href;
  } catch {
    return null;
  }
}
