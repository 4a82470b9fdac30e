import { abortError } from '../util/abort';

/** Counting semaphore per host, FIFO, so that a small municipal server is never hammered. */
export class HostLimiter {
  private readonly hosts = new Map<string, { active: number; queue: (() => void)[] }>();

  constructor(private readonly perHost: number) {
    if (!(perHost >= 1)) throw new RangeError('perHost must be ≥ 1');
  }

  async acquire(host: string, signal?: AbortSignal): Promise<() => void> {
    let h = this.hosts.get(host);
    if (!h) {
      h = { active: 0, queue: [] };
      this.hosts.set(host, h);
    }
    const slot = h;
    if (slot.active >= this.perHost) {
      await new Promise<void>((resolve, reject) => {
        const grant = () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          const i = slot.queue.indexOf(grant);
          if (i >= 0) slot.queue.splice(i, 1);
          reject(abortError(signal));
        };
        if (signal?.aborted) return onAbort();
        signal?.addEventListener('abort', onAbort, { once: true });
        slot.queue.push(grant);
      });
    } else {
      slot.active++;
    }
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const next = slot.queue.shift();
      if (next)
        next(); // the slot passes straight to the next waiter
      else slot.active--;
    };
  }

  async run<T>(host: string, fn: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const release = await this.acquire(host, signal);
    try {
      return await fn();
    } finally {
      release();
    }
  }
}
