/**
 * How the items of one year's set descend from the previous year's: each item lists the codes it
 * came from (`mapsFrom`), and the set names that previous set (`previousSetId`).
 */

/** The parts of a set that lineage reads; `previousSetId` and `mapsFrom` are optional in a set. */
export interface LineageItem {
  code: string;
  nameTh: string;
  mapsFrom?: string[];
}
export interface LineageSet {
  id: string;
  previousSetId?: string;
  items: LineageItem[];
}

export type LineageKind = 'same' | 'renumbered' | 'merged' | 'new';

export function lineageKind(item: Pick<LineageItem, 'code' | 'mapsFrom'>): LineageKind {
  const from = item.mapsFrom ?? [];
  if (from.length === 0) return 'new';
  if (from.length > 1) return 'merged';
  return from[0] === item.code ? 'same' : 'renumbered';
}

/**
 * For each item of `to`, the codes of `from` whose evidence it inherits. Follows `previousSetId`
 * back through `lookup` when `to` descends from `from` over several years. When the two sets are not
 * related, an item inherits only from an item with the same code and the same Thai name: a code that
 * now means something else must not pull in last year's pages.
 */
export function codeMapping(
  from: LineageSet,
  to: LineageSet,
  lookup: (id: string) => LineageSet | undefined,
): Map<string, string[]> {
  const chain: LineageSet[] = [to];
  const seen = new Set([to.id]);
  let cur = to;
  while (cur.id !== from.id && cur.previousSetId && !seen.has(cur.previousSetId)) {
    const prev = cur.previousSetId === from.id ? from : lookup(cur.previousSetId);
    if (!prev) break;
    chain.push(prev);
    seen.add(prev.id);
    cur = prev;
  }
  const out = new Map<string, string[]>();
  if (cur.id !== from.id) {
    const byCode = new Map(from.items.map((it) => [it.code, it]));
    for (const it of to.items) out.set(it.code, byCode.get(it.code)?.nameTh === it.nameTh ? [it.code] : []);
    return out;
  }
  // Walk from `to` back to `from`, one year at a time.
  for (const it of to.items) {
    let codes = [it.code];
    for (let i = 0; i < chain.length - 1; i++) {
      const set = chain[i]!;
      const byCode = new Map(set.items.map((x) => [x.code, x]));
      codes = [...new Set(codes.flatMap((c) => byCode.get(c)?.mapsFrom ?? []))];
    }
    out.set(it.code, codes);
  }
  return out;
}

/** Inverse: for each code of the older set, the newer codes that inherit from it. */
export function inheritors(mapping: Map<string, string[]>): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const [to, froms] of mapping) for (const f of froms) out.set(f, [...(out.get(f) ?? []), to]);
  return out;
}
