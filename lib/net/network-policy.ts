/**
 * Where re-verify may connect. It fetches whatever URLs a bundle or CSV names, so without this a
 * crafted row could make it read cloud metadata, the router or an intranet (SSRF). Checked on
 * every hop: the URL's host before DNS, then every address the name resolves to.
 */
import { ALWAYS_REFUSED, classifyHost, classifyIp, PRIVATE_CLASSES, type AddressClass } from './ip-address';

export interface NetworkPolicy {
  /** Allow loopback, private and unique-local addresses (CLI `--allow-private`). */
  allowPrivate: boolean;
  /** Host names allowed on private addresses: the configured main website's own host. */
  allowHosts: readonly string[];
}

export const DEFAULT_POLICY: NetworkPolicy = { allowPrivate: false, allowHosts: [] };

export interface AddressRefusal {
  /** 'not-http' for a scheme other than http(s), 'invalid-url' for an unparsable one, else the class. */
  reason: AddressClass | 'not-http' | 'invalid-url';
  host: string;
  /** The resolved address refused, when DNS gave it (null when the URL itself was refused). */
  address: string | null;
}

function allowedClass(cls: AddressClass, host: string, policy: NetworkPolicy): boolean {
  if (cls === 'public') return true;
  if (ALWAYS_REFUSED.has(cls)) return false;
  return PRIVATE_CLASSES.has(cls) && (policy.allowPrivate || policy.allowHosts.includes(host));
}

function bareHost(hostname: string): string {
  return hostname
    .toLowerCase()
    .replace(/^\[|\]$/g, '')
    .replace(/\.$/, '');
}

/** Refusal of a URL by its scheme and host alone (before any DNS); null when it may go on. */
export function refuseUrl(url: string, policy: NetworkPolicy): AddressRefusal | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return { reason: 'invalid-url', host: '', address: null };
  }
  const host = bareHost(u.hostname);
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { reason: 'not-http', host, address: null };
  const cls = classifyHost(host);
  return allowedClass(cls, host, policy) ? null : { reason: cls, host, address: null };
}

/** Refusal of one address a host name resolved to; null when it may be connected to. */
export function refuseAddress(hostname: string, address: string, policy: NetworkPolicy): AddressRefusal | null {
  const host = bareHost(hostname);
  const cls = classifyIp(address) ?? 'reserved'; // a resolver answer that is no IP is never trusted
  return allowedClass(cls, host, policy) ? null : { reason: cls, host, address };
}

/** Host names the policy allows on private addresses: those of the given URLs (e.g. the home page). */
export function hostsOf(urls: (string | null | undefined)[]): string[] {
  const out: string[] = [];
  for (const u of urls) {
    try {
      if (u) out.push(bareHost(new URL(u).hostname));
    } catch {
      /* not a URL: nothing to allow */
    }
  }
  return out;
}
