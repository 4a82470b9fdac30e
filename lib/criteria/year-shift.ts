/**
 * Moves a criteria set to another fiscal year: Buddhist Era years in its text, Gregorian dates in
 * its period rules, and its id and title. Relative rules (fiscal year with an offset, first half)
 * need no change. Source citations and lineage are left alone: they describe other documents.
 */
import type { CriteriaSet } from './types';
import { toArabicDigits, toThaiDigits } from '../i18n/thai-digits';

/** Keys whose values are about other documents or other sets, never shifted. */
const KEEP = new Set([
  'source',
  'mapsFrom',
  'previousSetId',
  'key',
  'code',
  'subindicator',
  'id',
  'framework',
  'agencyType',
]);

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A B.E. year written in Arabic or Thai digits, not inside a longer number. */
const BE_YEAR = /(?<![\d\u0E50-\u0E59])(25[4-9][\d]|๒๕[๔-๙][๐-๙])(?![\d\u0E50-\u0E59])/g;
/** Two-digit B.E. years after a Thai month abbreviation: "ต.ค.63", "มี.ค. 64". */
const SHORT_MONTH_YEAR =
  /((?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.\s?)(\d{2}|[๐-๙]{2})(?![\d\u0E50-\u0E59])/g;

function shiftDigits(raw: string, by: number, width: number): string {
  const thai = /[๐-๙]/.test(raw);
  const n = Number(toArabicDigits(raw)) + by;
  const s = String(width === 2 ? ((n % 100) + 100) % 100 : n).padStart(width, '0');
  return thai ? toThaiDigits(s) : s;
}

/** A Gregorian year-month inside text ("2020-10..2021-03", "2020-10-01"). */
const GREGORIAN_IN_TEXT = /(?<!\d)(19\d{2}|20\d{2})(-\d{2})(?!\d{2})/g;

export function shiftText(text: string, by: number): string {
  if (by === 0) return text;
  return text
    .replace(GREGORIAN_IN_TEXT, (_m, y: string, rest: string) => `${Number(y) + by}${rest}`)
    .replace(BE_YEAR, (y) => shiftDigits(y, by, 4))
    .replace(SHORT_MONTH_YEAR, (_m, month: string, yy: string) => month + shiftDigits(yy, by, 2));
}

export function shiftIsoDate(date: string, by: number): string {
  const m = ISO_DATE.exec(date);
  if (!m) return date;
  const y = Number(m[1]) + by;
  // 29 February of a leap year becomes 28 February when the target year has none.
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  const day = m[2] === '02' && m[3] === '29' && !leap ? '28' : m[3];
  return `${String(y).padStart(4, '0')}-${m[2]}-${day}`;
}

function shiftValue(v: unknown, by: number): unknown {
  if (typeof v === 'string') return ISO_DATE.test(v) ? shiftIsoDate(v, by) : shiftText(v, by);
  if (Array.isArray(v)) return v.map((x) => shiftValue(x, by));
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) out[k] = KEEP.has(k) ? x : shiftValue(x, by);
    return out;
  }
  return v;
}

/** The set moved to `toYear`, with a fresh id; the input is not changed. */
export function shiftSetToYear(set: CriteriaSet, toYear: number): CriteriaSet {
  const by = toYear - set.fiscalYear;
  const shifted = shiftValue(set, by) as CriteriaSet;
  return { ...shifted, fiscalYear: toYear, id: `${set.framework}/${toYear}/${set.agencyType}` };
}
