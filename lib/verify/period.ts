/** Does the page still mention the fiscal year its item's period rule requires? */
import type { PeriodRule } from '../criteria/types';
import { BE_OFFSET } from '../i18n/buddhist-era';

export function thaiDigitsToArabic(s: string): string {
  return s.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50));
}

/**
 * Buddhist-Era years any one of which the page should mention. 'current' items (structure,
 * contacts…) need no year: the list is empty and the check passes.
 */
export function expectedYears(rule: PeriodRule, fiscalYear: number): number[] {
  switch (rule.kind) {
    case 'current':
      return [];
    case 'fiscal-year':
      return [fiscalYear + rule.offset];
    case 'range': {
      const from = Number(rule.from.slice(0, 4)) + BE_OFFSET;
      const to = Number(rule.to.slice(0, 4)) + BE_OFFSET;
      if (!Number.isFinite(from) || !Number.isFinite(to) || to < from) return [fiscalYear];
      const out: number[] = [];
      for (let y = from; y <= to; y++) out.push(y);
      return out;
    }
  }
}

/** BE years mentioned in the text (Arabic or Thai digits), as standalone 4-digit numbers. */
export function yearsMentioned(text: string, candidates: number[]): number[] {
  const t = thaiDigitsToArabic(text);
  return candidates.filter((y) => new RegExp(`(^|\\D)${y}(\\D|$)`).test(t));
}

export interface PeriodCheck {
  yearsExpected: number[];
  yearsFound: number[];
  ok: boolean;
}

export function checkPeriod(text: string, rule: PeriodRule, fiscalYear: number): PeriodCheck {
  const yearsExpected = expectedYears(rule, fiscalYear);
  const yearsFound = yearsMentioned(text, yearsExpected);
  return { yearsExpected, yearsFound, ok: yearsExpected.length === 0 || yearsFound.length > 0 };
}
