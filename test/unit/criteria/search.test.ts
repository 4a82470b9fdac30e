import { describe, expect, it } from 'vitest';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import { normalizeSearchText, searchCriteria } from '../../../lib/criteria/search';

const set = getBuiltInSet()!;
const codes = (q: string, lang?: 'th' | 'en') => searchCriteria(set, q, lang).map((i) => i.code);

describe('searchCriteria', () => {
  it('returns everything in natural order for an empty query', () => {
    expect(codes('')).toHaveLength(43);
    expect(codes('   ').slice(0, 10)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5', 'O6', 'O7', 'O8', 'O9', 'O10']);
  });

  it.each(['O5', 'o5', '5', '๕', 'O๕', ' o 5 '])('finds O5 exactly for %j', (q) => {
    expect(codes(q)).toEqual(['O5']);
  });

  it('puts the exact code before code prefixes', () => {
    expect(codes('1')).toEqual(['O1', 'O10', 'O11', 'O12', 'O13', 'O14', 'O15', 'O16', 'O17', 'O18', 'O19']);
    expect(codes('O4')).toEqual(['O4', 'O40', 'O41', 'O42', 'O43']);
  });

  it('matches Thai names by substring', () => {
    expect(codes('ข้อมูลการติดต่อ')).toEqual(['O5']);
    expect(codes('รอบ 6 เดือน')).toEqual(['O11', 'O19', 'O40']);
    expect(codes('รอบ ๖ เดือน')).toEqual(['O11', 'O19', 'O40']);
  });

  it('matches English names case-insensitively', () => {
    expect(codes('CONTACT information')).toEqual(['O5']);
    expect(codes('procurement', 'en')).toEqual(['O21', 'O22', 'O23', 'O24']);
  });

  it('ranks name matches before element-label matches', () => {
    // "โทรสาร" (fax) is only an element label of O5; "แผนที่" is in O5's map element and in no names.
    expect(codes('โทรสาร')).toEqual(['O5']);
    const r = codes('budget');
    expect(r.slice(0, 3)).toEqual(['O18', 'O19', 'O20']); // "budget" in the English name
    expect(r.slice(3)).toContain('O10'); // O10 has a "budget" element only
    expect(r.slice(3)).toContain('O24');
  });

  it('limits text matching to one language when asked', () => {
    expect(codes('Contact information', 'th')).toEqual([]);
    expect(codes('ข้อมูลการติดต่อ', 'en')).toEqual([]);
  });

  it('returns nothing for an unmatched query', () => {
    expect(codes('zzzz')).toEqual([]);
  });
});

describe('normalizeSearchText', () => {
  it('lower-cases, maps Thai digits and collapses spaces', () => {
    expect(normalizeSearchText('  O๔๓   Foo ')).toBe('o43 foo');
  });
});
