/** Pure helpers that turn stored results into what the panel and the checklist show. */
import { compareCodes } from '../../lib/criteria/registry';
import { problemMessage, sortProblems, type ProblemCode } from '../../lib/verify/problems';
import type { LinkStep, VerifyResult } from '../../lib/verify/types';
import { verifyText } from '../../lib/i18n/ui-verify';
import type { Lang } from '../../lib/i18n/language';

/** details.error set by the panel when a fetch failed on a site the extension may not read. */
export const NO_PERMISSION = 'no-permission';

export interface Verdict {
  ok: boolean;
  problems: ProblemCode[];
  count: number;
}

/** The combined verdict of every result belonging to these evidence records; null when none was checked. */
export function verdictFor(results: VerifyResult[] | undefined, evidenceIds: string[]): Verdict | null {
  if (!results || evidenceIds.length === 0) return null;
  const ids = new Set(evidenceIds);
  const mine = results.filter((r) => r.evidenceId !== null && ids.has(r.evidenceId));
  if (mine.length === 0) return null;
  const problems = sortProblems(mine.flatMap((r) => r.problems));
  return { ok: mine.every((r) => r.ok), problems, count: mine.length };
}

export function problemsText(problems: ProblemCode[], lang: Lang): string {
  return problems.map((p) => problemMessage(p, lang)).join(', ');
}

export function verdictLabel(v: Verdict, lang: Lang): string {
  return v.ok
    ? verifyText(lang, 'verdictOk')
    : verifyText(lang, 'badgeBad', { problems: problemsText(v.problems, lang) });
}

export function similarityText(similarity: number | null): string {
  return similarity === null ? '—' : `${Math.round(similarity * 100)}%`;
}

export function linkPathText(r: VerifyResult, lang: Lang): string {
  if (r.linkPath) return formatPath(r.linkPath, lang);
  if (r.kind === 'page' && r.details.crawlPages !== undefined) return verifyText(lang, 'pathNotFound');
  return verifyText(lang, 'pathNotChecked');
}

function formatPath(steps: LinkStep[], lang: Lang): string {
  return steps
    .map((s, i) => (i === 0 && !s.linkText ? verifyText(lang, 'home') : s.linkText.trim() || displayUrl(s.url)))
    .join(' → ');
}

export function displayUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

export function needsAttention(r: VerifyResult): boolean {
  return !r.ok;
}

function firstCode(criterion: string): string {
  return criterion.split(',')[0]?.trim() ?? '';
}

/** The table's order: what needs attention first, then by item code, then by key. */
export function sortForTable(results: VerifyResult[]): VerifyResult[] {
  return [...results].sort(
    (a, b) =>
      Number(needsAttention(b)) - Number(needsAttention(a)) ||
      compareCodes(firstCode(a.criterion), firstCode(b.criterion)) ||
      a.key.localeCompare(b.key),
  );
}
