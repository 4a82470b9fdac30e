/** What a criterion's elements ask for: required ones, examples, and any-of groups. */
import type { AnyOfGroup, Criterion, CriterionElement } from './types';

import type { Lang as ElementLang } from '../i18n/language';

function requiredElements(c: Criterion): CriterionElement[] {
  return c.elements.filter((e) => e.required);
}

export interface ElementCoverage {
  /** Required element keys ticked, in criterion order. */
  covered: string[];
  /** Required element keys not ticked, then the keys of any-of groups short of their minimum. */
  missing: string[];
  /** Any-of groups that reach their minimum. */
  groupsMet: string[];
}

function groupMet(g: AnyOfGroup, ticked: ReadonlySet<string>): boolean {
  return g.elements.filter((k) => ticked.has(k)).length >= g.min;
}

/** Which of the criterion's requirements the ticked keys meet. Keys the criterion lacks are ignored. */
export function elementCoverage(c: Criterion, ticked: ReadonlySet<string>): ElementCoverage {
  const covered: string[] = [];
  const missing: string[] = [];
  for (const e of requiredElements(c)) (ticked.has(e.key) ? covered : missing).push(e.key);
  const groupsMet: string[] = [];
  for (const g of c.anyOf) (groupMet(g, ticked) ? groupsMet : missing).push(g.key);
  return { covered, missing, groupsMet };
}

/** The label of an element or any-of group key ("ประกาศเชิญชวน หรือ ประกาศผล…"); the key itself when unknown. */
export function elementLabel(c: Criterion, key: string, lang: ElementLang): string {
  const el = c.elements.find((e) => e.key === key);
  if (el) return el[lang] || el.th;
  const g = c.anyOf.find((x) => x.key === key);
  return g ? g[lang] || g.th : key;
}
