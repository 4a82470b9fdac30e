/**
 * One HTTP request (network policy, per-host slot, deadline, byte cap, cache: 'no-store') and its
 * retry loop. The deadline is shared by every attempt and hop of one URL (NetContext callers pass
 * it), so a trickling or always-busy server costs at most `timeoutMs`.
 */
import { blockedRefusal } from '../net/blocked';
import { refuseAddress, refuseUrl, type AddressRefusal } from '../net/network-policy';
import { DEFAULTS, type NetContext } from './net-context';
import { hostKey } from '../util/url';
import { discardBody, readCapped } from '../net/read-capped';

export interface RawResponse {
  status: number;
  type: string;
  location: string | null;
  contentType: string | null;
  contentLength: number | null;
  retryAfter: string | null;
  url: string;
  redirected: boolean;
  body: Uint8Array | null;
  attempts: number;
}

export type RequestErrorKind = 'network' | 'timeout' | 'aborted' | 'blocked' | 'too-large';

export class RequestError extends Error {
  constructor(
    readonly kind: RequestErrorKind,
    readonly attempts: number,
    cause?: unknown,
    readonly refusal: AddressRefusal | null = null,
  ) {
    super(kind, { cause });
  }
}

export interface RequestSpec {
  url: string;
  method: 'GET' | 'HEAD';
  redirect: 'manual' | 'follow';
  readBody: boolean;
  /** performance.now()-style instant after which the request gives up. */
  deadline: number;
  /** Retries on 5xx/429/network errors; the run's default when absent. */
  retries?: number;
}

/** Refuses by URL, then (when a resolver is given) by every address the name resolves to. */
async function checkPolicy(ctx: NetContext, url: string): Promise<void> {
  const byUrl = refuseUrl(url, ctx.policy);
  if (byUrl) throw new RequestError('blocked', 0, undefined, byUrl);
  if (!ctx.resolve) return;
  const host = new URL(url).hostname;
  let addresses: string[];
  try {
    addresses = await ctx.resolve(host.replace(/^\[|\]$/g, ''));
  } catch (e) {
    throw new RequestError('network', 0, e);
  }
  for (const a of addresses) {
    const refusal = refuseAddress(host, a, ctx.policy);
    if (refusal) throw new RequestError('blocked', 0, undefined, refusal);
  }
}

function lengthHeader(v: string | null): number | null {
  if (v === null || !/^\d+$/.test(v.trim())) return null;
  return Number(v.trim());
}

async function requestOnce(ctx: NetContext, spec: RequestSpec): Promise<Omit<RawResponse, 'attempts'>> {
  if (ctx.signal?.aborted) throw new RequestError('aborted', 0, ctx.signal.reason);
  await checkPolicy(ctx, spec.url);
  const release = await ctx.limiter.acquire(hostKey(spec.url), ctx.signal).catch((e: unknown) => {
    throw new RequestError('aborted', 0, e);
  });
  const ac = new AbortController();
  let timedOut = false;
  const remaining = spec.deadline - ctx.clockMs();
  const timer = setTimeout(
    () => {
      timedOut = true;
      ac.abort(new Error('timeout'));
    },
    Math.max(0, remaining),
  );
  const onOuterAbort = () => ac.abort(ctx.signal?.reason);
  ctx.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    if (remaining <= 0) throw new Error('deadline passed');
    const res = await ctx.fetch(spec.url, {
      method: spec.method,
      redirect: spec.redirect,
      cache: 'no-store',
      signal: ac.signal,
      headers: { accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8' },
    });
    const isRedirect = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
    const contentLength = lengthHeader(res.headers.get('content-length'));
    let body: Uint8Array | null = null;
    if (spec.readBody && !isRedirect && res.status < 400 && spec.method === 'GET') {
      // A declared length over the cap is refused before reading a byte; the count below
      // catches the rest (no header, a lying header, compressed bodies that inflate).
      if (contentLength !== null && contentLength > ctx.maxBytes && !res.headers.get('content-encoding')) {
        await discardBody(res.body);
        throw new RequestError('too-large', 0);
      }
      body = await readCapped(res.body, ctx.maxBytes, () => new RequestError('too-large', 0));
    } else {
      await discardBody(res.body);
    }
    return {
      status: res.status,
      type: res.type,
      location: res.headers.get('location'),
      contentType: res.headers.get('content-type'),
      contentLength,
      retryAfter: res.headers.get('retry-after'),
      url: res.url,
      redirected: res.redirected,
      body,
    };
  } catch (e) {
    if (e instanceof RequestError) throw e;
    if (timedOut || remaining <= 0) throw new RequestError('timeout', 0, e);
    if (ctx.signal?.aborted) throw new RequestError('aborted', 0, e);
    const refusal = blockedRefusal(e);
    if (refusal) throw new RequestError('blocked', 0, e, refusal);
    throw new RequestError('network', 0, e);
  } finally {
    clearTimeout(timer);
    ctx.signal?.removeEventListener('abort', onOuterAbort);
    release();
  }
}

function retryable(status: number): boolean {
  return status === 429 || (status >= 500 && status !== 501);
}

/** Milliseconds to wait from a Retry-After value (seconds or an HTTP date); null if absent. */
export function parseRetryAfter(value: string | null, now: Date): number | null {
  if (!value) return null;
  const v = value.trim();
  if (/^\d+$/.test(v)) return Number(v) * 1000;
  const at = Date.parse(v);
  return Number.isNaN(at) ? null : Math.max(0, at - now.getTime());
}

/**
 * Retries 5xx, 429, network errors and timeouts with doubling backoff, honouring Retry-After,
 * while the deadline allows. Refusals and oversized bodies are final: retrying changes nothing.
 */
export async function requestWithRetry(ctx: NetContext, spec: RequestSpec): Promise<RawResponse> {
  const retries = spec.retries ?? ctx.retries;
  for (let attempt = 0; ; attempt++) {
    const backoff = DEFAULTS.backoffBaseMs * 2 ** attempt * (1 + ctx.random() * 0.2);
    const canWait = (ms: number) => attempt < retries && ctx.clockMs() + ms < spec.deadline;
    let res: Omit<RawResponse, 'attempts'>;
    try {
      res = await requestOnce(ctx, spec);
    } catch (e) {
      const err = e instanceof RequestError ? e : new RequestError('network', 0, e);
      const final = err.kind === 'aborted' || err.kind === 'blocked' || err.kind === 'too-large';
      if (final || !canWait(backoff)) throw new RequestError(err.kind, attempt + 1, err.cause, err.refusal);
      await ctx.sleep(Math.round(backoff));
      continue;
    }
    if (!retryable(res.status)) return { ...res, attempts: attempt + 1 };
    const after = parseRetryAfter(res.retryAfter, ctx.now());
    const wait = Math.round(Math.min(after === null ? backoff : Math.max(after, 0), ctx.maxRetryAfterMs));
    if (!canWait(wait)) return { ...res, attempts: attempt + 1 };
    await ctx.sleep(wait);
  }
}
