/**
 * URL identity, in one place: which site a URL belongs to, and the forms in which URLs are compared.
 * Many municipal sites answer on http only, or redirect x.go.th ↔ www.x.go.th, so the scheme and a
 * leading "www." do not make another site.
 */

/**
 * The host name without a leading "www."; null if not http(s). The port is ignored, as in match
 * patterns: a site on 127.0.0.1:PORT is the site whatever the port.
 */
export function siteKey(url: string): string | null {
  try {
    // "*://host" is the shape of a match-pattern origin: read it as http.
    const u = new URL(url.replace(/^\*:\/\//, 'http://'));
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
    return u.hostname.replace(/^www\./, '');
  } catch {
    return null;
  }
}

/** An absolute http(s) URL with a host, at most 8 KiB: the only kind of URL the product stores or fetches. */
export function isHttpUrl(value: unknown): value is string {
  if (typeof value !== 'string' || value.length > 8192) return false;
  try {
    const url = new URL(value);
    return (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname !== '';
  } catch {
    return false;
  }
}

/** True when `url` is on the same site as `homeUrl`, ignoring the scheme and a leading "www.". */
export function sameSite(url: string, homeUrl: string): boolean {
  const a = siteKey(url);
  return a !== null && a === siteKey(homeUrl);
}

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

/** Site identity for the crawl: host and port without a leading "www.", scheme ignored (sites mix them). */
export function crawlSiteKey(url: string): string {
  return hostKey(url).replace(/^www\./, '');
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

/** The URL without its fragment; URL() lowercases the host and drops default ports; the query is kept. */
export function withoutFragment(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url.split('#')[0] ?? url;
  }
}
