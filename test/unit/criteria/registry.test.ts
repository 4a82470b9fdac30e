import { describe, expect, it } from 'vitest';
import {
  builtInSets,
  compareCodes,
  criteriaIndex,
  DEFAULT_SET_ID,
  getBuiltInSet,
} from '../../../lib/criteria/registry';

describe('registry', () => {
  it('lists the built-in set and finds it by id', () => {
    expect(builtInSets().map((s) => s.id)).toEqual([DEFAULT_SET_ID, 'nacc-ita-oit/2565/all', 'nacc-ita-oit/2566/all']);
    expect(getBuiltInSet()?.id).toBe('nacc-ita-oit/2564/all');
    expect(getBuiltInSet('nope/1/x')).toBeUndefined();
  });

  it('orders codes naturally', () => {
    expect(['O10', 'O2', 'O1', 'O43', 'A3', 'O9'].sort(compareCodes)).toEqual(['A3', 'O1', 'O2', 'O9', 'O10', 'O43']);
    expect(compareCodes('O2', 'O10')).toBeLessThan(0);
    expect(compareCodes('O5', 'O5')).toBe(0);
  });

  it('indexes by code and groups indicator → sub-indicator → items', () => {
    const idx = criteriaIndex(getBuiltInSet()!);
    expect(idx.byCode.get('O23')?.nameEn).toMatch(/Monthly procurement/);
    expect(idx.ordered.map((i) => i.code).slice(0, 3)).toEqual(['O1', 'O2', 'O3']);
    expect(idx.groups.map((g) => g.number)).toEqual([9, 10]);
    const counts = idx.groups.flatMap((g) => g.subindicators.map((s) => [s.subindicator.code, s.items.length]));
    expect(counts).toEqual([
      ['9.1', 9],
      ['9.2', 8],
      ['9.3', 7],
      ['9.4', 4],
      ['9.5', 5],
      ['10.1', 8],
      ['10.2', 2],
    ]);
    expect(idx.groups[0]!.subindicators[1]!.items.map((i) => i.code)).toEqual([
      'O10',
      'O11',
      'O12',
      'O13',
      'O14',
      'O15',
      'O16',
      'O17',
    ]);
  });

  it('sorts items of a shuffled set naturally', () => {
    const set = structuredClone(getBuiltInSet()!);
    set.items.reverse();
    expect(
      criteriaIndex(set)
        .ordered.map((i) => i.code)
        .slice(0, 11),
    ).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9', 'O10', 'O11']);
  });
});
