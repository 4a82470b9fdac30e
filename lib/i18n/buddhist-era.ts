/**
 * Buddhist Era dates. Dates are shown in B.E. in both languages (B.E. = C.E. + 543); Thai fiscal
 * years start on 1 October. Month names come from our own tables so output is identical in Node
 * and Chromium; Intl is used only to read calendar fields in a named time zone.
 */
import { parseLocaleInt, toArabicDigits, toThaiDigits } from './thai-digits';

export const BE_OFFSET = 543;

export const THAI_MONTHS = [
  'มกราคม',
  'กุมภาพันธ์',
  'มีนาคม',
  'เมษายน',
  'พฤษภาคม',
  'มิถุนายน',
  'กรกฎาคม',
  'สิงหาคม',
  'กันยายน',
  'ตุลาคม',
  'พฤศจิกายน',
  'ธันวาคม',
] as const;
export const THAI_MONTHS_SHORT = [
  'ม.ค.',
  'ก.พ.',
  'มี.ค.',
  'เม.ย.',
  'พ.ค.',
  'มิ.ย.',
  'ก.ค.',
  'ส.ค.',
  'ก.ย.',
  'ต.ค.',
  'พ.ย.',
  'ธ.ค.',
] as const;
export const ENGLISH_MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;

export const DEFAULT_TIME_ZONE = 'Asia/Bangkok';

export interface FormatDateOptions {
  /** Append hh:mm (24-hour) — only meaningful for instants. */
  time?: boolean;
  /** Time zone used to read an instant's calendar date; default Asia/Bangkok. */
  timeZone?: string;
  thaiDigits?: boolean;
  /** Abbreviated month names ("5 มี.ค. 2564", "5 Mar B.E. 2564"). */
  short?: boolean;
}

interface Fields {
  y: number; // Gregorian
  m: number; // 1..12
  d: number;
  hh: number;
  mm: number;
}

const DATE_ONLY_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

// Building an Intl.DateTimeFormat is costly (reports format hundreds of dates): one per time zone.
const formatters = new Map<string, Intl.DateTimeFormat>();
function partsFormatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

function fieldsOf(input: string | Date, timeZone: string): Fields | null {
  if (typeof input === 'string') {
    const m = DATE_ONLY_RE.exec(input.trim());
    if (m)
      return validYmd(Number(m[1]), Number(m[2]), Number(m[3]))
        ? { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]), hh: 0, mm: 0 }
        : null;
  }
  const date = typeof input === 'string' ? new Date(input) : input;
  if (Number.isNaN(date.getTime())) return null;
  const parts = partsFormatter(timeZone).formatToParts(date);
  const get = (t: string) => Number(parts.find((p) => p.type === t)?.value);
  return { y: get('year'), m: get('month'), d: get('day'), hh: get('hour') % 24, mm: get('minute') };
}

/**
 * Formats an ISO date (yyyy-mm-dd) or instant in the Buddhist Era:
 * th → "5 มีนาคม 2564", en → "5 March B.E. 2564"; with `time`, " 14:05 น." / ", 14:05".
 * Returns the input unchanged when it cannot be read as a date.
 */
export function formatDateBE(input: string | Date, lang: 'th' | 'en', opts: FormatDateOptions = {}): string {
  const f = fieldsOf(input, opts.timeZone ?? DEFAULT_TIME_ZONE);
  if (!f) return typeof input === 'string' ? input : String(input);
  const be = f.y + BE_OFFSET;
  const hhmm = `${String(f.hh).padStart(2, '0')}:${String(f.mm).padStart(2, '0')}`;
  let out: string;
  if (lang === 'th') {
    const month = (opts.short ? THAI_MONTHS_SHORT : THAI_MONTHS)[f.m - 1];
    out = `${f.d} ${month} ${be}${opts.time ? ` ${hhmm} น.` : ''}`;
  } else {
    const full = ENGLISH_MONTHS[f.m - 1]!;
    out = `${f.d} ${opts.short ? full.slice(0, 3) : full} B.E. ${be}${opts.time ? `, ${hhmm}` : ''}`;
  }
  return opts.thaiDigits ? toThaiDigits(out) : out;
}

function validYmd(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1 || y < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** Years above 2400 are B.E.; two-digit years are B.E. 25xx; anything else is C.E. */
function gregorianYear(raw: string): number | null {
  const n = parseLocaleInt(raw);
  if (n === null || n < 0) return null;
  if (raw.trim().length <= 2) return 2500 + n - BE_OFFSET;
  return n > 2400 ? n - BE_OFFSET : n;
}

function monthFromName(name: string): number | null {
  const t = name.replace(/\s+/g, '').toLowerCase();
  const withDots = (s: string) => s.replace(/\s+/g, '');
  let i = THAI_MONTHS.findIndex((m) => m === t);
  if (i < 0) i = THAI_MONTHS_SHORT.findIndex((m) => withDots(m) === t || m.replace(/\./g, '') === t.replace(/\./g, ''));
  if (i < 0 && /^[a-z]{3,}\.?$/.test(t))
    i = ENGLISH_MONTHS.findIndex((m) => m.toLowerCase().startsWith(t.replace('.', '')));
  return i < 0 ? null : i + 1;
}

function iso(y: number, m: number, d: number): string | null {
  if (!validYmd(y, m, d)) return null;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/**
 * Reads a date typed by a user and returns ISO yyyy-mm-dd (Gregorian), or null. Accepts
 * "5/3/2564", "๕/๓/๒๕๖๔", "2564-03-05", "2021-03-05", "5 มี.ค. 2564", "5 มีนาคม 64", "5 March 2021".
 */
export function parseDateInput(s: string): string | null {
  const t = toArabicDigits(s)
    .trim()
    .replace(/^วันที่\s*/, '')
    .replace(/(^|\s)(พ\.ศ\.|ค\.ศ\.|b\.e\.|be|c\.e\.|ad)(?=\s|\d|$)/gi, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(t);
  if (m) {
    const y = gregorianYear(m[1]!);
    return y === null ? null : iso(y, Number(m[2]), Number(m[3]));
  }
  m = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const y = gregorianYear(m[3]!);
    return y === null ? null : iso(y, Number(m[2]), Number(m[1]));
  }
  m = /^(\d{1,2})\s*([^\d\s,]+(?:\s?[^\d\s,]+)*?)\s*,?\s*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = monthFromName(m[2]!);
    const y = gregorianYear(m[3]!);
    return month === null || y === null ? null : iso(y, month, Number(m[1]));
  }
  return null;
}

/** Thai fiscal year (B.E.) of an ISO date or instant: 1 Oct 2020 – 30 Sep 2021 is FY 2564. */
export function fiscalYearOf(isoDateOrInstant: string, timeZone: string = DEFAULT_TIME_ZONE): number | null {
  const f = fieldsOf(isoDateOrInstant, timeZone);
  if (!f) return null;
  return f.y + BE_OFFSET + (f.m >= 10 ? 1 : 0);
}

/** First and last ISO dates of a B.E. fiscal year. */
export function fiscalYearRange(fiscalYearBE: number): { from: string; to: string } {
  const y = fiscalYearBE - BE_OFFSET;
  return { from: `${y - 1}-10-01`, to: `${y}-09-30` };
}
