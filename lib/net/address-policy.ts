/**
 * Which document URLs the background may fetch on the page's behalf, and with which cookies.
 * The page chooses the URLs, so without this it could make the extension read intranet or
 * loopback addresses (SSRF) or send the reviewer's cookies to a third site.
 */

export type FetchRefusal = 'not-http' | 'credentials-in-url' | 'private-address' | 'invalid-url';

export type FetchDecision =
  | { ok: true; credentials: 'include' | 'omit' }
  | { ok: false; reason: FetchRefusal };

export interface FetchContext {
  /** URL of the tab the capture is for (null when unknown). */
  tabUrl: string | null;
  /** The configured main website (may be empty before setup). */
  homeUrl: string;
}

function ipv4(host: string): number[] | null {
  const parts = host.split('.');
  if (parts.length !== 4) return null;
  const nums = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  return nums.every((n) => n >= 0 && n <= 255) ? nums : null;
}

function privateIpv4([a, b]: number[]): boolean {
  return a === 0 || a === 10 || a === 127
    || (a === 169 && b === 254)
    || (a === 172 && b! >= 16 && b! <= 31)
    || (a === 192 && b === 168)
    || (a === 100 && b! >= 64 && b! <= 127);
}

/** Expands an IPv6 literal (no brackets) to 8 groups; null when it is not one. */
function ipv6Groups(host: string): number[] | null {
  if (!host.includes(':')) return null;
  let h = host.toLowerCase();
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(h);
  if (v4) {
    const q = ipv4(v4[1]!);
    if (!q) return null;
    h = h.slice(0, -v4[1]!.length) + `${((q[0]! << 8) | q[1]!).toString(16)}:${((q[2]! << 8) | q[3]!).toString(16)}`;
  }
  const halves = h.split('::');
  if (halves.length > 2) return null;
  const parse = (s: string) => (s ? s.split(':').map((g) => (/^[0-9a-f]{1,4}$/.test(g) ? parseInt(g, 16) : NaN)) : []);
  const head = parse(halves[0]!);
  const rest = halves.length === 2 ? parse(halves[1]!) : [];
  const known = head.length + rest.length;
  if ([...head, ...rest].some(Number.isNaN) || known > 8 || (halves.length === 1 && known !== 8)) return null;
  return [...head, ...new Array<number>(8 - known).fill(0), ...rest];
}

function privateIpv6(g: number[]): boolean {
  if (g.every((x) => x === 0)) return true; // ::
  if (g.slice(0, 7).every((x) => x === 0) && g[7] === 1) return true; // ::1
  if ((g[0]! & 0xfe00) === 0xfc00) return true; // fc00::/7 unique local
  if ((g[0]! & 0xffc0) === 0xfe80) return true; // fe80::/10 link-local
  // IPv4-mapped (::ffff:a.b.c.d): judge the IPv4 address.
  if (g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff) return privateIpv4([g[6]! >> 8, g[6]! & 255, g[7]! >> 8, g[7]! & 255]);
  return false;
}

/** Loopback, private, link-local, CGNAT and unspecified addresses, localhost and *.local names. */
export function isPrivateHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '').replace(/\.$/, '');
  if (!host) return true;
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local') || host.endsWith('.internal')) return true;
  const v4 = ipv4(host);
  if (v4) return privateIpv4(v4);
  const v6 = ipv6Groups(host);
  if (v6) return privateIpv6(v6);
  // A bare number or hex form (http://2130706433/) is normalised by URL to dotted IPv4 already.
  return false;
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
