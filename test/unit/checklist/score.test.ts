import { describe, expect, it } from 'vitest';
import { estimateScore, percentOf } from '../../../lib/checklist/score';

describe('estimateScore', () => {
  it('is the share of complete items, one decimal', () => {
    expect(estimateScore(['complete', 'incomplete', 'missing'])).toEqual({ score: 33.3, complete: 1, total: 3 });
    expect(estimateScore(['complete', 'complete', 'unreviewed'])).toEqual({ score: 66.7, complete: 2, total: 3 });
  });

  it('gives no partial credit to incomplete items', () => {
    expect(estimateScore(['incomplete', 'incomplete']).score).toBe(0);
  });

  it('scores 43 of 43 as 100 and an empty list as 0', () => {
    expect(estimateScore(Array(43).fill('complete')).score).toBe(100);
    expect(estimateScore([])).toEqual({ score: 0, complete: 0, total: 0 });
  });

  it('rounds 36 of 43 to 83.7', () => {
    expect(percentOf(36, 43)).toBe(83.7);
  });
});
