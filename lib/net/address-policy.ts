/**
 * Which document URLs the background may fetch on the page's behalf, and with which cookies.
 * The page chooses the URLs, so without this it could make the extension read intranet or
 * loopback addresses (SSRF) or send the reviewer's cookies to a third site.
 */

import { classifyHost } from './ip-address';

type FetchRefusal = 'not-http' | 'credentials-in-url' | 'private-address' | 'invalid-url';

export type FetchDecision = { ok: true; credentials: 'include' | 'omit' } | { ok: false; reason: FetchRefusal };

export interface FetchContext {
  /** URL of the tab the capture is for (null when unknown). */
  tabUrl: string | null;
  /** The configured main website (may be empty before setup). */
  homeUrl: string;
}

/** Loopback, private, link-local, CGNAT, unspecified and reserved addresses, localhost and *.local names. */
export function isPrivateHost(hostname: string): boolean {
  // A bare number or hex form (http://2130706433/) is normalised by URL to dotted IPv4 already.
  return classifyHost(hostname) !== 'public';
}

function hostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    return new URL(url).hostname.toLowerCase();
  } catch {
    return null;
  }
}

/** Whether the background may fetch `url`, and whether it may send the reviewer's cookies. */
export function documentFetchDecision(url: string, ctx: FetchContext): FetchDecision {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { ok: false, reason: 'invalid-url' };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, reason: 'not-http' };
  if (u.username || u.password) return { ok: false, reason: 'credentials-in-url' };
  const host = u.hostname.toLowerCase();
  const own = [hostOf(ctx.tabUrl), hostOf(ctx.homeUrl)].filter((h): h is string => !!h);
  const sameSite = own.includes(host);
  if (!sameSite && isPrivateHost(host)) return { ok: false, reason: 'private-address' };
  return { ok: true, credentials: sameSite ? 'include' : 'omit' };
}
