/**
 * Cross-checks between the zip's entries, SHA256SUMS and the manifest, in two phases:
 * `listing` runs before anything but manifest.json and SHA256SUMS is inflated (every entry listed
 * in both, every listed file present, declared sizes equal), `hashes` after each file was hashed.
 */
import { foldedName, unsafePathReason } from '../zip/paths';
import { MANIFEST_FILE, type BundleManifest } from './manifest';
import type { BundleError } from './messages';
import { SUMS_FILE, type SumEntry } from './sha256sums';

export interface Expected {
  sha256: string;
  bytes: number;
}

/** Every file the manifest lists, by path, with the problems of the listing itself. */
export function expectedFiles(m: BundleManifest): { expected: Map<string, Expected>; errors: BundleError[] } {
  const errors: BundleError[] = [];
  const out = new Map<string, Expected>();
  const folded = new Map<string, string>();
  const add = (path: string, e: Expected) => {
    const reason = path === MANIFEST_FILE || path === SUMS_FILE ? 'reserved' : unsafePathReason(path);
    if (reason) return void errors.push({ code: 'path-unsafe', file: path, params: { reason } });
    const prev = out.get(path);
    if (prev) {
      if (prev.sha256 !== e.sha256 || prev.bytes !== e.bytes) errors.push({ code: 'path-conflict', file: path });
      return;
    }
    const other = folded.get(foldedName(path));
    if (other !== undefined) return void errors.push({ code: 'name-collision', file: path, params: { other } });
    folded.set(foldedName(path), path);
    out.set(path, e);
  };
  const evidenceIds = new Set<string>();
  const artifactIds = new Set<string>();
  for (const ev of m.evidence) {
    if (evidenceIds.has(ev.id))
      errors.push({ code: 'duplicate-evidence-id', file: MANIFEST_FILE, params: { id: ev.id } });
    evidenceIds.add(ev.id);
    for (const a of ev.artifacts) {
      if (artifactIds.has(a.id))
        errors.push({ code: 'duplicate-artifact-id', file: MANIFEST_FILE, params: { id: a.id } });
      artifactIds.add(a.id);
      add(a.path, { sha256: a.sha256, bytes: a.bytes });
    }
  }
  for (const f of m.files) add(f.path, { sha256: f.sha256, bytes: f.bytes });
  const crit = out.get(m.criteriaSet.path);
  if (!crit) errors.push({ code: 'file-missing', file: m.criteriaSet.path, params: { source: MANIFEST_FILE } });
  else if (crit.sha256 !== m.criteriaSet.sha256) errors.push({ code: 'path-conflict', file: m.criteriaSet.path });
  return { expected: out, errors };
}

/** Before inflating: the zip holds exactly the files both lists name, at the sizes the manifest gives. */
export function listing(
  entries: ReadonlyMap<string, { size: number }>,
  sums: SumEntry[],
  expected: Map<string, Expected>,
): BundleError[] {
  const errors: BundleError[] = [];
  const listedInSums = new Set<string>();
  sums.forEach((s, i) => {
    if (listedInSums.has(s.path)) errors.push({ code: 'sums-bad-line', file: SUMS_FILE, params: { line: i + 1 } });
    listedInSums.add(s.path);
    if (!entries.has(s.path)) errors.push({ code: 'sums-extra-entry', file: SUMS_FILE, params: { entry: s.path } });
  });
  for (const path of entries.keys()) {
    if (path === SUMS_FILE) continue;
    if (path !== MANIFEST_FILE && !expected.has(path)) errors.push({ code: 'file-unlisted', file: path });
    else if (!listedInSums.has(path)) errors.push({ code: 'sums-missing-entry', file: path });
  }
  for (const [path, exp] of expected) {
    const e = entries.get(path);
    if (!e) errors.push({ code: 'file-missing', file: path, params: { source: MANIFEST_FILE } });
    else if (e.size !== exp.bytes)
      errors.push({ code: 'file-size-mismatch', file: path, params: { expected: exp.bytes, actual: e.size } });
  }
  return errors;
}

/** After hashing: each file matches the manifest, and SHA256SUMS agrees with both. */
export function hashes(
  actual: ReadonlyMap<string, string>,
  sums: SumEntry[],
  expected: Map<string, Expected>,
): BundleError[] {
  const errors: BundleError[] = [];
  const named = new Set<string>();
  for (const [path, exp] of expected) {
    const got = actual.get(path);
    if (got !== undefined && got !== exp.sha256) {
      errors.push({ code: 'hash-mismatch', file: path });
      named.add(path);
    }
  }
  for (const s of sums) {
    const got = actual.get(s.path);
    if (got === undefined || got === s.sha256 || named.has(s.path)) continue;
    // The file matches the manifest, so the wrong line is SHA256SUMS's own.
    if (expected.get(s.path)?.sha256 === got)
      errors.push({ code: 'sums-disagree', file: SUMS_FILE, params: { entry: s.path } });
    else errors.push({ code: 'hash-mismatch', file: s.path });
  }
  return errors;
}
