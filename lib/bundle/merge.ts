/**
 * Applies a merge plan in one Dexie transaction: either everything is written or nothing is.
 * The plan is recomputed inside the transaction, so a database changed since planning cannot
 * slip an unresolved conflict through.
 */
import Dexie from 'dexie';
import type { BlobRow, EvidenceRecord, ItemRecord } from '../evidence/types';
import type { ItaDb } from '../storage/db';
import type { ParsedBundle } from './check';
import { toEvidenceRecord, toItemRecord } from './manifest';
import { BundleFailure } from './messages';
import { evidenceConflictKey, planMerge, unresolved, type MergePlan, type Resolutions } from './merge-plan';

export interface MergeResult {
  addedEvidence: number;
  updatedEvidence: number;
  skippedEvidence: number;
  addedItems: number;
  updatedItems: number;
  addedBlobs: number;
  addedCriteriaSet: boolean;
}

function blobsOf(bundle: ParsedBundle, id: string): BlobRow[] {
  const me = bundle.manifest.evidence.find((e) => e.id === id)!;
  return me.artifacts.map((a) => ({ id: a.id, data: bundle.files.get(a.path)! }));
}

function failOpen(plan: MergePlan, resolutions: Resolutions): void {
  const open = unresolved(plan, resolutions)[0];
  if (open) throw new BundleFailure({ code: 'unresolved-conflict', params: { key: open.key, field: open.field } });
}

type Plan = Awaited<ReturnType<typeof planMerge>>;
type Choice = Resolutions[string];

const newer = (a: string, b: string) => (a > b ? a : b);

/** The same content already here under other items: mine gains their items (and their ticks for those). */
function withTheirCriteria(mine: EvidenceRecord, theirs: EvidenceRecord, addCriteria: string[]): EvidenceRecord {
  const ticks = { ...mine.elementTicks };
  for (const c of addCriteria) if (theirs.elementTicks[c]) ticks[c] = theirs.elementTicks[c]!;
  return { ...mine, criteria: [...mine.criteria, ...addCriteria], elementTicks: ticks };
}

/** A conflicting record field by field as chosen; null when nothing of theirs was chosen. */
function resolvedEvidence(mine: EvidenceRecord, theirs: EvidenceRecord, choice: Choice): EvidenceRecord | null {
  const next: EvidenceRecord = { ...mine };
  if (choice.criteria === 'theirs') next.criteria = theirs.criteria;
  if (choice.note === 'theirs') next.note = theirs.note;
  if (choice.elementTicks === 'theirs') next.elementTicks = theirs.elementTicks;
  if (next.criteria === mine.criteria && next.note === mine.note && next.elementTicks === mine.elementTicks)
    return null;
  return { ...next, updatedAt: newer(theirs.updatedAt, mine.updatedAt) };
}

/** An item with the empty fields theirs fills and the conflicts resolved to theirs; null when unchanged. */
function mergedItem(
  mine: ItemRecord,
  theirs: ItemRecord,
  fill: string[],
  conflicts: Plan['conflicts'],
  choice: Choice | undefined,
): ItemRecord | null {
  const next: Record<string, unknown> = { ...mine };
  let changed = false;
  for (const f of fill) {
    next[f] = theirs[f as keyof ItemRecord];
    changed = true;
  }
  for (const c of conflicts) {
    if (c.kind === 'item' && c.key === mine.code && choice?.[c.field] === 'theirs') {
      next[c.field] = c.theirs;
      changed = true;
    }
  }
  if (!changed) return null;
  return { ...(next as unknown as ItemRecord), updatedAt: newer(theirs.updatedAt, mine.updatedAt) };
}

interface EvidenceWrites {
  records: EvidenceRecord[];
  blobs: BlobRow[];
  /** Blobs of my records replaced by theirs that their version no longer has. */
  staleBlobIds: string[];
  updated: number;
}

async function evidenceWrites(
  db: ItaDb,
  bundle: ParsedBundle,
  fresh: Plan,
  resolutions: Resolutions,
  theirsEvidence: Map<string, EvidenceRecord>,
): Promise<EvidenceWrites> {
  const out: EvidenceWrites = {
    records: fresh.addEvidence.map((id) => theirsEvidence.get(id)!),
    blobs: fresh.addEvidence.flatMap((id) => blobsOf(bundle, id)),
    staleBlobIds: [],
    updated: 0,
  };
  for (const dup of fresh.duplicateContent) {
    if (!dup.addCriteria.length) continue;
    const mine = (await db.evidence.get(dup.mine))!;
    out.records.push(withTheirCriteria(mine, theirsEvidence.get(dup.theirs)!, dup.addCriteria));
    out.updated++;
  }
  const evidenceConflicts = new Set(fresh.conflicts.filter((c) => c.kind === 'evidence').map((c) => c.key));
  for (const key of evidenceConflicts) {
    const id = key.slice('evidence:'.length);
    const mine = (await db.evidence.get(id))!;
    const theirs = theirsEvidence.get(id)!;
    const choice = resolutions[evidenceConflictKey(id)] ?? {};
    if (choice.record === 'mine') continue;
    if (choice.record === 'theirs') {
      out.staleBlobIds.push(
        ...mine.artifacts.map((a) => a.id).filter((a) => !theirs.artifacts.some((t) => t.id === a)),
      );
      out.blobs.push(...blobsOf(bundle, id));
      out.records.push(theirs);
      out.updated++;
      continue;
    }
    const next = resolvedEvidence(mine, theirs, choice);
    if (next) {
      out.records.push(next);
      out.updated++;
    }
  }
  return out;
}

/** Writes the blobs; returns how many were not already stored. */
async function putBlobs(db: ItaDb, blobs: BlobRow[]): Promise<number> {
  const existing = new Set((await db.blobs.bulkGet(blobs.map((b) => b.id))).filter((b) => b).map((b) => b!.id));
  await db.blobs.bulkPut(blobs);
  return blobs.filter((b) => !existing.has(b.id)).length;
}

async function itemWrites(
  db: ItaDb,
  fresh: Plan,
  resolutions: Resolutions,
  theirsItems: Map<string, ItemRecord | null>,
): Promise<{ items: ItemRecord[]; added: number; updated: number }> {
  const items: ItemRecord[] = fresh.addItems.map((code) => theirsItems.get(code)!);
  const added = items.length;
  const touched = new Set([
    ...fresh.fillItems.map((f) => f.code),
    ...fresh.conflicts.filter((c) => c.kind === 'item').map((c) => c.key),
  ]);
  for (const code of touched) {
    const fill = fresh.fillItems.find((x) => x.code === code)?.fields ?? [];
    const next = mergedItem(
      (await db.items.get(code))!,
      theirsItems.get(code)!,
      fill,
      fresh.conflicts,
      resolutions[code],
    );
    if (next) items.push(next);
  }
  return { items, added, updated: items.length - added };
}

/** Re-verification results: the newer check of each page or document wins. */
async function mergeVerification(db: ItaDb, bundle: ParsedBundle): Promise<void> {
  for (const v of bundle.manifest.verification ?? []) {
    const mine = await db.verify.get(v.key);
    if (!mine || mine.checkedAt < v.checkedAt)
      await db.verify.put({ key: v.key, evidenceId: v.evidenceId, checkedAt: v.checkedAt, result: v.result });
  }
}

function asWriteFailure(e: unknown): BundleFailure {
  if (e instanceof BundleFailure) return e;
  const detail = e instanceof Dexie.DexieError ? `${e.name}: ${e.message}` : e instanceof Error ? e.message : String(e);
  return new BundleFailure({ code: 'db-write-failed', params: { detail: detail.slice(0, 300) } });
}

export async function applyMerge(
  db: ItaDb,
  bundle: ParsedBundle,
  plan: MergePlan,
  resolutions: Resolutions = {},
): Promise<MergeResult> {
  failOpen(plan, resolutions);
  const theirsEvidence = new Map(bundle.manifest.evidence.map((e) => [e.id, toEvidenceRecord(e)]));
  const theirsItems = new Map(bundle.manifest.items.map((i) => [i.code, toItemRecord(i)]));
  try {
    return await db.transaction('rw', [db.evidence, db.blobs, db.items, db.criteriaSets, db.verify], async () => {
      const fresh = await planMerge(db, bundle);
      failOpen(fresh, resolutions);
      const ev = await evidenceWrites(db, bundle, fresh, resolutions, theirsEvidence);
      await db.blobs.bulkDelete(ev.staleBlobIds);
      const addedBlobs = await putBlobs(db, ev.blobs);
      await db.evidence.bulkPut(ev.records);
      const it = await itemWrites(db, fresh, resolutions, theirsItems);
      await db.items.bulkPut(it.items);
      await mergeVerification(db, bundle);
      const addCriteriaSet = !!(fresh.addCriteriaSet && bundle.criteriaSet);
      if (addCriteriaSet) await db.criteriaSets.put(bundle.criteriaSet!);
      return {
        addedEvidence: fresh.addEvidence.length,
        updatedEvidence: ev.updated,
        skippedEvidence: fresh.sameEvidence.length + fresh.duplicateContent.length,
        addedItems: it.added,
        updatedItems: it.updated,
        addedBlobs,
        addedCriteriaSet: addCriteriaSet,
      };
    });
  } catch (e) {
    throw asWriteFailure(e);
  }
}
