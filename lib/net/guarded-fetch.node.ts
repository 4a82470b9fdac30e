/**
 * Node only (CLI): a fetch whose connections are checked by the network policy at connect time,
 * on the very addresses the socket will use, so that a name resolving inside (or re-resolving
 * inside between a check and the connection: DNS rebinding) is refused before any packet is sent.
 * IP literals skip DNS; refuseUrl covers them. It never follows redirects itself: the caller
 * (lib/verify/fetch-chain) checks each hop.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent, fetch as undiciFetch } from 'undici';
import { BlockedAddressError } from './blocked';
import { refuseAddress, refuseUrl, type NetworkPolicy } from './network-policy';

type Resolver = (hostname: string) => Promise<LookupAddress[]>;

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) =>
    dnsLookup(hostname, { all: true }, (err, addrs) => (err ? reject(err) : resolve(addrs))),
  );

type LookupCallback = (err: Error | null, address: string | LookupAddress[], family?: number) => void;

function guardedLookup(policy: NetworkPolicy, resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    resolve(hostname).then(
      (all) => {
        const addrs =
          options.family === 4 || options.family === 6 ? all.filter((a) => a.family === options.family) : all;
        // Every address must pass: the connection may use any of them.
        for (const a of all) {
          const refusal = refuseAddress(hostname, a.address, policy);
          if (refusal) return callback(new BlockedAddressError(refusal), '');
        }
        const first = addrs[0];
        if (!first) return callback(Object.assign(new Error(`no address for ${hostname}`), { code: 'ENOTFOUND' }), '');
        if (options.all) callback(null, addrs);
        else callback(null, first.address, first.family);
      },
      (e: unknown) => callback(e instanceof Error ? e : new Error(String(e)), ''),
    );
  };
}

export interface GuardedFetchOptions {
  policy: NetworkPolicy;
  /** Injected in tests so that no name is ever looked up for real. */
  resolve?: Resolver;
}

export function guardedFetch(opts: GuardedFetchOptions): (url: string, init?: RequestInit) => Promise<Response> {
  const agent = new Agent({
    connect: { lookup: guardedLookup(opts.policy, opts.resolve ?? systemResolver) },
    // Slow municipal servers: the caller's deadline governs, not undici's own defaults.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return async (url, init) => {
    const refusal = refuseUrl(url, opts.policy);
    if (refusal) throw new TypeError('fetch failed', { cause: new BlockedAddressError(refusal) });
    const res = await undiciFetch(url, { ...(init as object), redirect: 'manual', dispatcher: agent } as never);
    return res as unknown as Response;
  };
}
