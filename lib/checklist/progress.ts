import type { ItemStatus } from '../evidence/types';
import { percentOf } from './score';

export interface Progress {
  complete: number;
  total: number;
  /** One decimal, 0 when total is 0. */
  percent: number;
}

/** Counts items per group key, keeping the order in which groups were first declared or seen. */
export class ProgressTally<K> {
  private readonly counts = new Map<K, { complete: number; total: number }>();

  declare(key: K): void {
    if (!this.counts.has(key)) this.counts.set(key, { complete: 0, total: 0 });
  }

  add(key: K, status: ItemStatus): void {
    let entry = this.counts.get(key);
    if (!entry) {
      entry = { complete: 0, total: 0 };
      this.counts.set(key, entry);
    }
    entry.total++;
    if (status === 'complete') entry.complete++;
  }

  has(key: K): boolean {
    return this.counts.has(key);
  }

  get(key: K): Progress {
    const entry = this.counts.get(key) ?? { complete: 0, total: 0 };
    return toProgress(entry.complete, entry.total);
  }

  keys(): K[] {
    return [...this.counts.keys()];
  }
}

export function toProgress(complete: number, total: number): Progress {
  return { complete, total, percent: percentOf(complete, total) };
}
