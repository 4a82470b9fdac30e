import { describe, expect, it } from 'vitest';
import raw from '../../../lib/criteria/sets/nacc-ita-oit-2564.json';
import { validateCriteriaSet, validateOit2564Split } from '../../../lib/criteria/validate';
import { DEFAULT_SET_ID, getBuiltInSet } from '../../../lib/criteria/registry';
import type { CriteriaSet } from '../../../lib/criteria/types';

function builtIn(): CriteriaSet {
  const set = getBuiltInSet(DEFAULT_SET_ID);
  if (!set) throw new Error('missing built-in set');
  return set;
}

describe('built-in OIT 2564 set', () => {
  it('validates and has id nacc-ita-oit/2564/all', () => {
    const r = validateCriteriaSet(raw);
    expect(r.ok ? [] : r.errors).toEqual([]);
    expect(builtIn().id).toBe('nacc-ita-oit/2564/all');
    expect(builtIn().fiscalYear).toBe(2564);
  });

  it('has 43 unique codes O1..O43 and passes the official split', () => {
    const codes = builtIn().items.map((i) => i.code);
    expect(new Set(codes).size).toBe(43);
    expect(codes).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    expect(validateOit2564Split(builtIn())).toEqual([]);
  });

  it('names indicators 9 and 10 and the seven sub-indicators in Thai and English', () => {
    const s = builtIn();
    expect(s.indicators.map((i) => [i.number, i.nameTh])).toEqual([
      [9, 'การเปิดเผยข้อมูล'],
      [10, 'การป้องกันการทุจริต'],
    ]);
    expect(s.subindicators.map((x) => `${x.code} ${x.nameTh}`)).toEqual([
      '9.1 ข้อมูลพื้นฐาน', '9.2 การบริหารงาน', '9.3 การบริหารเงินงบประมาณ', '9.4 การบริหารและพัฒนาทรัพยากรบุคคล',
      '9.5 การส่งเสริมความโปร่งใส', '10.1 การดำเนินการเพื่อป้องกันการทุจริต', '10.2 มาตรการภายในเพื่อป้องกันการทุจริต',
    ]);
    for (const x of s.subindicators) expect(x.nameEn).not.toBe('');
  });

  it('splits O5 into the five contact elements', () => {
    const o5 = builtIn().items.find((i) => i.code === 'O5')!;
    expect(o5.elements.map((e) => [e.key, e.th])).toEqual([
      ['address', 'ที่อยู่'],
      ['phone', 'หมายเลขโทรศัพท์'],
      ['fax', 'หมายเลขโทรสาร'],
      ['email', 'ไปรษณีย์อิเล็กทรอนิกส์ (E-mail)'],
      ['map', 'แผนที่ตั้ง'],
    ]);
    expect(o5.confidence).toBe('A');
  });

  it('maps period rules from the CSV', () => {
    const by = new Map(builtIn().items.map((i) => [i.code, i]));
    expect(by.get('O1')!.periodRule).toEqual({ kind: 'current' });
    expect(by.get('O7')!.periodRule).toEqual({ kind: 'fiscal-year', offset: 0 });
    expect(by.get('O12')!.periodRule).toEqual({ kind: 'fiscal-year', offset: -1 });
    for (const c of ['O11', 'O19', 'O40'])
      expect(by.get(c)!.periodRule).toEqual({ kind: 'range', from: '2020-10-01', to: '2021-03-31' });
    expect(by.get('O23')!.periodRule).toEqual({ kind: 'range', from: '2020-10-01', to: '2021-03-31', monthly: true });
    expect(by.get('O11')!.periodText).toBe('2020-10-01..2021-03-31 (1 ต.ค.63-31 มี.ค.64)');
  });

  it('keeps confidence and none-rules', () => {
    const by = new Map(builtIn().items.map((i) => [i.code, i]));
    expect(by.get('O15')!.confidence).toBe('C');
    expect(by.get('O34')!.confidence).toBe('C');
    expect(by.get('O21')!.noneRule).toMatch(/statement/);
    expect(by.get('O1')!.noneRule).toBeNull();
  });

  it('every item has at least one element with Thai and English labels', () => {
    for (const it of builtIn().items) {
      expect(it.elements.length, it.code).toBeGreaterThan(0);
      for (const e of it.elements) {
        expect(e.th.trim(), `${it.code}.${e.key}`).not.toBe('');
        expect(e.en.trim(), `${it.code}.${e.key}`).not.toBe('');
      }
    }
  });
});

describe('validateOit2564Split', () => {
  it('reports a moved item, a missing code and the wrong count', () => {
    const s = structuredClone(builtIn());
    s.items[9]!.subindicator = '9.1'; // O10 belongs to 9.2
    s.items.pop(); // drop O43
    const errs = validateOit2564Split(s);
    expect(errs).toContainEqual({ code: 'oit-item-count', path: 'items', params: { count: 42 } });
    expect(errs).toContainEqual({ code: 'oit-missing-code', path: 'items', params: { code: 'O43' } });
    expect(errs).toContainEqual({
      code: 'oit-wrong-subindicator', path: 'items[9].subindicator', params: { code: 'O10', expected: '9.2', actual: '9.1' },
    });
    expect(errs).toHaveLength(3);
  });
});
