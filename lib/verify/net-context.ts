import { DEFAULT_POLICY, type NetworkPolicy } from '../net/network-policy';
import { HostLimiter } from './host-limiter';
import type { FetchLike, VerifyOptions } from './types';
import { abortError } from '../util/abort';

export const DEFAULTS = {
  perHost: 2,
  timeoutMs: 20_000,
  retries: 3,
  maxRetryAfterMs: 60_000,
  backoffBaseMs: 500,
  maxHops: 10,
  /** Bodies are read up to this many (decompressed) bytes; more is `too-large`. */
  maxBytes: 20 * 1024 * 1024,
  /** Targets checked at once across all hosts; the per-host limit still applies below it. */
  concurrency: 32,
} as const;

/** Everything the network layer needs; built once per run and shared by all checks. */
export interface NetContext {
  fetch: FetchLike;
  limiter: HostLimiter;
  timeoutMs: number;
  retries: number;
  maxRetryAfterMs: number;
  maxBytes: number;
  policy: NetworkPolicy;
  /** DNS, where the platform offers it: every address a host resolves to is checked. */
  resolve?: (hostname: string) => Promise<string[]>;
  sleep(ms: number): Promise<void>;
  random(): number;
  now(): Date;
  /** Monotonic milliseconds, for deadlines (independent of the injectable wall clock). */
  clockMs(): number;
  signal?: AbortSignal;
  /** Set once a manual redirect came back opaque (extension pages): follow from then on. */
  state: { manualOpaque: boolean };
}

function defaultSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError(signal));
    const t = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(t);
      reject(abortError(signal));
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
    maxBytes: opts.maxBytes ?? DEFAULTS.maxBytes,
    policy: opts.policy ?? DEFAULT_POLICY,
    ...(opts.resolve ? { resolve: opts.resolve } : {}),
    sleep: opts.sleep ?? ((ms) => defaultSleep(ms, opts.signal)),
    random: opts.random ?? Math.random,
    now: opts.now ?? (() => new Date()),
    clockMs: () => performance.now(),
    signal: opts.signal,
    state: { manualOpaque: false },
  };
}
