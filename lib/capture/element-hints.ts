/**
 * Suggestions for the reviewer: which required elements the page text seems to show, and warnings
 * about years and placeholders. Hints only; the reviewer ticks the elements.
 */
import type { Criterion, RequiredElement } from '../criteria/types';
import { captureMessage } from './messages';
import type { Lang } from '../i18n/language';
import { BE_OFFSET } from '../i18n/buddhist-era';
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
  findYears,
  normalizeText,
} from './thai-patterns';

export type { Finding, FindingKind } from './thai-patterns';

export type HintWarning = 'only-other-years' | 'placeholder' | 'no-year';

export interface HintContext {
  /** The assessed fiscal year, Buddhist Era (e.g. 2564). */
  fiscalYear: number;
  /** The content script found a map iframe or a link to a map service. */
  hasMap?: boolean;
}

export interface Hints {
  ticks: Record<string, boolean>;
  findings: Finding[];
  warnings: HintWarning[];
  /** Distinct BE years the page mentions, ascending (for the 'only-other-years' message). */
  years: number[];
  /** The years the item's period rule asks for; null when it asks for none. */
  requiredYears: number[] | null;
}

/** Which detector answers for an element, judged from its key and English label. */
export function detectorFor(element: RequiredElement): FindingKind | null {
  const s = `${element.key} ${element.en}`.toLowerCase();
  if (/e-?mail/.test(s)) return 'email';
  if (/\bfax/.test(s)) return 'fax';
  if (/phone|\btel\b|telephone/.test(s)) return 'phone';
  if (/\bmaps?\b/.test(s)) return 'map';
  if (/address/.test(s)) return 'address';
  if (/\b(name|position)s?\b/.test(s)) return 'person';
  return null;
}

/** The BE years that satisfy the criterion's period rule; null when it asks for no year. */
export function requiredYears(criterion: Criterion, fiscalYear: number): number[] | null {
  const rule = criterion.periodRule;
  if (rule.kind === 'fiscal-year') return [fiscalYear + rule.offset];
  if (rule.kind === 'range') {
    const from = Number(rule.from.slice(0, 4)) + BE_OFFSET;
    const to = Number(rule.to.slice(0, 4)) + BE_OFFSET;
    if (!Number.isFinite(from) || !Number.isFinite(to)) return [fiscalYear];
    const years: number[] = [];
    for (let y = from; y <= to; y++) years.push(y);
    return years;
  }
  return null;
}

export function detectHints(rawText: string, criterion: Criterion, ctx: HintContext): Hints {
  const text = normalizeText(rawText);
  const findings: Finding[] = [
    ...findPhonesAndFaxes(text),
    ...findEmails(text),
    ...findMap(text, ctx.hasMap ?? false),
    ...findAddresses(text),
    ...findPeople(text),
  ];

  const mentions = findYears(text);
  const years = [...new Set(mentions.map((m) => m.year))].sort((a, b) => a - b);
  const required = requiredYears(criterion, ctx.fiscalYear) ?? [ctx.fiscalYear];
  for (const m of mentions) if (required.includes(m.year)) findings.push({ kind: 'fiscal-year', match: m.match });
  findings.push(...findFirstHalf(text, ctx.fiscalYear));
  if (criterion.noneRule !== null) findings.push(...findNoneStatements(text));
  const placeholders = findPlaceholders(text);
  findings.push(...placeholders);

  const warnings: HintWarning[] = [];
  if (requiredYears(criterion, ctx.fiscalYear) !== null) {
    if (years.length === 0) warnings.push('no-year');
    else if (!years.some((y) => required.includes(y))) warnings.push('only-other-years');
  }
  if (placeholders.length > 0) warnings.push('placeholder');

  const found = new Set(findings.map((f) => f.kind));
  const ticks: Record<string, boolean> = {};
  for (const element of criterion.elements) {
    const kind = detectorFor(element);
    ticks[element.key] = kind !== null && found.has(kind);
  }
  return { ticks, findings, warnings, years, requiredYears: requiredYears(criterion, ctx.fiscalYear) };
}

/** The warnings as sentences for the reviewer, in the order of `hints.warnings`. */
export function hintWarningMessages(hints: Hints, lang: Lang): string[] {
  const year = (hints.requiredYears ?? []).join(lang === 'th' ? ' หรือ ' : ' or ');
  return hints.warnings.map((w) => {
    if (w === 'only-other-years') return captureMessage('hint-only-other-years', lang, { years: hints.years.join(', '), year });
    if (w === 'no-year') return captureMessage('hint-no-year', lang, { year });
    const match = hints.findings.find((f) => f.kind === 'placeholder')?.match ?? '';
    return captureMessage('hint-placeholder', lang, { match });
  });
}
