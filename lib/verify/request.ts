/** One HTTP request (per-host slot, timeout, cache: 'no-store') and its retry loop. */
import { DEFAULTS, type NetContext } from './net-context';
import { hostKey } from '../util/url';

export interface RawResponse {
  status: number;
  type: string;
  location: string | null;
  contentType: string | null;
  retryAfter: string | null;
  url: string;
  redirected: boolean;
  body: Uint8Array | null;
  attempts: number;
}

export class RequestError extends Error {
  constructor(
    readonly kind: 'network' | 'timeout' | 'aborted',
    readonly attempts: number,
    cause?: unknown,
  ) {
    super(kind, { cause });
  }
}

export interface RequestSpec {
  url: string;
  method: 'GET' | 'HEAD';
  redirect: 'manual' | 'follow';
  readBody: boolean;
}

async function requestOnce(ctx: NetContext, spec: RequestSpec): Promise<Omit<RawResponse, 'attempts'>> {
  if (ctx.signal?.aborted) throw new RequestError('aborted', 0, ctx.signal.reason);
  const release = await ctx.limiter.acquire(hostKey(spec.url), ctx.signal).catch((e: unknown) => {
    throw new RequestError('aborted', 0, e);
  });
  const ac = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ac.abort(new Error('timeout'));
  }, ctx.timeoutMs);
  const onOuterAbort = () => ac.abort(ctx.signal?.reason);
  ctx.signal?.addEventListener('abort', onOuterAbort, { once: true });
  try {
    const res = await ctx.fetch(spec.url, {
      method: spec.method,
      redirect: spec.redirect,
      cache: 'no-store',
      signal: ac.signal,
      headers: { accept: 'text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8' },
    });
    const isRedirect = res.type === 'opaqueredirect' || (res.status >= 300 && res.status < 400);
    let body: Uint8Array | null = null;
    if (spec.readBody && !isRedirect && res.status < 400 && spec.method === 'GET') {
      body = new Uint8Array(await res.arrayBuffer());
    } else {
      await res.body?.cancel().catch(() => undefined);
    }
    return {
      status: res.status,
      type: res.type,
      location: res.headers.get('location'),
      contentType: res.headers.get('content-type'),
      retryAfter: res.headers.get('retry-after'),
      url: res.url,
      redirected: res.redirected,
      body,
    };
  } catch (e) {
    if (timedOut) throw new RequestError('timeout', 0, e);
    if (ctx.signal?.aborted) throw new RequestError('aborted', 0, e);
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

/** Retries 5xx, 429 and network errors/timeouts with doubling backoff, honouring Retry-After. */
export async function requestWithRetry(ctx: NetContext, spec: RequestSpec): Promise<RawResponse> {
  for (let attempt = 0; ; attempt++) {
    const backoff = DEFAULTS.backoffBaseMs * 2 ** attempt * (1 + ctx.random() * 0.2);
    let res: Omit<RawResponse, 'attempts'>;
    try {
      res = await requestOnce(ctx, spec);
    } catch (e) {
      const err = e instanceof RequestError ? e : new RequestError('network', 0, e);
      if (err.kind === 'aborted' || attempt >= ctx.retries) throw new RequestError(err.kind, attempt + 1, err.cause);
      await ctx.sleep(Math.round(backoff));
      continue;
    }
    if (!retryable(res.status) || attempt >= ctx.retries) return { ...res, attempts: attempt + 1 };
    const after = parseRetryAfter(res.retryAfter, ctx.now());
    const wait = after === null ? backoff : Math.max(after, 0);
    await ctx.sleep(Math.round(Math.min(wait, ctx.maxRetryAfterMs)));
  }
}
