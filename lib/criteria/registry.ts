/** Built-in criteria sets and index helpers. */
import type { CriteriaSet, Criterion, Subindicator } from './types';
import { validateCriteriaSet } from './validate';
import oit2564 from './sets/nacc-ita-oit-2564.json';
import oit2565 from './sets/nacc-ita-oit-2565.json';
import oit2566 from './sets/nacc-ita-oit-2566.json';

export const DEFAULT_SET_ID = 'nacc-ita-oit/2564/all';

let cache: CriteriaSet[] | null = null;

/** Built-in sets, validated once (a broken built-in set is a programming error, so it throws). */
export function builtInSets(): CriteriaSet[] {
  if (cache) return cache;
  const sets: CriteriaSet[] = [];
  for (const raw of [oit2564, oit2565, oit2566] as unknown[]) {
    const r = validateCriteriaSet(raw);
    if (!r.ok) throw new Error(`built-in criteria set is invalid: ${JSON.stringify(r.errors.slice(0, 3))}`);
    sets.push(r.set);
  }
  cache = sets;
  return sets;
}

export function getBuiltInSet(id: string = DEFAULT_SET_ID): CriteriaSet | undefined {
  return builtInSets().find((s) => s.id === id);
}

/** Natural order of item codes: prefix letters alphabetically, then the number (O2 < O10). */
export function compareCodes(a: string, b: string): number {
  const pa = /^([A-Za-z]*)(\d*)(.*)$/.exec(a)!;
  const pb = /^([A-Za-z]*)(\d*)(.*)$/.exec(b)!;
  if (pa[1] !== pb[1]) return pa[1]! < pb[1]! ? -1 : 1;
  const na = pa[2] === '' ? -1 : Number(pa[2]);
  const nb = pb[2] === '' ? -1 : Number(pb[2]);
  if (na !== nb) return na - nb;
  return pa[3]! < pb[3]! ? -1 : pa[3]! > pb[3]! ? 1 : 0;
}

export function sortedItems(set: CriteriaSet): Criterion[] {
  return [...set.items].sort((a, b) => compareCodes(a.code, b.code));
}

interface SubindicatorGroup {
  subindicator: Subindicator;
  items: Criterion[];
}

interface IndicatorGroup {
  number: number;
  nameTh: string;
  nameEn: string;
  subindicators: SubindicatorGroup[];
}

export interface CriteriaIndex {
  byCode: Map<string, Criterion>;
  /** All items in natural code order. */
  ordered: Criterion[];
  /** Indicators (set order) → sub-indicators (set order) → items (natural code order). */
  groups: IndicatorGroup[];
}

export function criteriaIndex(set: CriteriaSet): CriteriaIndex {
  const ordered = sortedItems(set);
  const byCode = new Map(ordered.map((it) => [it.code, it] as const));
  const groups: IndicatorGroup[] = set.indicators.map((ind) => ({
    ...ind,
    subindicators: set.subindicators
      .filter((s) => s.indicator === ind.number)
      .map((s) => ({ subindicator: s, items: ordered.filter((it) => it.subindicator === s.code) })),
  }));
  return { byCode, ordered, groups };
}
