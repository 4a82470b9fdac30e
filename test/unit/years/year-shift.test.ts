import { describe, expect, it } from 'vitest';
import { shiftIsoDate, shiftSetToYear, shiftText } from '../../../lib/criteria/year-shift';
import { getBuiltInSet } from '../../../lib/criteria/registry';

describe('moving a criteria set to another fiscal year', () => {
  it('shifts B.E. years in Arabic and Thai digits, and two-digit years after a Thai month', () => {
    expect(shiftText('รายงานรอบ 6 เดือน (1 ต.ค.63 - 31 มี.ค. 64) ปี 2564', 1)).toBe(
      'รายงานรอบ 6 เดือน (1 ต.ค.64 - 31 มี.ค. 65) ปี 2565',
    );
    expect(shiftText('ประจำปี พ.ศ. ๒๕๖๔', 2)).toBe('ประจำปี พ.ศ. ๒๕๖๖');
    expect(shiftText('แผน 2561–2565', 1)).toBe('แผน 2562–2566');
  });

  it('leaves numbers that are not years alone', () => {
    expect(shiftText('โทร 025641234, ไม่น้อยกว่า 5 ฉบับ, 12564', 1)).toBe('โทร 025641234, ไม่น้อยกว่า 5 ฉบับ, 12564');
  });

  it('moves Gregorian dates, and 29 February to the 28th in a common year', () => {
    expect(shiftIsoDate('2020-10-01', 1)).toBe('2021-10-01');
    expect(shiftIsoDate('2024-02-29', 1)).toBe('2025-02-28');
  });

  it('gives the copy a new id and year, shifts period dates and text, keeps codes and element keys', () => {
    const s2564 = getBuiltInSet('nacc-ita-oit/2564/all')!;
    const s = shiftSetToYear(s2564, 2570);
    expect(s.id).toBe('nacc-ita-oit/2570/all');
    expect(s.fiscalYear).toBe(2570);
    expect(s.titleTh).toContain('2570');
    const o11 = s.items.find((i) => i.code === 'O11')!;
    const before = s2564.items.find((i) => i.code === 'O11')!;
    if (before.periodRule.kind === 'range')
      expect(o11.periodRule).toMatchObject({ from: '2026-10-01', to: '2027-03-31' });
    expect(o11.elements.map((e) => e.key)).toEqual(before.elements.map((e) => e.key));
    expect(s.items.map((i) => i.code)).toEqual(s2564.items.map((i) => i.code));
    expect(s2564.fiscalYear).toBe(2564);
    expect(JSON.stringify(s)).not.toMatch(/256[34]/);
  });
});
