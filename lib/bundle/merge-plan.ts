/**
 * What merging a bundle into the database would do. Only Dexie reads here (no other awaits), so
 * the plan can be recomputed inside the merge transaction.
 */
import type { EvidenceRecord, ItemRecord } from '../evidence/types';
import type { ItaDb } from '../storage/db';
import type { ParsedBundle } from './check';
import { toEvidenceRecord, toItemRecord } from './manifest';
import { BundleFailure } from './messages';

type Choice = 'mine' | 'theirs';
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

const ITEM_FIELDS = ['statusOverride', 'unit', 'dueDate', 'assignee', 'submitUrls', 'explanation', 'notes'] as const;
const EVIDENCE_FIELDS = ['criteria', 'note', 'elementTicks'] as const;

/** Key-order-independent JSON, for comparing records. */
function canon(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canon).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canon(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v ?? null);
}

function isEmptyValue(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0);
}

function contentKey(r: EvidenceRecord): string | null {
  return r.artifacts.length
    ? r.artifacts
        .map((a) => a.sha256)
        .sort()
        .join('+')
    : null;
}

function core(r: EvidenceRecord): string {
  const { criteria: _c, note: _n, elementTicks: _t, updatedAt: _u, ...rest } = r;
  return canon(rest);
}

export function evidenceConflictKey(id: string): string {
  return `evidence:${id}`;
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Blobs are keyed by artifact id, so a bundle reusing the id of a file that belongs to other local
 * evidence would overwrite (or later delete) that file. Such a bundle is refused as a whole rather
 * than renamed: renaming would break the verification keys (`evidenceId#artifactId`) it carries.
 * An id held only by an orphan blob with the very same bytes is harmless and allowed.
 */
async function checkArtifactIds(
  db: ItaDb,
  bundle: ParsedBundle,
  ids: string[],
  local: EvidenceRecord[],
): Promise<void> {
  const owner = new Map<string, string>();
  for (const r of local) for (const a of r.artifacts) owner.set(a.id, r.id);
  for (const id of ids) {
    const me = bundle.manifest.evidence.find((e) => e.id === id);
    if (!me) continue;
    for (const a of me.artifacts) {
      const holder = owner.get(a.id);
      if (holder === id) continue; // the same record, replaced only if the reviewer picks theirs
      const fail = (who: string) =>
        new BundleFailure({ code: 'artifact-id-conflict', params: { id: a.id, evidence: id, owner: who } });
      if (holder !== undefined) throw fail(holder);
      const blob = await db.blobs.get(a.id);
      const data = bundle.files.get(a.path);
      if (blob && (!data || !sameBytes(blob.data, data))) throw fail('-');
    }
  }
}

/** Throws BundleFailure('artifact-id-conflict') when the bundle would overwrite files of other evidence. */
export async function planMerge(db: ItaDb, bundle: ParsedBundle): Promise<MergePlan> {
  const plan: MergePlan = {
    addEvidence: [],
    sameEvidence: [],
    duplicateContent: [],
    addItems: [],
    fillItems: [],
    conflicts: [],
    addCriteriaSet: false,
    criteriaSetDiffers: false,
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
      if (dup)
        plan.duplicateContent.push({
          theirs: theirs.id,
          mine: dup.id,
          addCriteria: theirs.criteria.filter((c) => !dup.criteria.includes(c)),
        });
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
    for (const f of differing)
      plan.conflicts.push({ kind: 'evidence', key, field: f, mine: mine[f], theirs: theirs[f] });
  }

  await checkArtifactIds(
    db,
    bundle,
    [
      ...plan.addEvidence,
      ...new Set(plan.conflicts.filter((c) => c.field === 'record').map((c) => c.key.slice('evidence:'.length))),
    ],
    local,
  );

  const localItems = new Map((await db.items.toArray()).map((i) => [i.code, i]));
  for (const mi of bundle.manifest.items) {
    const theirs = toItemRecord(mi);
    if (!theirs) continue;
    const mine = localItems.get(theirs.code);
    if (!mine) {
      plan.addItems.push(theirs.code);
      continue;
    }
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
