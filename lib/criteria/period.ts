/**
 * The one place that says which years a period rule asks for and whether the years a page shows
 * satisfy it. The tagging form's hints (capture/element-hints) and re-verify (verify/period) both
 * use it, so they cannot drift apart.
 */
import type { PeriodRule } from './types';
import { beYearOfIso, findYearSpans, type YearSpan } from './period-text';

/**
 * The BE years the rule is about, for messages ("mentions 2564"); null for 'current' (no year needed).
 * first-half is Oct (fy-1) – Mar (fy); range is its calendar years.
 */
export function periodYears(rule: PeriodRule, fiscalYear: number): number[] | null {
  switch (rule.kind) {
    case 'current':
      return null;
    case 'fiscal-year':
      return [fiscalYear + rule.offset];
    case 'covers':
    case 'in-force':
      return [fiscalYear];
    case 'first-half':
      return [fiscalYear - 1, fiscalYear];
    case 'range': {
      const from = beYearOfIso(rule.from);
      const to = beYearOfIso(rule.to);
      if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return [fiscalYear];
      return Array.from({ length: to - from + 1 }, (_, i) => from + i);
    }
  }
}

type PeriodVerdict =
  /** The page shows a year (or a span) that satisfies the rule, or the rule needs no year. */
  | 'ok'
  /** The rule needs a year and the page shows none. */
  | 'no-year'
  /** The page shows years, none of which satisfies the rule. */
  | 'other-years'
  /** covers: a span covers the year but is shorter than `minYears` (a 1-year plan under O4). */
  | 'too-short';

export interface PeriodJudgement {
  verdict: PeriodVerdict;
  /** What periodYears says. */
  yearsExpected: number[] | null;
  /** The spans on the page that satisfy the rule. */
  matching: YearSpan[];
}

function spanLength(s: YearSpan): number {
  return s.to - s.from + 1;
}

function satisfies(rule: PeriodRule, fy: number, s: YearSpan, expected: number[]): boolean {
  switch (rule.kind) {
    case 'current':
      return true;
    case 'covers':
      return s.from <= fy && fy <= s.to && spanLength(s) >= (rule.minYears ?? 1);
    case 'in-force':
      // A policy made in or before the year (a single year) or whose stated span includes it.
      return s.from <= fy && (s.from === s.to || s.to >= fy);
    default:
      // A year printed on the page, alone or as the end of a range ("ต.ค. 2563 – มี.ค. 2564").
      return expected.includes(s.from) || expected.includes(s.to);
  }
}

/** Judges the spans found on a page (or several pages, joined) against the rule. */
export function judgePeriodSpans(rule: PeriodRule, fiscalYear: number, spans: readonly YearSpan[]): PeriodJudgement {
  const yearsExpected = periodYears(rule, fiscalYear);
  if (yearsExpected === null) return { verdict: 'ok', yearsExpected, matching: [] };
  const matching = spans.filter((s) => satisfies(rule, fiscalYear, s, yearsExpected));
  if (matching.length > 0) return { verdict: 'ok', yearsExpected, matching };
  if (spans.length === 0) return { verdict: 'no-year', yearsExpected, matching };
  if (rule.kind === 'covers' && spans.some((s) => s.from <= fiscalYear && fiscalYear <= s.to))
    return { verdict: 'too-short', yearsExpected, matching };
  return { verdict: 'other-years', yearsExpected, matching };
}

export function judgePeriod(rule: PeriodRule, fiscalYear: number, text: string): PeriodJudgement {
  return judgePeriodSpans(rule, fiscalYear, findYearSpans(text));
}
