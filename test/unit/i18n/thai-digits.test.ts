import { describe, expect, it } from 'vitest';
import { parseLocaleInt, toArabicDigits, toThaiDigits } from '../../../lib/i18n/thai-digits';

describe('thai digits', () => {
  it('converts Thai digits to Arabic and leaves other text', () => {
    expect(toArabicDigits('พ.ศ. ๒๕๖๔ ข้อ ๐๔๓')).toBe('พ.ศ. 2564 ข้อ 043');
    expect(toArabicDigits('O5')).toBe('O5');
  });

  it('converts Arabic digits (strings or numbers) to Thai', () => {
    expect(toThaiDigits('5 มีนาคม 2564')).toBe('๕ มีนาคม ๒๕๖๔');
    expect(toThaiDigits(1234567890)).toBe('๑๒๓๔๕๖๗๘๙๐');
  });

  it('round-trips', () => {
    const s = 'O1–O43, 1 ต.ค. 2563';
    expect(toArabicDigits(toThaiDigits(s))).toBe(s);
  });

  it.each([
    ['๒๕๖๔', 2564],
    [' 2564 ', 2564],
    ['๑,๒๓๔', 1234],
    ['-7', -7],
    ['+๓', 3],
    ['0', 0],
  ])('parseLocaleInt(%j) = %d', (s, n) => {
    expect(parseLocaleInt(s)).toBe(n);
  });

  it.each(['', '  ', 'abc', '12a', '1.5', '1,23', '๑๒ ๓', '99999999999999999999'])('parseLocaleInt(%j) = null', (s) => {
    expect(parseLocaleInt(s)).toBeNull();
  });
});
