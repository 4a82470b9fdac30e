/**
 * Which months of the fiscal year's first half (October – March) a set of documents shows, at monthly,
 * quarterly or half-year granularity (O11, O15, O19, O23, O31, O40). Quarterly files can make up
 * the six months together, so the texts of several documents are read as one.
 */
import { foldThaiDigits } from './period-text';

/** Fiscal month indexes: 0 = October … 5 = March. */
const FIRST_HALF_MONTHS = [0, 1, 2, 3, 4, 5] as const;

export const FIRST_HALF_MONTH_NAMES = {
  th: ['ต.ค.', 'พ.ย.', 'ธ.ค.', 'ม.ค.', 'ก.พ.', 'มี.ค.'],
  en: ['Oct', 'Nov', 'Dec', 'Jan', 'Feb', 'Mar'],
} as const;

/** Full Thai names match anywhere (Thai has no spaces: "เดือนตุลาคม"); abbreviations and English not inside a word. */
function monthPattern(full: string, abbr: string, en: string): string {
  return `${full}|(?<![\\u0E00-\\u0E7F])${abbr}|(?<![a-z])${en}(?![a-z])`;
}
const MONTHS: readonly string[] = [
  monthPattern('ตุลาคม', 'ต\\.\\s?ค\\.', 'oct(?:ober|\\.)?'),
  monthPattern('พฤศจิกายน', 'พ\\.\\s?ย\\.', 'nov(?:ember|\\.)?'),
  monthPattern('ธันวาคม', 'ธ\\.\\s?ค\\.', 'dec(?:ember|\\.)?'),
  monthPattern('มกราคม', 'ม\\.\\s?ค\\.', 'jan(?:uary|\\.)?'),
  monthPattern('กุมภาพันธ์', 'ก\\.\\s?พ\\.', 'feb(?:ruary|\\.)?'),
  monthPattern('มีนาคม', 'มี\\.\\s?ค\\.', 'mar(?:ch|\\.)?'),
];
/** The other months, so that a range "ม.ค. – มิ.ย." ends where it should. */
const LATER_MONTHS = [
  monthPattern('เมษายน', 'เม\\.\\s?ย\\.', 'apr(?:il|\\.)?'),
  monthPattern('พฤษภาคม', 'พ\\.\\s?ค\\.', 'may'),
  monthPattern('มิถุนายน', 'มิ\\.\\s?ย\\.', 'jun(?:e|\\.)?'),
  monthPattern('กรกฎาคม', 'ก\\.\\s?ค\\.', 'jul(?:y|\\.)?'),
  monthPattern('สิงหาคม', 'ส\\.\\s?ค\\.', 'aug(?:ust|\\.)?'),
  monthPattern('กันยายน', 'ก\\.\\s?ย\\.', 'sep(?:tember|\\.)?'),
].join('|');

const MONTH_TOKEN = new RegExp(`${MONTHS.map((m, i) => `(?<m${i}>${m})`).join('|')}|(?<later>${LATER_MONTHS})`, 'gi');
const SEPARATOR = /^\s*(?:(?:พ\.ศ\.\s*)?\d{2,4}\s*)?(?:-|–|—|ถึง(?:วันที่)?|to)\s*(?:\d{1,2}\s*)?$/i;
const QUARTER = /ไตรมาส(?:ที่)?\s*([1-4])|(?<![a-z])q([1-4])(?![a-z\d])|quarter\s*([1-4])/gi;
const HALF = /(?:6|หก)\s*เดือนแรก|รอบ\s*(?:6|หก)\s*เดือน|ครึ่งปีแรก|first\s+(?:six|6)\s+months|first\s+half/gi;

interface MonthHit {
  month: number | null; // fiscal index 0..5, null for months outside the first half
  at: number;
  end: number;
}

function monthHits(text: string): MonthHit[] {
  const hits: MonthHit[] = [];
  for (const m of text.matchAll(MONTH_TOKEN)) {
    const g = m.groups ?? {};
    const i = MONTHS.findIndex((_, k) => g[`m${k}`] !== undefined);
    hits.push({ month: i >= 0 ? i : null, at: m.index, end: m.index + m[0].length });
  }
  return hits;
}

/** Fiscal months 0..11 from October; first-half months are 0..5. */
function fiscalIndexOf(hit: MonthHit): number {
  return hit.month ?? 6;
}

export interface FirstHalfCoverage {
  /** Fiscal month indexes (0 = Oct … 5 = Mar) shown. */
  present: number[];
  missing: number[];
  complete: boolean;
}

/**
 * Months present in the texts: month names; month ranges ("ต.ค. – ธ.ค.", "ต.ค. 63 – มี.ค. 64");
 * fiscal quarters 1–2 (Oct–Dec, Jan–Mar) and half-year wording ("6 เดือนแรก") unless `monthly`.
 */
export function firstHalfCoverage(texts: readonly string[], opts: { monthly?: boolean } = {}): FirstHalfCoverage {
  const present = new Set<number>();
  for (const raw of texts) {
    const text = foldThaiDigits(raw);
    const hits = monthHits(text);
    hits.forEach((h, i) => {
      if (h.month !== null) present.add(h.month);
      const next = hits[i + 1];
      if (!opts.monthly && next && SEPARATOR.test(text.slice(h.end, next.at))) {
        const a = fiscalIndexOf(h);
        const b = fiscalIndexOf(next);
        for (let k = a; k <= Math.min(b, 5); k++) present.add(k);
      }
    });
    if (opts.monthly) continue;
    for (const m of text.matchAll(QUARTER)) {
      const q = Number(m[1] ?? m[2] ?? m[3]);
      if (q === 1) [0, 1, 2].forEach((k) => present.add(k));
      if (q === 2) [3, 4, 5].forEach((k) => present.add(k));
    }
    if (HALF.test(text)) FIRST_HALF_MONTHS.forEach((k) => present.add(k));
    HALF.lastIndex = 0;
  }
  const sorted = [...present].sort((a, b) => a - b);
  const missing = FIRST_HALF_MONTHS.filter((k) => !present.has(k));
  return { present: sorted, missing, complete: missing.length === 0 };
}
