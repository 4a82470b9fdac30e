/** Does the page still show the period its item's rule requires? The rule logic is lib/criteria/period. */
import type { PeriodRule } from '../criteria/types';
import { judgePeriodSpans, periodYears } from '../criteria/period';
import { findYearSpans } from '../criteria/period-text';

/**
 * Buddhist-Era years the rule is about. 'current' items (structure, contacts…) need no year: the
 * list is empty and the check passes.
 */
export function expectedYears(rule: PeriodRule, fiscalYear: number): number[] {
  return periodYears(rule, fiscalYear) ?? [];
}

export interface PeriodCheck {
  yearsExpected: number[];
  yearsFound: number[];
  ok: boolean;
}

/** covers / in-force rules accept a span around the year ("2561-2565" covers 2564) that never prints it. */
export function checkPeriod(text: string, rule: PeriodRule, fiscalYear: number): PeriodCheck {
  const spans = findYearSpans(text);
  const judged = judgePeriodSpans(rule, fiscalYear, spans);
  const ok = judged.verdict === 'ok';
  const yearsExpected = judged.yearsExpected ?? [];
  const printed = new Set(spans.flatMap((s) => [s.from, s.to]));
  const bySpan = ok && (rule.kind === 'covers' || rule.kind === 'in-force');
  const yearsFound = bySpan ? yearsExpected : yearsExpected.filter((y) => printed.has(y));
  return { yearsExpected, yearsFound, ok };
}
