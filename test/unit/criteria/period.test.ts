import { describe, expect, it } from 'vitest';
import { judgePeriod, periodYears } from '../../../lib/criteria/period';
import { findYearSpans } from '../../../lib/criteria/period-text';
import type { PeriodRule } from '../../../lib/criteria/types';

const FY = 2564;
const verdict = (rule: PeriodRule, text: string) => judgePeriod(rule, FY, text).verdict;

describe('findYearSpans', () => {
  it('reads single years, ranges and short forms in Arabic and Thai digits', () => {
    expect(findYearSpans('แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑-๒๕๖๕)').map((s) => [s.from, s.to])).toEqual([[2561, 2565]]);
    expect(findYearSpans('แผน 4 ปี (2561 – 2564) ปรับปรุง 2563').map((s) => [s.from, s.to])).toEqual([
      [2561, 2564],
      [2563, 2563],
    ]);
    expect(findYearSpans('พ.ศ. 2561 ถึง 2565').map((s) => [s.from, s.to])).toEqual([[2561, 2565]]);
    expect(findYearSpans('แผน 2561-65').map((s) => [s.from, s.to])).toEqual([[2561, 2565]]);
    expect(findYearSpans('ปีงบประมาณ 64').map((s) => [s.from, s.to])).toEqual([[2564, 2564]]);
    expect(findYearSpans('๑ ต.ค. ๖๓ – ๓๑ มี.ค.๖๔').map((s) => [s.from, s.to])).toEqual([
      [2563, 2563],
      [2564, 2564],
    ]);
  });

  it('does not read a backwards or implausibly long pair as a range', () => {
    expect(findYearSpans('2565-2561').map((s) => [s.from, s.to])).toEqual([
      [2565, 2565],
      [2561, 2561],
    ]);
    expect(findYearSpans('2500-2564').map((s) => [s.from, s.to])).toEqual([
      [2500, 2500],
      [2564, 2564],
    ]);
  });
});

describe('period kinds', () => {
  it('covers: a 2561–2565 plan covers 2564; a 2566–2570 plan does not', () => {
    const covers: PeriodRule = { kind: 'covers' };
    expect(verdict(covers, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2561-2565)')).toBe('ok');
    expect(verdict(covers, 'แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑–๒๕๖๕)')).toBe('ok');
    expect(verdict(covers, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)')).toBe('other-years');
    expect(verdict(covers, 'แผนป้องกันการทุจริต 2561-2563')).toBe('other-years');
    expect(verdict(covers, 'แผนพัฒนาท้องถิ่น')).toBe('no-year');
    expect(periodYears(covers, FY)).toEqual([2564]);
  });

  it('covers with minYears: a one-year plan for 2564 is too short for O4', () => {
    const o4: PeriodRule = { kind: 'covers', minYears: 2 };
    expect(verdict(o4, 'แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564')).toBe('too-short');
    expect(verdict(o4, 'แผนพัฒนาท้องถิ่น (พ.ศ. 2561-2565)')).toBe('ok');
    expect(verdict({ kind: 'covers' }, 'แผนดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564')).toBe('ok');
  });

  it('in force: a policy made in 2563 or earlier still counts; one made later does not', () => {
    const inForce: PeriodRule = { kind: 'in-force' };
    expect(verdict(inForce, 'นโยบายการบริหารทรัพยากรบุคคล ประกาศ ณ วันที่ 1 ตุลาคม 2563')).toBe('ok');
    expect(verdict(inForce, 'แผนบริหารทรัพยากรบุคคล 2564-2566')).toBe('ok');
    expect(verdict(inForce, 'แผนอัตรากำลัง 3 ปี 2561-2563')).toBe('other-years');
    expect(verdict(inForce, 'นโยบาย ประกาศ 2565')).toBe('other-years');
  });

  it('fiscal year with an offset: the year itself, printed', () => {
    expect(verdict({ kind: 'fiscal-year', offset: 0 }, 'ข่าว 15 ม.ค. 2564')).toBe('ok');
    expect(verdict({ kind: 'fiscal-year', offset: 0 }, 'แผน 2561-2565')).toBe('other-years');
    expect(verdict({ kind: 'fiscal-year', offset: -1 }, 'รายงานผลประจำปี ๒๕๖๓')).toBe('ok');
    expect(verdict({ kind: 'fiscal-year', offset: -1 }, 'รายงานผลประจำปี 2564')).toBe('other-years');
    expect(periodYears({ kind: 'fiscal-year', offset: -1 }, FY)).toEqual([2563]);
  });

  it('range and first half: either calendar year of October–March', () => {
    const range: PeriodRule = { kind: 'range', from: '2020-10-01', to: '2021-03-31' };
    expect(periodYears(range, FY)).toEqual([2563, 2564]);
    expect(periodYears({ kind: 'first-half' }, FY)).toEqual([2563, 2564]);
    expect(verdict({ kind: 'first-half' }, 'ต.ค. 2563 – มี.ค. 2564')).toBe('ok');
    expect(verdict(range, 'รายงาน 2562')).toBe('other-years');
  });

  it('current: no year needed', () => {
    expect(periodYears({ kind: 'current' }, FY)).toBeNull();
    expect(verdict({ kind: 'current' }, 'พ.ร.บ. 2496')).toBe('ok');
  });
});
