/**
 * Buddhist-Era years and year ranges as pages write them: "2564", "๒๕๖๔", "พ.ศ. 64", "ปีงบประมาณ 64",
 * "ต.ค. 63", "2561-2565", "๒๕๖๑ – ๒๕๖๕", "พ.ศ. 2561 ถึง 2565", "2561-65". Thai digits are read as Arabic.
 */
import { BE_OFFSET } from '../i18n/buddhist-era';

export interface YearSpan {
  /** First and last BE year; equal for a single year. */
  from: number;
  to: number;
  /** The text as written (after Thai-digit folding). */
  match: string;
}

/** A plan is at most this long; a longer "range" is two unrelated years. */
const MAX_SPAN_YEARS = 20;

export function foldThaiDigits(s: string): string {
  return s.replace(/[\u0E50-\u0E59]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

const RANGE = /(?<!\d)(25\d\d)\s*(?:-|–|—|ถึง(?:ปี)?|to)\s*(?:(?:พ\.ศ\.|ปี)\s*)?(25\d\d|\d\d)(?!\d)/g;
const SINGLE = /(?<!\d)25\d\d(?!\d)/g;
/** Two digits after พ.ศ./ปีงบประมาณ, or after a Thai month abbreviation ("ต.ค. 63", "มี.ค.64"). */
const SHORT =
  /(?:พ\.ศ\.|ปีงบประมาณ|ปีงบ\.?|(?<![\u0E00-\u0E7F])(?:ม\.ค|ก\.พ|มี\.ค|เม\.ย|พ\.ค|มิ\.ย|ก\.ค|ส\.ค|ก\.ย|ต\.ค|พ\.ย|ธ\.ค)\.)\s?(\d\d)(?!\d)/g;

/** Every year or year range in the text, in text order; a range's years are not repeated as singles. */
export function findYearSpans(rawText: string): YearSpan[] {
  const text = foldThaiDigits(rawText);
  const found: (YearSpan & { at: number; end: number })[] = [];
  const taken: [number, number][] = [];
  for (const m of text.matchAll(RANGE)) {
    const from = Number(m[1]);
    const to = m[2]!.length === 2 ? 2500 + Number(m[2]) : Number(m[2]);
    if (to < from || to - from >= MAX_SPAN_YEARS) continue;
    found.push({ from, to, match: m[0], at: m.index, end: m.index + m[0].length });
    taken.push([m.index, m.index + m[0].length]);
  }
  const free = (at: number) => !taken.some(([a, b]) => at >= a && at < b);
  for (const m of text.matchAll(SINGLE)) {
    if (free(m.index))
      found.push({ from: Number(m[0]), to: Number(m[0]), match: m[0], at: m.index, end: m.index + m[0].length });
  }
  for (const m of text.matchAll(SHORT)) {
    const at = m.index + m[0].length - 2;
    if (free(at)) {
      const y = 2500 + Number(m[1]);
      found.push({ from: y, to: y, match: m[0], at: m.index, end: m.index + m[0].length });
    }
  }
  return found.sort((a, b) => a.at - b.at).map(({ from, to, match }) => ({ from, to, match }));
}

/** BE year of an ISO (Gregorian) date's calendar year. */
export function beYearOfIso(iso: string): number {
  return Number(iso.slice(0, 4)) + BE_OFFSET;
}
