/**
 * What merging a bundle into the database would do. Only Dexie reads here (no other awaits), so
 * the plan can be recomputed inside the merge transaction.
 */
import type { EvidenceRecord, ItemRecord } from '../evidence/types';
import type { ItaDb } from '../storage/db';
import type { ParsedBundle } from './check';
import { toEvidenceRecord, toItemRecord } from './manifest';

export type Choice = 'mine' | 'theirs';
/** Keyed by item code, or `evidence:<id>` for an evidence record; then by field. */
export type Resolutions = Record<string, Record<string, Choice>>;

export interface FieldConflict {
  kind: 'item' | 'evidence';
  key: string;
  field: string;
  mine: unknown;
  theirs: unknown;
}

export interface MergePlan {
  addEvidence: string[];
  /** Same id and same content: nothing to do. */
  sameEvidence: string[];
  /** Different id but the same artifact bytes as a local record: not added; new criteria are appended. */
  duplicateContent: { theirs: string; mine: string; addCriteria: string[] }[];
  addItems: string[];
  /** Fields empty here and set in the bundle: filled in, nothing overwritten. */
  fillItems: { code: string; fields: string[] }[];
  conflicts: FieldConflict[];
  addCriteriaSet: boolean;
  criteriaSetDiffers: boolean;
}

export const ITEM_FIELDS = ['statusOverride', 'unit', 'dueDate', 'assignee', 'submitUrls', 'explanation', 'notes'] as const;
export const EVIDENCE_FIELDS = ['criteria', 'note', 'elementTicks'] as const;

/** Key-order-independent JSON, for comparing records. */
export function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o).filter((k) => o[k] !== undefined).sort().map((k) => `${JSON.stringify(k)}:${canon(o[k])}`).join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

export function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

export function contentKey(r: EvidenceRecord): string | null {
  return r.artifacts.length ? r.artifacts.map((a) => a.sha256).sort().join('+') : null;
}

function core(r: EvidenceRecord): string {
  const { criteria: _c, note: _n, elementTicks: _t, updatedAt: _u, ...rest } = r;
  return canon(rest);
}

export function evidenceConflictKey(id: string): string {
  return `evidence:${id}`;
}

export async function planMerge(db: ItaDb, bundle: ParsedBundle): Promise<MergePlan> {
  const plan: MergePlan = {
    addEvidence: [], sameEvidence: [], duplicateContent: [], addItems: [], fillItems: [], conflicts: [],
    addCriteriaSet: false, criteriaSetDiffers: false,
  };
  const local = await db.evidence.toArray();
  const localById = new Map(local.map((r) => [r.id, r]));
  const localByContent = new Map<string, EvidenceRecord>();
  for (const r of local) {
    const k = contentKey(r);
    if (k && !localByContent.has(k)) localByContent.set(k, r);
  }
  for (const me of bundle.manifest.evidence) {
    const theirs = toEvidenceRecord(me);
    const mine = localById.get(theirs.id);
    if (!mine) {
      const dup = localByContent.get(contentKey(theirs) ?? '');
      if (dup) plan.duplicateContent.push({ theirs: theirs.id, mine: dup.id, addCriteria: theirs.criteria.filter((c) => !dup.criteria.includes(c)) });
      else plan.addEvidence.push(theirs.id);
      continue;
    }
    const key = evidenceConflictKey(theirs.id);
    if (core(mine) !== core(theirs)) {
      plan.conflicts.push({ kind: 'evidence', key, field: 'record', mine, theirs });
      continue;
    }
    const differing = EVIDENCE_FIELDS.filter((f) => canon(mine[f]) !== canon(theirs[f]));
    if (!differing.length) plan.sameEvidence.push(theirs.id);
    for (const f of differing) plan.conflicts.push({ kind: 'evidence', key, field: f, mine: mine[f], theirs: theirs[f] });
  }

  const localItems = new Map((await db.items.toArray()).map((i) => [i.code, i]));
  for (const mi of bundle.manifest.items) {
    const theirs = toItemRecord(mi);
    if (!theirs) continue;
    const mine = localItems.get(theirs.code);
    if (!mine) { plan.addItems.push(theirs.code); continue; }
    const fill: string[] = [];
    for (const f of ITEM_FIELDS) {
      const a: unknown = mine[f as keyof ItemRecord];
      const b: unknown = theirs[f as keyof ItemRecord];
      if (canon(a) === canon(b) || isEmptyValue(b)) continue;
      if (isEmptyValue(a)) fill.push(f);
      else plan.conflicts.push({ kind: 'item', key: theirs.code, field: f, mine: a, theirs: b });
    }
    if (fill.length) plan.fillItems.push({ code: theirs.code, fields: fill });
  }

  if (bundle.criteriaSet) {
    const mine = await db.criteriaSets.get(bundle.criteriaSet.id);
    if (!mine) plan.addCriteriaSet = true;
    else plan.criteriaSetDiffers = canon(mine) !== canon(bundle.criteriaSet);
  }
  return plan;
}

/** Conflicts that `resolutions` leaves open. */
export function unresolved(plan: MergePlan, resolutions: Resolutions): FieldConflict[] {
  return plan.conflicts.filter((c) => {
    const choice = resolutions[c.key]?.[c.field];
    return choice !== 'mine' && choice !== 'theirs';
  });
}
