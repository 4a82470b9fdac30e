import { describe, expect, it } from 'vitest';
import {
  ENGLISH_MONTHS,
  fiscalYearOf,
  fiscalYearRange,
  formatDateBE,
  parseDateInput,
  THAI_MONTHS,
  THAI_MONTHS_SHORT,
} from '../../../lib/i18n/buddhist-era';

describe('month tables', () => {
  it('has 12 full and abbreviated Thai months', () => {
    expect(THAI_MONTHS).toHaveLength(12);
    expect(THAI_MONTHS_SHORT).toHaveLength(12);
    expect(THAI_MONTHS[2]).toBe('มีนาคม');
    expect(THAI_MONTHS_SHORT[0]).toBe('ม.ค.');
    expect(THAI_MONTHS_SHORT[11]).toBe('ธ.ค.');
    expect(ENGLISH_MONTHS[9]).toBe('October');
  });
});

describe('formatDateBE', () => {
  it('formats ISO dates in the Buddhist Era', () => {
    expect(formatDateBE('2021-03-05', 'th')).toBe('5 มีนาคม 2564');
    expect(formatDateBE('2021-03-05', 'en')).toBe('5 March B.E. 2564');
    expect(formatDateBE('2021-03-05', 'th', { short: true })).toBe('5 มี.ค. 2564');
    expect(formatDateBE('2021-03-05', 'en', { short: true })).toBe('5 Mar B.E. 2564');
    expect(formatDateBE('2021-03-05', 'th', { thaiDigits: true })).toBe('๕ มีนาคม ๒๕๖๔');
  });

  it('reads instants in Asia/Bangkok by default, or in a given time zone', () => {
    const instant = '2021-03-04T18:30:00Z'; // 01:30 on 5 March in Bangkok
    expect(formatDateBE(instant, 'th', { time: true })).toBe('5 มีนาคม 2564 01:30 น.');
    expect(formatDateBE(instant, 'en', { time: true, timeZone: 'UTC' })).toBe('4 March B.E. 2564, 18:30');
    expect(formatDateBE(new Date(instant), 'th', { time: true, thaiDigits: true, short: true })).toBe(
      '๕ มี.ค. ๒๕๖๔ ๐๑:๓๐ น.',
    );
  });

  it('does not shift date-only values across time zones', () => {
    expect(formatDateBE('2020-10-01', 'th', { timeZone: 'America/Los_Angeles' })).toBe('1 ตุลาคม 2563');
  });

  it('returns unreadable input unchanged', () => {
    expect(formatDateBE('not a date', 'th')).toBe('not a date');
    expect(formatDateBE('2021-02-30', 'en')).toBe('2021-02-30');
  });
});

describe('parseDateInput', () => {
  it.each([
    ['5/3/2564', '2021-03-05'],
    ['๕/๓/๒๕๖๔', '2021-03-05'],
    ['2564-03-05', '2021-03-05'],
    ['2021-03-05', '2021-03-05'],
    ['5 มี.ค. 2564', '2021-03-05'],
    ['5 มีนาคม 64', '2021-03-05'],
    ['5/3/64', '2021-03-05'],
    ['5/3/2021', '2021-03-05'],
    ['31-12-2563', '2020-12-31'],
    ['5 มีนาคม พ.ศ. 2564', '2021-03-05'],
    ['วันที่ ๒๒ กุมภาพันธ์ ๒๕๖๔', '2021-02-22'],
    ['1 ต.ค. 63', '2020-10-01'],
    ['5 March 2021', '2021-03-05'],
    ['5 Dec 2564', '2021-12-05'],
    ['  29/2/2563 ', '2020-02-29'],
  ])('%j → %s', (s, iso) => {
    expect(parseDateInput(s)).toBe(iso);
  });

  it.each(['', 'hello', '31/2/2564', '29/2/2564', '5/13/2564', '5 เดือนห้า 2564', '2564-3', '0/1/2564'])(
    '%j → null',
    (s) => {
      expect(parseDateInput(s)).toBeNull();
    },
  );
});

describe('fiscal years', () => {
  it('starts the Thai fiscal year on 1 October', () => {
    expect(fiscalYearOf('2020-09-30')).toBe(2563);
    expect(fiscalYearOf('2020-10-01')).toBe(2564);
    expect(fiscalYearOf('2021-09-30')).toBe(2564);
    expect(fiscalYearOf('2021-10-01')).toBe(2565);
  });

  it('uses Bangkok time for instants', () => {
    expect(fiscalYearOf('2020-09-30T17:30:00Z')).toBe(2564); // 00:30 on 1 Oct in Bangkok
    expect(fiscalYearOf('2020-09-30T16:30:00Z')).toBe(2563);
  });

  it('returns null for garbage and gives the range of a year', () => {
    expect(fiscalYearOf('soon')).toBeNull();
    expect(fiscalYearRange(2564)).toEqual({ from: '2020-10-01', to: '2021-09-30' });
  });
});
