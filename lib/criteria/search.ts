/** Ranked search over a criteria set by code, Thai/English name and element labels. */
import type { CriteriaSet, Criterion } from './types';
import { sortedItems } from './registry';
import { toArabicDigits } from '../i18n/thai-digits';

/** Lower-cases, maps Thai digits to Arabic, collapses whitespace (Thai words are matched as substrings). */
export function normalizeSearchText(s: string): string {
  return toArabicDigits(s.normalize('NFC')).toLowerCase().replace(/\s+/g, ' ').trim();
}

const RANK_EXACT = 0;
const RANK_PREFIX = 1;
const RANK_NAME = 2;
const RANK_ELEMENT = 3;
const RANK_OTHER = 4;

function codeRank(item: Criterion, q: string): number | null {
  const code = item.code.toLowerCase();
  const digits = code.replace(/^[a-z]+/, '');
  if (q === code || (/^\d+$/.test(q) && q === digits)) return RANK_EXACT;
  if (code.startsWith(q) || (/^\d+$/.test(q) && digits.startsWith(q))) return RANK_PREFIX;
  return null;
}

function textRank(item: Criterion, q: string, lang: 'th' | 'en' | undefined): number | null {
  const names = lang === 'en' ? [item.nameEn] : lang === 'th' ? [item.nameTh] : [item.nameTh, item.nameEn];
  const words = q.split(' ');
  const all = (hay: string[]) => {
    const h = hay.map(normalizeSearchText).join('\n');
    return words.every((w) => h.includes(w));
  };
  if (all(names)) return RANK_NAME;
  const labels = item.elements.flatMap((e) => (lang === 'en' ? [e.en] : lang === 'th' ? [e.th] : [e.th, e.en]));
  if (all([...names, ...labels])) return RANK_ELEMENT;
  if (all([...names, ...labels, item.subgroupTh, item.conditions])) return RANK_OTHER;
  return null;
}

function byRank(a: { rank: number; order: number }, b: { rank: number; order: number }): number {
  return a.rank - b.rank || a.order - b.order;
}

/**
 * Items matching `query`, best first: exact code ("O5", "o5", "5", "๕", "O๕"), code prefix,
 * name, element label, then sub-group/conditions. Ties keep natural code order.
 * `lang` limits text matching to one language; by default both are searched.
 */
export function searchCriteria(set: CriteriaSet, query: string, lang?: 'th' | 'en'): Criterion[] {
  const items = sortedItems(set);
  const q = normalizeSearchText(query);
  if (q === '') return items;
  const ranked: { item: Criterion; rank: number; order: number }[] = [];
  const compact = q.replace(/\s/g, '');
  items.forEach((item, order) => {
    const rank = codeRank(item, compact);
    if (rank !== null) ranked.push({ item, rank, order });
  });
  // A code-like query ("5", "o1") that matched codes means the user meant codes, not "2564" in a text.
  if (ranked.length > 0 && /^[a-z]{0,3}\d{1,3}$/.test(compact)) return ranked.sort(byRank).map((r) => r.item);
  items.forEach((item, order) => {
    if (codeRank(item, compact) !== null) return;
    const rank = textRank(item, q, lang);
    if (rank !== null) ranked.push({ item, rank, order });
  });
  return ranked.sort(byRank).map((r) => r.item);
}
