import { describe, expect, it } from 'vitest';
import { codeMapping, inheritors, lineageKind } from '../../../lib/criteria/lineage';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import { copySetToYear } from '../../../lib/criteria/editing';

const s2564 = () => getBuiltInSet('nacc-ita-oit/2564/all')!;
const s2565 = () => getBuiltInSet('nacc-ita-oit/2565/all')!;
const s2566 = () => getBuiltInSet('nacc-ita-oit/2566/all')!;
const lookup = (id: string) => getBuiltInSet(id);

describe('item lineage between years', () => {
  it('names each kind of change', () => {
    expect(lineageKind({ code: 'O5', mapsFrom: ['O5'] })).toBe('same');
    expect(lineageKind({ code: 'O14', mapsFrom: ['O13'] })).toBe('renumbered');
    expect(lineageKind({ code: 'O11', mapsFrom: ['O10', 'O18'] })).toBe('merged');
    expect(lineageKind({ code: 'O10', mapsFrom: [] })).toBe('new');
    expect(lineageKind({ code: 'O10' })).toBe('new');
  });

  it('maps every item of every built-in later year to codes that exist in the previous set', () => {
    for (const [prev, next] of [
      [s2564(), s2565()],
      [s2565(), s2566()],
    ] as const) {
      expect(next.previousSetId).toBe(prev.id);
      const codes = new Set(prev.items.map((i) => i.code));
      for (const it of next.items) {
        expect(it.mapsFrom, `${next.id} ${it.code}`).toBeDefined();
        for (const c of it.mapsFrom!) expect(codes.has(c), `${next.id} ${it.code} ← ${c}`).toBe(true);
      }
    }
  });

  it('2565: O34 is new (No Gift Policy), the rest keep their code', () => {
    const m = codeMapping(s2564(), s2565(), lookup);
    expect(m.get('O34')).toEqual([]);
    expect(m.get('O36')).toEqual(['O36']);
    expect(m.get('O5')).toEqual(['O5']);
  });

  it('2566 from 2564 follows the chain through 2565: merges, renumbering and new items', () => {
    const m = codeMapping(s2564(), s2566(), lookup);
    expect(m.get('O11')).toEqual(['O10', 'O18']);
    expect(m.get('O19')).toEqual(['O21']);
    expect(m.get('O31')).toEqual([]); // 2565 O34 is itself new, so no 2564 page is inherited
    expect(m.get('O10')).toEqual([]);
    const inv = inheritors(codeMapping(s2565(), s2566(), lookup));
    expect(inv.get('O34')).toEqual(['O31']);
    expect(inv.get('O32')).toBeUndefined();
  });

  it('between unrelated sets, inherits only from the same code with the same Thai name', () => {
    const copy = { ...copySetToYear(s2564(), 2570), previousSetId: undefined };
    copy.items = copy.items.map((it) => (it.code === 'O7' ? { ...it, nameTh: 'ข้ออื่น' } : it));
    const m = codeMapping(s2564(), copy, lookup);
    expect(m.get('O5')).toEqual(['O5']);
    expect(m.get('O7')).toEqual([]);
  });
});
