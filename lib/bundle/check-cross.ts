/** Cross-checks between the zip's files, their actual hashes, SHA256SUMS and the manifest. */
import { MANIFEST_FILE, type BundleManifest } from './manifest';
import type { BundleError } from './messages';
import { unsafePathReason } from '../zip/paths';
import { SUMS_FILE, type SumEntry } from './sha256sums';
import { verificationProblem } from './verification-check';

interface Expected {
  sha256: string;
  bytes: number;
}

export interface CrossInput {
  files: Map<string, Uint8Array>;
  actual: Map<string, string>;
  sums: SumEntry[];
  manifest: BundleManifest | null;
  /** Current time (ms), for rejecting re-verification results dated in the future. */
  now?: number;
}

function expectedFiles(m: BundleManifest, errors: BundleError[], now: number): Map<string, Expected> {
  const out = new Map<string, Expected>();
  const add = (path: string, e: Expected) => {
    const reason = path === MANIFEST_FILE || path === SUMS_FILE ? 'reserved' : unsafePathReason(path);
    if (reason) return void errors.push({ code: 'path-unsafe', file: path, params: { reason } });
    const prev = out.get(path);
    if (prev && (prev.sha256 !== e.sha256 || prev.bytes !== e.bytes)) errors.push({ code: 'path-conflict', file: path });
    else out.set(path, e);
  };
  const evidenceIds = new Set<string>();
  const artifactIds = new Set<string>();
  for (const ev of m.evidence) {
    if (evidenceIds.has(ev.id)) errors.push({ code: 'duplicate-evidence-id', file: MANIFEST_FILE, params: { id: ev.id } });
    evidenceIds.add(ev.id);
    for (const a of ev.artifacts) {
      if (artifactIds.has(a.id)) errors.push({ code: 'duplicate-artifact-id', file: MANIFEST_FILE, params: { id: a.id } });
      artifactIds.add(a.id);
      add(a.path, { sha256: a.sha256, bytes: a.bytes });
    }
  }
  for (const v of m.verification ?? []) {
    if (!evidenceIds.has(v.evidenceId)) errors.push({ code: 'verification-unknown-evidence', file: MANIFEST_FILE, params: { id: v.evidenceId } });
    const problem = verificationProblem(v, now);
    if (problem) errors.push({ code: 'verification-invalid', file: MANIFEST_FILE, params: { key: String(v.key).slice(0, 200), problem } });
  }
  for (const f of m.files) add(f.path, { sha256: f.sha256, bytes: f.bytes });
  const crit = out.get(m.criteriaSet.path);
  if (!crit) errors.push({ code: 'file-missing', file: m.criteriaSet.path, params: { source: MANIFEST_FILE } });
  else if (crit.sha256 !== m.criteriaSet.sha256) errors.push({ code: 'path-conflict', file: m.criteriaSet.path });
  return out;
}

export function cross({ files, actual, sums, manifest, now = Date.now() }: CrossInput): BundleError[] {
  const errors: BundleError[] = [];
  const named = new Set<string>(); // files already reported as changed

  const sumsByPath = new Map<string, string>();
  sums.forEach((s, i) => {
    if (sumsByPath.has(s.path)) errors.push({ code: 'sums-bad-line', file: SUMS_FILE, params: { line: i + 1 } });
    sumsByPath.set(s.path, s.sha256);
    if (!files.has(s.path)) errors.push({ code: 'sums-extra-entry', file: SUMS_FILE, params: { entry: s.path } });
  });
  for (const path of files.keys()) {
    if (path !== SUMS_FILE && !sumsByPath.has(path)) errors.push({ code: 'sums-missing-entry', file: path });
  }

  const expected = manifest ? expectedFiles(manifest, errors, now) : new Map<string, Expected>();
  if (manifest) {
    for (const [path, exp] of expected) {
      const data = files.get(path);
      if (!data) { errors.push({ code: 'file-missing', file: path, params: { source: MANIFEST_FILE } }); continue; }
      if (actual.get(path) !== exp.sha256) { errors.push({ code: 'hash-mismatch', file: path }); named.add(path); }
      if (data.length !== exp.bytes) errors.push({ code: 'file-size-mismatch', file: path, params: { expected: exp.bytes, actual: data.length } });
    }
    for (const path of files.keys()) {
      if (path !== MANIFEST_FILE && path !== SUMS_FILE && !expected.has(path)) errors.push({ code: 'file-unlisted', file: path });
    }
  }

  for (const [path, listed] of sumsByPath) {
    const got = actual.get(path);
    if (got === undefined || got === listed || named.has(path)) continue;
    // The file matches the manifest, so the wrong line is SHA256SUMS's own.
    if (expected.get(path)?.sha256 === got) errors.push({ code: 'sums-disagree', file: SUMS_FILE, params: { entry: path } });
    else errors.push({ code: 'hash-mismatch', file: path });
  }
  return errors;
}
