import type { ItemStatus } from '../evidence/types';

export interface ScoreEstimate {
  /** 0–100, one decimal. An estimate: the real score is the assessors' verdict. */
  score: number;
  complete: number;
  total: number;
}

/** One decimal, 0 when `total` is 0. */
export function percentOf(part: number, total: number): number {
  if (total <= 0) return 0;
  return Math.round((part / total) * 1000) / 10;
}

/** Each item scores 100 (มี) or 0, so the estimate is the share of items at 'complete'. */
export function estimateScore(statuses: readonly ItemStatus[]): ScoreEstimate {
  let complete = 0;
  for (const status of statuses) if (status === 'complete') complete++;
  return { score: percentOf(complete, statuses.length), complete, total: statuses.length };
}
