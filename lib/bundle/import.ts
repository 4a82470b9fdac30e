/**
 * Import = read and verify everything (no database access), plan the merge, then apply it in one
 * transaction. A failure at any step leaves the database exactly as it was.
 */
import type { ItaDb } from '../storage/db';
import { readBundle, type BundleLimits, type ParsedBundle } from './check';
import { applyMerge, type MergeResult } from './merge';
import { planMerge, unresolved, type MergePlan, type Resolutions } from './merge-plan';
import { BundleFailure, type BundleError } from './messages';

export type ImportOutcome =
  | { ok: true; bundle: ParsedBundle; plan: MergePlan; result: MergeResult }
  /** `plan` is set when the bundle is valid but conflicts still need the reviewer's choice. */
  | { ok: false; errors: BundleError[]; plan?: MergePlan; bundle?: ParsedBundle };

export async function importBundle(
  db: ItaDb,
  bytes: Uint8Array,
  opts: { limits?: Partial<BundleLimits>; resolutions?: Resolutions } = {},
): Promise<ImportOutcome> {
  const read = await readBundle(bytes, opts.limits);
  if (!read.ok) return { ok: false, errors: read.errors };
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
      ok: false, plan, bundle: read.bundle,
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
