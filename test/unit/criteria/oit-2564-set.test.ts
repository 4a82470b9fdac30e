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
      '9.1 ข้อมูลพื้นฐาน',
      '9.2 การบริหารงาน',
      '9.3 การบริหารเงินงบประมาณ',
      '9.4 การบริหารและพัฒนาทรัพยากรบุคคล',
      '9.5 การส่งเสริมความโปร่งใส',
      '10.1 การดำเนินการเพื่อป้องกันการทุจริต',
      '10.2 มาตรการภายในเพื่อป้องกันการทุจริต',
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
    expect(o5.elements.every((e) => e.required)).toBe(true);
  });

  it('maps the period rules, with the corrected kinds', () => {
    const by = new Map(builtIn().items.map((i) => [i.code, i]));
    expect(by.get('O1')!.periodRule).toEqual({ kind: 'current' });
    expect(by.get('O7')!.periodRule).toEqual({ kind: 'fiscal-year', offset: 0 });
    expect(by.get('O12')!.periodRule).toEqual({ kind: 'fiscal-year', offset: -1 });
    for (const c of ['O11', 'O15', 'O19', 'O31', 'O40'])
      expect(by.get(c)!.periodRule, c).toEqual({ kind: 'first-half' });
    expect(by.get('O23')!.periodRule).toEqual({ kind: 'first-half', monthly: true });
    expect(by.get('O11')!.periodText).toBe('2020-10-01..2021-03-31 (1 ต.ค.63-31 มี.ค.64)');
  });

  it('keeps none-rules and cites a source for every item', () => {
    const by = new Map(builtIn().items.map((i) => [i.code, i]));
    expect(by.get('O21')!.noneRule).toMatch(/statement/);
    expect(by.get('O1')!.noneRule).toBeNull();
    for (const it of builtIn().items) {
      expect(it.source?.quote.trim(), it.code).toBeTruthy();
      expect(it.source?.document.trim(), it.code).toBeTruthy();
    }
    expect(by.get('O5')!.source).toMatchObject({ date: '2021-02-22', quote: expect.stringContaining('หมายเลขโทรสาร') });
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
      code: 'oit-wrong-subindicator',
      path: 'items[9].subindicator',
      params: { code: 'O10', expected: '9.2', actual: '9.1' },
    });
    expect(errs).toHaveLength(3);
  });
});

/** The corrections of research/items.md (issue 10 §2), one test per item rule. */
describe('OIT 2564 corrected rules', () => {
  const by = () => new Map(builtIn().items.map((i) => [i.code, i]));
  const keys = (code: string, required: boolean) =>
    by()
      .get(code)!
      .elements.filter((e) => e.required === required)
      .map((e) => e.key);

  it('O34: no language versions; the current top executive, cross-checked with O2 and signed', () => {
    const o34 = by().get('O34')!;
    expect(o34.elements.map((e) => e.key)).toEqual(['pledge']);
    expect(o34.periodRule).toEqual({ kind: 'current' });
    expect(o34.hintRules).toEqual([{ kind: 'signed-by-top-executive' }, { kind: 'current-executive', item: 'O2' }]);
    expect(o34.confidence).not.toBe('C');
  });

  it('O35: the current top executive, cross-checked with O2', () => {
    const o35 = by().get('O35')!;
    expect(o35.elements[0]!.th).toContain('คนปัจจุบัน');
    expect(o35.hintRules).toEqual([{ kind: 'current-executive', item: 'O2' }]);
  });

  it('O15 and O31: at least the first half, any granularity; O15 raised to confidence A', () => {
    expect(by().get('O15')!.periodRule).toEqual({ kind: 'first-half' });
    expect(by().get('O31')!.periodRule).toEqual({ kind: 'first-half' });
    expect(by().get('O15')!.confidence).toBe('A');
    expect(by().get('O31')!.noneRule).toMatch(/ไม่มีเรื่องร้องเรียน/);
  });

  it('O14: only the service type and its steps are required', () => {
    expect(keys('O14', true)).toEqual(['service', 'steps']);
    expect(keys('O14', false)).toEqual(['duration', 'channel', 'documents']);
  });

  it('O22: invitations and award notices are examples in an any-of group of one', () => {
    const o22 = by().get('O22')!;
    expect(keys('O22', true)).toEqual([]);
    expect(o22.anyOf).toEqual([
      expect.objectContaining({ key: 'announcements', min: 1, elements: ['invitations', 'winners'] }),
    ]);
  });

  it('O29: how outsiders complain, the steps, the unit and the time frame; follow-up optional', () => {
    expect(keys('O29', true)).toEqual(['complaint_channels', 'steps', 'responsible_unit', 'timeframe']);
    expect(by().get('O29')!.elements[0]!.th).toBe('วิธีการที่บุคคลภายนอกจะทำการร้องเรียน');
    expect(keys('O29', false)).toEqual(['follow_up']);
  });

  it('O4 and O39: a plan whose period covers 2564; O4 longer than one year. O25: in force', () => {
    expect(by().get('O4')!.periodRule).toEqual({ kind: 'covers', minYears: 2 });
    expect(by().get('O39')!.periodRule).toEqual({ kind: 'covers' });
    expect(by().get('O25')!.periodRule).toEqual({ kind: 'in-force' });
  });

  it('O27 keeps its five elements, appointment included', () => {
    expect(keys('O27', true)).toEqual(['recruitment', 'appointment', 'development', 'appraisal', 'reward_discipline']);
  });

  it('examples are marked: O10, O11, O24 and O42 lists do not block the item', () => {
    expect(keys('O10', true)).toEqual(['plan']);
    expect(keys('O10', false)).toEqual(['projects', 'budget', 'timeframe']);
    expect(keys('O11', false)).toEqual(['budget_used']);
    expect(keys('O24', true)).toEqual(['report']);
    expect(keys('O24', false)).toEqual(['budget_used', 'problems', 'suggestions']);
    expect(keys('O42', false)).toEqual(['responsible', 'steps', 'monitoring']);
  });

  it('O2: name, position, photo and contact are checked for each executive', () => {
    const o2 = by().get('O2')!;
    expect(o2.elements.filter((e) => e.perPerson).map((e) => e.key)).toEqual([
      'full_name',
      'position',
      'photo',
      'contact',
    ]);
    expect(o2.elements.filter((e) => !e.perPerson).map((e) => e.key)).toEqual(['top_executive', 'executives']);
  });

  it('unverified items (elements not in any source) stay at confidence B', () => {
    for (const c of ['O16', 'O18', 'O21', 'O23', 'O36']) expect(by().get(c)!.confidence, c).toBe('B');
  });
});
