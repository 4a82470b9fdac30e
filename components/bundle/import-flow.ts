/** Import as the panel runs it: verify, then merge at once or stop for the reviewer's choices. */
import {
  applyMerge,
  BundleFailure,
  importBundle,
  type BundleError,
  type MergePlan,
  type MergeResult,
  type ParsedBundle,
  type Resolutions,
} from '../../lib/bundle';
import type { ItaDb } from '../../lib/storage/db';
import { domSnapshotProblems } from '../../lib/capture/snapshot-sanitize.dom';

export type ImportStep =
  | { kind: 'invalid'; errors: BundleError[] }
  | { kind: 'conflicts'; bundle: ParsedBundle; plan: MergePlan }
  | { kind: 'done'; result: MergeResult };

/** Verifies the bytes; with no conflicts the merge is applied in the same step. */
export async function startImport(db: ItaDb, bytes: Uint8Array): Promise<ImportStep> {
  // Extension pages judge snapshots with the browser's parser too (Node tests of this flow have none).
  const snapshotCheck = typeof DOMParser === 'undefined' ? undefined : (html: string) => domSnapshotProblems(html);
  const out = await importBundle(db, bytes, { snapshotCheck });
  if (out.ok) return { kind: 'done', result: out.result };
  const onlyConflicts =
    out.plan &&
    out.bundle &&
    out.plan.conflicts.length > 0 &&
    out.errors.every((e) => e.code === 'unresolved-conflict');
  if (onlyConflicts) return { kind: 'conflicts', bundle: out.bundle!, plan: out.plan! };
  return { kind: 'invalid', errors: out.errors };
}

export async function finishImport(
  db: ItaDb,
  bundle: ParsedBundle,
  plan: MergePlan,
  resolutions: Resolutions,
): Promise<ImportStep> {
  try {
    return { kind: 'done', result: await applyMerge(db, bundle, plan, resolutions) };
  } catch (e) {
    if (e instanceof BundleFailure) return { kind: 'invalid', errors: [e.error] };
    throw e;
  }
}

/** Resolutions for every conflict of the plan set to one side. */
export function resolveAll(plan: MergePlan, choice: 'mine' | 'theirs'): Resolutions {
  const r: Resolutions = {};
  for (const c of plan.conflicts) (r[c.key] ??= {})[c.field] = choice;
  return r;
}

export function setChoice(r: Resolutions, key: string, field: string, choice: 'mine' | 'theirs'): Resolutions {
  return { ...r, [key]: { ...r[key], [field]: choice } };
}
