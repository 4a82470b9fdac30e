/**
 * Follow redirects by hand so that every hop and its code is known, and every hop passes the
 * network policy. In Node (undici) a manual redirect is a real 3xx with Location. In extension
 * pages it is opaque (type 'opaqueredirect', status 0): then the platform follows for us and only
 * `redirected`/`url` are known (the browser's own rules then apply to the hops).
 */
import type { AddressRefusal } from '../net/network-policy';
import { DEFAULTS, type NetContext } from './net-context';
import { RequestError, requestWithRetry, type RawResponse } from './request';
import type { RedirectHop } from './types';
import { normalizeUrl } from '../util/url';

type ChainError = 'network' | 'timeout' | 'aborted' | 'redirect-loop' | 'blocked-address' | 'too-large';

export interface ChainResult {
  status: number | null;
  finalUrl: string;
  redirects: RedirectHop[];
  contentType: string | null;
  body: Uint8Array | null;
  error: ChainError | null;
  /** Set with error 'blocked-address': which host or address the policy refused, and why. */
  refusal?: AddressRefusal;
  attempts: number;
  redirectMode: 'manual' | 'follow';
  method: 'GET' | 'HEAD';
}

export interface ChainOptions {
  method?: 'GET' | 'HEAD';
  /** With HEAD: repeat with GET when HEAD errs or answers an error other than 404/410. */
  getFallback?: boolean;
  readBody?: boolean;
  /** Retries per request; the run's default when absent (0 for links found only by the crawl). */
  retries?: number;
}

export async function fetchChain(ctx: NetContext, url: string, opts: ChainOptions = {}): Promise<ChainResult> {
  const method = opts.method ?? 'GET';
  const first = await followRedirects(ctx, url, method, opts.readBody ?? method === 'GET', opts.retries);
  if (method === 'HEAD' && opts.getFallback !== false && headFailed(first)) {
    const second = await followRedirects(ctx, url, 'GET', opts.readBody ?? false, opts.retries);
    return { ...second, attempts: first.attempts + second.attempts };
  }
  return first;
}

function headFailed(r: ChainResult): boolean {
  if (r.error === 'network' || r.error === 'timeout') return true;
  return r.status !== null && r.status >= 400 && r.status !== 404 && r.status !== 410;
}

async function followRedirects(
  ctx: NetContext,
  url: string,
  method: 'GET' | 'HEAD',
  readBody: boolean,
  retries: number | undefined,
): Promise<ChainResult> {
  const redirects: RedirectHop[] = [];
  const seen = new Set<string>([normalizeUrl(url) ?? url]);
  // One deadline for every hop and retry of this URL: a slow server costs at most timeoutMs.
  const deadline = ctx.clockMs() + ctx.timeoutMs;
  let current = url;
  let attempts = 0;
  const result = (r: Partial<ChainResult> & Pick<ChainResult, 'status' | 'error'>): ChainResult => ({
    finalUrl: current,
    redirects,
    contentType: null,
    body: null,
    attempts,
    redirectMode: ctx.state.manualOpaque ? 'follow' : 'manual',
    method,
    ...r,
  });

  for (;;) {
    let res: RawResponse;
    const redirect = ctx.state.manualOpaque ? 'follow' : 'manual';
    try {
      res = await requestWithRetry(ctx, {
        url: current,
        method,
        redirect,
        readBody,
        deadline,
        ...(retries !== undefined ? { retries } : {}),
      });
    } catch (e) {
      if (!(e instanceof RequestError)) throw e;
      attempts += e.attempts;
      if (e.kind === 'aborted') throw e;
      if (e.kind === 'blocked')
        return result({ status: null, error: 'blocked-address', ...(e.refusal ? { refusal: e.refusal } : {}) });
      return result({ status: null, error: e.kind });
    }
    attempts += res.attempts;
    if (res.type === 'opaqueredirect') {
      ctx.state.manualOpaque = true;
      continue; // same URL again, followed by the platform this time
    }
    if (redirect === 'follow') {
      if (res.redirected) redirects.push({ url: current, status: 0 });
      if (res.url) current = res.url;
      return result({ status: res.status, error: null, contentType: res.contentType, body: res.body });
    }
    if (res.status >= 300 && res.status < 400 && res.location) {
      redirects.push({ url: current, status: res.status });
      let next: string;
      try {
        next = new URL(res.location, current).href;
      } catch {
        return result({ status: res.status, error: 'network' });
      }
      const key = normalizeUrl(next) ?? next;
      if (seen.has(key) || redirects.length > DEFAULTS.maxHops) {
        current = next;
        return result({ status: res.status, error: 'redirect-loop' });
      }
      seen.add(key);
      current = next;
      continue;
    }
    return result({ status: res.status, error: null, contentType: res.contentType, body: res.body });
  }
}
