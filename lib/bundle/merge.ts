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

export async function applyMerge(
  db: ItaDb,
  bundle: ParsedBundle,
  plan: MergePlan,
  resolutions: Resolutions = {},
): Promise<MergeResult> {
  failOpen(plan, resolutions);
  const result: MergeResult = {
    addedEvidence: 0,
    updatedEvidence: 0,
    skippedEvidence: 0,
    addedItems: 0,
    updatedItems: 0,
    addedBlobs: 0,
    addedCriteriaSet: false,
  };
  const theirsEvidence = new Map(bundle.manifest.evidence.map((e) => [e.id, toEvidenceRecord(e)]));
  const theirsItems = new Map(bundle.manifest.items.map((i) => [i.code, toItemRecord(i)]));
  try {
    await db.transaction('rw', [db.evidence, db.blobs, db.items, db.criteriaSets, db.verify], async () => {
      const fresh = await planMerge(db, bundle);
      failOpen(fresh, resolutions);

      const blobs: BlobRow[] = fresh.addEvidence.flatMap((id) => blobsOf(bundle, id));
      const records: EvidenceRecord[] = fresh.addEvidence.map((id) => theirsEvidence.get(id)!);
      result.addedEvidence = records.length;
      result.skippedEvidence = fresh.sameEvidence.length + fresh.duplicateContent.length;

      for (const dup of fresh.duplicateContent) {
        if (!dup.addCriteria.length) continue;
        const mine = (await db.evidence.get(dup.mine))!;
        const theirs = theirsEvidence.get(dup.theirs)!;
        const ticks = { ...mine.elementTicks };
        for (const c of dup.addCriteria) if (theirs.elementTicks[c]) ticks[c] = theirs.elementTicks[c]!;
        records.push({ ...mine, criteria: [...mine.criteria, ...dup.addCriteria], elementTicks: ticks });
        result.updatedEvidence++;
      }

      const evidenceConflicts = new Set(fresh.conflicts.filter((c) => c.kind === 'evidence').map((c) => c.key));
      for (const key of evidenceConflicts) {
        const id = key.slice('evidence:'.length);
        const mine = (await db.evidence.get(id))!;
        const theirs = theirsEvidence.get(id)!;
        const choice = resolutions[evidenceConflictKey(id)] ?? {};
        if (choice.record === 'theirs') {
          const oldIds = mine.artifacts.map((a) => a.id).filter((a) => !theirs.artifacts.some((t) => t.id === a));
          await db.blobs.bulkDelete(oldIds);
          blobs.push(...blobsOf(bundle, id));
          records.push(theirs);
          result.updatedEvidence++;
        } else if (choice.record !== 'mine') {
          const next: EvidenceRecord = { ...mine };
          if (choice.criteria === 'theirs') next.criteria = theirs.criteria;
          if (choice.note === 'theirs') next.note = theirs.note;
          if (choice.elementTicks === 'theirs') next.elementTicks = theirs.elementTicks;
          if (next.criteria !== mine.criteria || next.note !== mine.note || next.elementTicks !== mine.elementTicks) {
            records.push({ ...next, updatedAt: theirs.updatedAt > mine.updatedAt ? theirs.updatedAt : mine.updatedAt });
            result.updatedEvidence++;
          }
        }
      }

      const existingBlobs = new Set(
        (await db.blobs.bulkGet(blobs.map((b) => b.id))).filter((b) => b).map((b) => b!.id),
      );
      result.addedBlobs = blobs.filter((b) => !existingBlobs.has(b.id)).length;
      await db.blobs.bulkPut(blobs);
      await db.evidence.bulkPut(records);

      const items: ItemRecord[] = fresh.addItems.map((code) => theirsItems.get(code)!);
      result.addedItems = items.length;
      const touched = new Set([
        ...fresh.fillItems.map((f) => f.code),
        ...fresh.conflicts.filter((c) => c.kind === 'item').map((c) => c.key),
      ]);
      for (const code of touched) {
        const mine = (await db.items.get(code))!;
        const theirs = theirsItems.get(code)!;
        const next: Record<string, unknown> = { ...mine };
        let changed = false;
        for (const f of fresh.fillItems.find((x) => x.code === code)?.fields ?? []) {
          next[f] = theirs[f as keyof ItemRecord];
          changed = true;
        }
        for (const c of fresh.conflicts) {
          if (c.kind === 'item' && c.key === code && resolutions[code]?.[c.field] === 'theirs') {
            next[c.field] = c.theirs;
            changed = true;
          }
        }
        if (changed) {
          items.push({
            ...(next as unknown as ItemRecord),
            updatedAt: theirs.updatedAt > mine.updatedAt ? theirs.updatedAt : mine.updatedAt,
          });
          result.updatedItems++;
        }
      }
      await db.items.bulkPut(items);
      // Re-verification results: the newer check of each page or document wins.
      for (const v of bundle.manifest.verification ?? []) {
        const mine = await db.verify.get(v.key);
        if (!mine || mine.checkedAt < v.checkedAt)
          await db.verify.put({ key: v.key, evidenceId: v.evidenceId, checkedAt: v.checkedAt, result: v.result });
      }
      if (fresh.addCriteriaSet && bundle.criteriaSet) {
        await db.criteriaSets.put(bundle.criteriaSet);
        result.addedCriteriaSet = true;
      }
    });
  } catch (e) {
    if (e instanceof BundleFailure) throw e;
    const detail =
      e instanceof Dexie.DexieError ? `${e.name}: ${e.message}` : e instanceof Error ? e.message : String(e);
    throw new BundleFailure({ code: 'db-write-failed', params: { detail: detail.slice(0, 300) } });
  }
  return result;
}
