/**
 * Suggestions for the reviewer: which elements the page text seems to show, and warnings about
 * years, months, placeholders and who signed. Hints only; the reviewer ticks the elements.
 */
import type { Criterion, CriterionElement } from '../criteria/types';
import { judgePeriodSpans, periodYears } from '../criteria/period';
import { findYearSpans } from '../criteria/period-text';
import { firstHalfCoverage, FIRST_HALF_MONTH_NAMES } from '../criteria/first-half';
import { captureMessage } from './messages';
import type { Lang } from '../i18n/language';
import {
  type Finding,
  type FindingKind,
  findAddresses,
  findEmails,
  findFirstHalf,
  findMap,
  findNoneStatements,
  findPeople,
  findPhonesAndFaxes,
  findPlaceholders,
  findSignature,
  findYears,
  normalizeText,
} from './thai-patterns';

type HintWarning =
  | 'only-other-years'
  | 'placeholder'
  | 'no-year'
  /** covers with minYears: the only plan period covering the year is too short (a 1-year plan under O4). */
  | 'plan-too-short'
  /** The required year appears only in the site's menu, header or footer. */
  | 'year-only-in-site-chrome'
  /** first-half: some months of October–March are not shown. */
  | 'first-half-incomplete'
  /** signed-by-top-executive: no signature block found. */
  | 'no-signature'
  /** current-executive: none of the names listed on the other item (O2) is on this page. */
  | 'not-current-executive';

export interface HintContext {
  /** The assessed fiscal year, Buddhist Era (e.g. 2564). */
  fiscalYear: number;
  /** The content script found a map iframe or a link to a map service. */
  hasMap?: boolean;
  /**
   * The page text without what the whole site shares (menus, header, footer), when the form can tell
   * them apart. Years are looked for here, since a menu entry "แผน… 2561–2565" is on every page.
   */
  contentText?: string;
  /** Names of the current executives found on the evidence of the item a `current-executive` rule names. */
  currentExecutives?: readonly string[];
}

export interface Hints {
  ticks: Record<string, boolean>;
  findings: Finding[];
  warnings: HintWarning[];
  /** Distinct BE years the page mentions, ascending (for the 'only-other-years' message). */
  years: number[];
  /** The years the item's period rule asks for; null when it asks for none. */
  requiredYears: number[] | null;
  /** first-half items: the months of October–March not found (fiscal indexes 0 = Oct … 5 = Mar). */
  missingMonths: number[];
}

/** Which detector answers for an element, judged from its key and English label. */
function detectorFor(element: CriterionElement): FindingKind | null {
  const s = `${element.key} ${element.en}`.toLowerCase();
  if (/e-?mail/.test(s)) return 'email';
  if (/\bfax/.test(s)) return 'fax';
  if (/phone|\btel\b|telephone/.test(s)) return 'phone';
  if (/\bmaps?\b/.test(s)) return 'map';
  if (/address/.test(s)) return 'address';
  if (/\b(name|position)s?\b/.test(s)) return 'person';
  return null;
}

/** The BE years that satisfy the criterion's period rule; null when it asks for no year (lib/criteria/period). */
function requiredYears(criterion: Criterion, fiscalYear: number): number[] | null {
  return periodYears(criterion.periodRule, fiscalYear);
}

function periodWarnings(
  criterion: Criterion,
  text: string,
  contentText: string | undefined,
  fy: number,
): HintWarning[] {
  const rule = criterion.periodRule;
  const judged = judgePeriodSpans(rule, fy, findYearSpans(contentText ?? text));
  if (judged.verdict === 'ok') return [];
  if (contentText !== undefined && judgePeriodSpans(rule, fy, findYearSpans(text)).verdict === 'ok')
    return ['year-only-in-site-chrome'];
  if (judged.verdict === 'no-year') return ['no-year'];
  if (judged.verdict === 'too-short') return ['plan-too-short'];
  return ['only-other-years'];
}

function hintRuleWarnings(criterion: Criterion, text: string, ctx: HintContext): HintWarning[] {
  const out: HintWarning[] = [];
  for (const rule of criterion.hintRules) {
    if (rule.kind === 'signed-by-top-executive' && findSignature(text).length === 0) out.push('no-signature');
    if (rule.kind === 'current-executive' && ctx.currentExecutives && ctx.currentExecutives.length > 0) {
      const squash = (s: string) => normalizeText(s).replace(/\s+/g, '');
      const page = squash(text);
      if (!ctx.currentExecutives.some((name) => squash(name).length > 0 && page.includes(squash(name))))
        out.push('not-current-executive');
    }
  }
  return out;
}

export function detectHints(rawText: string, criterion: Criterion, ctx: HintContext): Hints {
  const text = normalizeText(rawText);
  const contentText = ctx.contentText === undefined ? undefined : normalizeText(ctx.contentText);
  const findings: Finding[] = [
    ...findPhonesAndFaxes(text),
    ...findEmails(text),
    ...findMap(text, ctx.hasMap ?? false),
    ...findAddresses(text),
    ...findPeople(text),
  ];

  const fy = ctx.fiscalYear;
  const mentions = findYears(contentText ?? text);
  const years = [...new Set(mentions.map((m) => m.year))].sort((a, b) => a - b);
  const required = requiredYears(criterion, fy);
  for (const m of mentions)
    if ((required ?? [fy]).includes(m.year)) findings.push({ kind: 'fiscal-year', match: m.match });
  findings.push(...findFirstHalf(text, fy));
  if (criterion.noneRule !== null) findings.push(...findNoneStatements(text));
  const placeholders = findPlaceholders(text);
  findings.push(...placeholders);

  const warnings: HintWarning[] = periodWarnings(criterion, text, contentText, fy);
  let missingMonths: number[] = [];
  if (criterion.periodRule.kind === 'first-half') {
    missingMonths = firstHalfCoverage([contentText ?? text], { monthly: criterion.periodRule.monthly }).missing;
    if (missingMonths.length > 0 && missingMonths.length < 6) warnings.push('first-half-incomplete');
  }
  warnings.push(...hintRuleWarnings(criterion, text, ctx));
  if (placeholders.length > 0) warnings.push('placeholder');

  const found = new Set(findings.map((f) => f.kind));
  const ticks: Record<string, boolean> = {};
  const inGroup = new Set(criterion.anyOf.flatMap((g) => g.elements));
  for (const element of criterion.elements) {
    // Examples are pre-ticked: they never block the item, and the reviewer unticks what is absent.
    // Members of an any-of group are not: at least one of them is what the item needs.
    const kind = detectorFor(element);
    const example = !element.required && !inGroup.has(element.key);
    ticks[element.key] = example || (kind !== null && found.has(kind));
  }
  return { ticks, findings, warnings, years, requiredYears: required, missingMonths };
}

/** The warnings as sentences for the reviewer, in the order of `hints.warnings`. */
export function hintWarningMessages(hints: Hints, lang: Lang): string[] {
  const year = (hints.requiredYears ?? []).join(lang === 'th' ? ' หรือ ' : ' or ');
  return hints.warnings.map((w) => {
    switch (w) {
      case 'only-other-years':
        return captureMessage('hint-only-other-years', lang, { years: hints.years.join(', '), year });
      case 'no-year':
        return captureMessage('hint-no-year', lang, { year });
      case 'plan-too-short':
        return captureMessage('hint-plan-too-short', lang, { year });
      case 'year-only-in-site-chrome':
        return captureMessage('hint-year-only-in-site-chrome', lang, { year });
      case 'first-half-incomplete':
        return captureMessage('hint-first-half-incomplete', lang, {
          months: hints.missingMonths.map((m) => FIRST_HALF_MONTH_NAMES[lang][m]).join(', '),
        });
      case 'no-signature':
        return captureMessage('hint-no-signature', lang);
      case 'not-current-executive':
        return captureMessage('hint-not-current-executive', lang);
      case 'placeholder': {
        const match = hints.findings.find((f) => f.kind === 'placeholder')?.match ?? '';
        return captureMessage('hint-placeholder', lang, { match });
      }
    }
  });
}
