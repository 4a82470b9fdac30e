/**
 * Import = decide as `check` does (JSON files only in memory), read and verify everything (no
 * database access), plan the merge, then apply it in one transaction. A failure at any step leaves the database exactly as it was.
 */
import type { ItaDb } from '../storage/db';
import { getChecklistYear } from '../storage/archive-repo';
import { checkBundle, readBundle, type BundleLimits, type ParsedBundle } from './check';
import { applyMerge, type MergeResult } from './merge';
import { planMerge, unresolved, type MergePlan, type Resolutions } from './merge-plan';
import { BundleFailure, type BundleError } from './messages';
import { gateSnapshots, type SnapshotCheck } from './snapshot-gate';

export type ImportOutcome =
  | { ok: true; bundle: ParsedBundle; plan: MergePlan; result: MergeResult }
  /** `plan` is set when the bundle is valid but conflicts still need the reviewer's choice. */
  | { ok: false; errors: BundleError[]; plan?: MergePlan; bundle?: ParsedBundle };

/** Evidence counts only for the year it was captured for: another year's bundle is refused, not merged. */
async function checkBundleYear(db: ItaDb, bundle: ParsedBundle): Promise<BundleError | null> {
  const open = await getChecklistYear(db);
  const year = bundle.manifest.agency.fiscalYear;
  if (year === open.fiscalYear) return null;
  return {
    code: 'bundle-other-year',
    params: { bundle: year, current: open.fiscalYear, set: bundle.manifest.criteriaSet.id },
  };
}

export async function importBundle(
  db: ItaDb,
  bytes: Uint8Array,
  /** `snapshotCheck`: the DOM layer of the snapshot rule, passed by extension pages. */
  opts: { limits?: Partial<BundleLimits>; resolutions?: Resolutions; snapshotCheck?: SnapshotCheck } = {},
): Promise<ImportOutcome> {
  // Decided first as `check` decides, keeping only the JSON files: a refused bundle (container,
  // sizes, hashes, values, active snapshots) never has its other files in memory.
  const decided = await checkBundle(bytes, opts.limits);
  if (!decided.ok) return { ok: false, errors: decided.errors };
  const checked = await readBundle(bytes, opts.limits);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  // Snapshots: active content refuses the bundle; older ones are neutralised before anything is planned.
  const gate = await gateSnapshots(checked.bundle, opts.snapshotCheck);
  if (gate.errors.length) return { ok: false, errors: gate.errors };
  const read = { bundle: gate.bundle };
  const otherYear = await checkBundleYear(db, read.bundle);
  if (otherYear) return { ok: false, errors: [otherYear], bundle: read.bundle };
  let plan: MergePlan;
  try {
    plan = await planMerge(db, read.bundle);
  } catch (e) {
    if (e instanceof BundleFailure) return { ok: false, errors: [e.error], bundle: read.bundle };
    throw e;
  }
  const open = unresolved(plan, opts.resolutions ?? {});
  if (open.length) {
    return {
      ok: false,
      plan,
      bundle: read.bundle,
      errors: open.map((c) => ({ code: 'unresolved-conflict' as const, params: { key: c.key, field: c.field } })),
    };
  }
  try {
    const result = await applyMerge(db, read.bundle, plan, opts.resolutions ?? {});
    return { ok: true, bundle: read.bundle, plan, result };
  } catch (e) {
    if (e instanceof BundleFailure) return { ok: false, errors: [e.error], plan, bundle: read.bundle };
    throw e;
  }
}
