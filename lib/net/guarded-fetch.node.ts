/**
 * Node only (CLI): a fetch whose connections are checked by the network policy at connect time,
 * on the very addresses the socket will use, so that a name resolving inside (or re-resolving
 * inside between a check and the connection: DNS rebinding) is refused before any packet is sent.
 * IP literals skip DNS; refuseUrl covers them. It never follows redirects itself: the caller
 * (lib/verify/fetch-chain) checks each hop.
 *
 * It is built on undici's `request`, not its WHATWG `fetch`: at 100,000 URLs fetch's Request,
 * Headers, AbortSignal and web-stream objects per response were most of the run's garbage and
 * pushed the CLI over 300 MB (docs/verify.md). What fetch did for us is done here: decoding of
 * gzip/deflate/br (the byte cap counts the decoded bytes: lib/net/read-capped), `cache: no-store`
 * headers, the abort signal, and a Response-like answer for the verify core.
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { Agent } from 'undici';
import { BlockedAddressError } from './blocked';
import { decodeBody } from './decode-body.node';
import type { FetchResponse } from './fetch-response';
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

type RawHeaders = Record<string, string | string[] | undefined>;

/** The request headers fetch would send for this init (as a plain lower-cased record). */
export function requestHeaders(init: RequestInit | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init?.headers).forEach((v, k) => (out[k] = v));
  out['accept-encoding'] ??= 'gzip, deflate, br';
  out['user-agent'] ??= 'node';
  if (init?.cache === 'no-store' || init?.cache === 'reload') {
    out['pragma'] ??= 'no-cache';
    out['cache-control'] ??= 'no-cache';
  }
  return out;
}

function headerGetter(raw: RawHeaders): FetchResponse['headers'] {
  return {
    get(name) {
      const v = raw[name.toLowerCase()];
      return v === undefined ? null : Array.isArray(v) ? v.join(', ') : v;
    },
  };
}

export function guardedFetch(opts: GuardedFetchOptions): (url: string, init?: RequestInit) => Promise<FetchResponse> {
  const agent = new Agent({
    connect: { lookup: guardedLookup(opts.policy, opts.resolve ?? systemResolver) },
    // Slow municipal servers: the caller's deadline governs, not undici's own defaults.
    headersTimeout: 0,
    bodyTimeout: 0,
  });
  return async (url, init) => {
    const refusal = refuseUrl(url, opts.policy);
    if (refusal) throw new TypeError('fetch failed', { cause: new BlockedAddressError(refusal) });
    const u = new URL(url);
    const method = (init?.method ?? 'GET').toUpperCase();
    const res = await agent.request({
      origin: u.origin,
      path: `${u.pathname}${u.search}`,
      method,
      headers: requestHeaders(init),
      ...(init?.signal ? { signal: init.signal } : {}),
    });
    const headers = headerGetter(res.headers);
    let body: FetchResponse['body'] = null;
    if (method === 'HEAD' || res.statusCode === 204 || res.statusCode === 304) {
      res.body.dump({ limit: 0 }).catch(() => undefined);
    } else {
      body = decodeBody(res.body, headers.get('content-encoding'));
    }
    return { status: res.statusCode, type: 'basic', url, redirected: false, headers, body };
  };
}
