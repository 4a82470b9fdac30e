/**
 * The criteria editor's model: a draft of one set that the coordinator edits item by item. Plain
 * data in, plain data out (every operation returns a new draft), so that the UI only renders it.
 * Each item remembers the code it had when the draft started, so that saving can carry evidence
 * tagged with a renumbered code over to its new code.
 */
import type { CriteriaSet, Criterion } from './types';
import type { CriteriaResult } from './errors';
import { validateCriteriaSet } from './validate';
import { compareCodes } from './registry';
import { shiftSetToYear } from './year-shift';

interface DraftItem {
  item: Criterion;
  /** The code in the stored set; null for an item added in this draft. */
  originalCode: string | null;
}

export interface Draft {
  set: Omit<CriteriaSet, 'items'>;
  items: DraftItem[];
}

export function startDraft(set: CriteriaSet): Draft {
  const { items, ...rest } = structuredClone(set);
  return { set: rest, items: items.map((item) => ({ item, originalCode: item.code })) };
}

/**
 * A copy of `set` for another fiscal year: periods shifted, every item mapped to its own code in
 * `set` (edit the mapping where the new manual renumbers), sources kept but confidence unchanged.
 */
export function copySetToYear(set: CriteriaSet, fiscalYear: number, agencyType: string = set.agencyType): CriteriaSet {
  const shifted = shiftSetToYear(set, fiscalYear);
  return {
    ...shifted,
    agencyType,
    id: `${set.framework}/${fiscalYear}/${agencyType}`,
    previousSetId: set.id,
    items: shifted.items.map((it) => ({ ...it, mapsFrom: [it.code] })),
  };
}

export type ItemPatch = Partial<Criterion>;

export function updateDraftItem(d: Draft, index: number, patch: ItemPatch): Draft {
  return { ...d, items: d.items.map((di, i) => (i === index ? { ...di, item: { ...di.item, ...patch } } : di)) };
}

/** The next unused code with the set's usual prefix ("O44" after O43). */
export function nextFreeCode(d: Draft): string {
  const codes = d.items.map((di) => di.item.code);
  const prefix = /^[A-Z]+/.exec(codes[0] ?? 'O')?.[0] ?? 'O';
  let n = 1;
  for (const c of codes) {
    const m = new RegExp(`^${prefix}(\\d+)$`).exec(c);
    if (m) n = Math.max(n, Number(m[1]) + 1);
  }
  return `${prefix}${n}`;
}

export function addDraftItem(d: Draft, subindicator?: string): Draft {
  const sub =
    d.set.subindicators.find((s) => s.code === subindicator) ?? d.set.subindicators[d.set.subindicators.length - 1];
  const item: Criterion = {
    code: nextFreeCode(d),
    indicator: sub?.indicator ?? 0,
    subindicator: sub?.code ?? '',
    subgroupTh: sub?.nameTh ?? '',
    nameTh: '',
    nameEn: '',
    elements: [],
    anyOf: [],
    conditions: '',
    hintRules: [],
    periodRule: { kind: 'current' },
    periodText: 'current',
    noneRule: null,
    source: null,
    confidence: 'C',
    mapsFrom: [],
  };
  return { ...d, items: [...d.items, { item, originalCode: null }] };
}

export type RemoveResult =
  { ok: true; draft: Draft } | { ok: false; reason: 'has-evidence'; code: string; count: number };

/** Refuses while evidence is tagged with the item's stored code: move the evidence first. */
export function removeDraftItem(d: Draft, index: number, evidenceCount: (code: string) => number): RemoveResult {
  const di = d.items[index];
  if (!di) return { ok: true, draft: d };
  const count = di.originalCode === null ? 0 : evidenceCount(di.originalCode);
  if (count > 0) return { ok: false, reason: 'has-evidence', code: di.originalCode!, count };
  return { ok: true, draft: { ...d, items: d.items.filter((_, i) => i !== index) } };
}

/** Stored code → new code, for items whose code changed in this draft. */
export function draftRenames(d: Draft): Map<string, string> {
  const out = new Map<string, string>();
  for (const di of d.items)
    if (di.originalCode !== null && di.originalCode !== di.item.code) out.set(di.originalCode, di.item.code);
  return out;
}

/** The draft as a set document, items in natural code order. */
export function draftToSet(d: Draft): CriteriaSet {
  const items = d.items.map((di) => di.item).sort((a, b) => compareCodes(a.code, b.code));
  return { ...d.set, items };
}

/** Live validation: the same checks an imported file gets, with paths into the draft's items. */
export function validateDraft(d: Draft): CriteriaResult<CriteriaSet> {
  const r = validateCriteriaSet({ ...d.set, items: d.items.map((di) => di.item) });
  return r;
}

/** The errors of one draft item (index into `d.items`), for showing beside its fields. */
export function itemErrors<E extends { path: string }>(errors: E[], index: number): E[] {
  const prefix = `items[${index}]`;
  return errors.filter((e) => e.path === prefix || e.path.startsWith(`${prefix}.`));
}
