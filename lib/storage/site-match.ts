/**
 * Which URLs belong to the agency's main website. Many municipal sites answer on http only, or
 * redirect x.go.th ↔ www.x.go.th, so the scheme and a leading "www." do not make another site.
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

/** True when `url` is on the same site as `homeUrl`, ignoring the scheme and a leading "www.". */
export function sameSite(url: string, homeUrl: string): boolean {
  const a = siteKey(url);
  return a !== null && a === siteKey(homeUrl);
}
