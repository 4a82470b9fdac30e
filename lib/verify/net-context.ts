import { HostLimiter } from './host-limiter';
import type { FetchLike, VerifyOptions } from './types';

export const DEFAULTS = {
  perHost: 2,
  timeoutMs: 20_000,
  retries: 3,
  maxRetryAfterMs: 60_000,
  backoffBaseMs: 500,
  maxHops: 10,
} as const;

/** Everything the network layer needs; built once per run and shared by all checks. */
export interface NetContext {
  fetch: FetchLike;
  limiter: HostLimiter;
  timeoutMs: number;
  retries: number;
  maxRetryAfterMs: number;
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): Date;
  signal?: AbortSignal;
  /** Set once a manual redirect came back opaque (extension pages): follow from then on. */
  state: { manualOpaque: boolean };
}

export function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(signal?.reason);
    };
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

export function makeNetContext(opts: VerifyOptions): NetContext {
  return {
    fetch: opts.fetch,
    limiter: new HostLimiter(opts.perHost ?? DEFAULTS.perHost),
    timeoutMs: opts.timeoutMs ?? DEFAULTS.timeoutMs,
    retries: opts.retries ?? DEFAULTS.retries,
    maxRetryAfterMs: opts.maxRetryAfterMs ?? DEFAULTS.maxRetryAfterMs,
    sleep: opts.sleep ?? ((ms) => defaultSleep(ms, opts.signal)),
    random: opts.random ?? Math.random,
    now: opts.now ?? (() => new Date()),
    signal: opts.signal,
    state: { manualOpaque: false },
  };
}
