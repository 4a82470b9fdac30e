/**
 * Reads and fully verifies a bundle: zip structure (lib/zip), then manifest.json and SHA256SUMS,
 * which must list every other entry before any of it is inflated; then every file, hashed while it
 * streams, so memory stays bounded whatever the zip holds. Nothing here touches a database; import
 * and the CLI both start from `readBundle`.
 */
import { validateCriteriaSet } from '../criteria/validate';
import type { CriteriaSet } from '../criteria/types';
import { createSha256, type Sha256 } from '../util/hash';
import {
  DEFAULT_ZIP_LIMITS,
  memorySource,
  openZip,
  streamEntry,
  type ZipEntry,
  type ZipLimits,
  type ZipSource,
} from '../zip/read';
import { expectedFiles, hashes, listing } from './check-cross';
import { MANIFEST_FILE, type BundleManifest } from './manifest';
import { asManifest, validateManifest } from './manifest-validate';
import type { BundleError } from './messages';
import { migrateManifest } from './migrate';
import { SUMS_FILE, formatSha256Sums, parseSha256Sums } from './sha256sums';
import { rebuildVerification } from './verification-check';
import { checkSnapshotsInZip } from './snapshot-gate';

export interface BundleLimits extends ZipLimits {
  maxManifestBytes: number;
  maxSumsBytes: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = {
  ...DEFAULT_ZIP_LIMITS,
  maxManifestBytes: 32 * 1024 * 1024,
  maxSumsBytes: 8 * 1024 * 1024,
};

export interface ParsedBundle {
  manifest: BundleManifest;
  /** The files kept in memory, by path: every file for an import, the text files for a check. */
  files: Map<string, Uint8Array>;
  /** The manifest's format version before migration. */
  fromVersion: number;
  /** How many files the zip holds (folders not counted). */
  fileCount: number;
  criteriaSet: CriteriaSet | null;
}

export type ReadResult = { ok: true; bundle: ParsedBundle } | { ok: false; errors: BundleError[] };

export interface ReadOptions {
  /** Dates re-verification results (ms since the epoch); injectable for tests. */
  now?: () => number;
  /** Which files to keep in memory; default every file (import needs them all). */
  keep?: (path: string) => boolean;
  /** Incremental SHA-256 (the CLI passes Node's, which is faster); default the portable one. */
  sha256?: () => Sha256;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJsonObject(
  bytes: Uint8Array,
  file: string,
): { ok: true; value: Record<string, unknown> } | { ok: false; error: BundleError } {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (e) {
    return {
      ok: false,
      error: {
        code: 'manifest-json',
        file,
        params: { detail: e instanceof Error ? e.message.slice(0, 200) : 'parse error' },
      },
    };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return { ok: false, error: { code: 'manifest-not-object', file } };
  return { ok: true, value: value as Record<string, unknown> };
}

/** Streams one entry, hashing it; keeps its bytes when asked. */
async function hashEntry(
  src: ZipSource,
  e: ZipEntry,
  keep: boolean,
  sha256: () => Sha256,
): Promise<{ ok: true; sha256: string; data?: Uint8Array } | { ok: false; error: BundleError }> {
  const h = sha256();
  const data = keep ? new Uint8Array(e.size) : undefined;
  let o = 0;
  const problem = await streamEntry(src, e, (chunk) => {
    h.update(chunk);
    if (data) {
      data.set(chunk, o);
      o += chunk.length;
    }
  });
  if (problem) return { ok: false, error: problem };
  return { ok: true, sha256: h.hex(), data };
}

function manifestOf(bytes: Uint8Array): { manifest: BundleManifest; fromVersion: number } | { errors: BundleError[] } {
  const parsed = parseJsonObject(bytes, MANIFEST_FILE);
  if (!parsed.ok) return { errors: [parsed.error] };
  const mig = migrateManifest(parsed.value);
  if (!mig.ok) return { errors: mig.errors };
  const schemaErrors = validateManifest(mig.manifest);
  if (schemaErrors.length) return { errors: schemaErrors };
  return { manifest: asManifest(mig.manifest), fromVersion: mig.fromVersion };
}

/** Replaces the manifest's verification results by their rebuilt forms; names each one refused. */
function rebuildResults(m: BundleManifest, now: number): BundleError[] {
  if (!m.verification) return [];
  const index = new Map(m.evidence.map((e) => [e.id, new Set(e.artifacts.map((a) => a.id))]));
  const errors: BundleError[] = [];
  m.verification = m.verification.flatMap((v) => {
    const r = rebuildVerification(v, now, index);
    if (r.ok) return [r.value];
    const key = typeof v.key === 'string' ? v.key.slice(0, 200) : '?';
    errors.push(
      r.problem === 'evidenceId is not evidence in this bundle'
        ? {
            code: 'verification-unknown-evidence',
            file: MANIFEST_FILE,
            params: { id: String(v.evidenceId).slice(0, 200) },
          }
        : { code: 'verification-invalid', file: MANIFEST_FILE, params: { key, problem: r.problem } },
    );
    return [];
  });
  return errors;
}

const KEEP_ALL = () => true;

export async function readBundle(
  input: Uint8Array | ZipSource,
  limits: Partial<BundleLimits> = {},
  opts: ReadOptions | (() => number) = {},
): Promise<ReadResult> {
  const o: ReadOptions = typeof opts === 'function' ? { now: opts } : opts;
  const now = o.now ?? Date.now;
  const keep = o.keep ?? KEEP_ALL;
  const sha256 = o.sha256 ?? createSha256;
  const lim: BundleLimits = { ...DEFAULT_BUNDLE_LIMITS, ...limits };
  const src = input instanceof Uint8Array ? memorySource(input) : input;

  // 1. The container, without inflating anything.
  const zip = await openZip(src, lim);
  if (!zip.ok) return zip;
  const entries = new Map(zip.value.entries.filter((e) => !e.dir).map((e) => [e.name, e]));
  const manifestEntry = entries.get(MANIFEST_FILE);
  const sumsEntry = entries.get(SUMS_FILE);
  const errors: BundleError[] = [];
  if (!manifestEntry) errors.push({ code: 'missing-manifest' });
  if (!sumsEntry) errors.push({ code: 'missing-sha256sums' });
  if (manifestEntry && manifestEntry.size > lim.maxManifestBytes)
    errors.push({
      code: 'manifest-too-large',
      file: MANIFEST_FILE,
      params: { bytes: manifestEntry.size, limit: lim.maxManifestBytes },
    });
  if (sumsEntry && sumsEntry.size > lim.maxSumsBytes)
    errors.push({
      code: 'manifest-too-large',
      file: SUMS_FILE,
      params: { bytes: sumsEntry.size, limit: lim.maxSumsBytes },
    });
  if (errors.length || !manifestEntry || !sumsEntry) return { ok: false, errors };

  // 2. The two lists, first.
  const actual = new Map<string, string>();
  const files = new Map<string, Uint8Array>();
  for (const e of [sumsEntry, manifestEntry]) {
    const r = await hashEntry(src, e, true, sha256);
    if (!r.ok) return { ok: false, errors: [r.error] };
    actual.set(e.name, r.sha256);
    files.set(e.name, r.data!);
  }
  const sumsText = new TextDecoder().decode(files.get(SUMS_FILE));
  const sums = parseSha256Sums(sumsText);
  if (!sums.ok) return { ok: false, errors: [{ code: 'sums-bad-line', file: SUMS_FILE, params: { line: sums.line } }] };
  const read = manifestOf(files.get(MANIFEST_FILE)!);
  if ('errors' in read) return { ok: false, errors: read.errors };
  const { manifest, fromVersion } = read;
  const { expected, errors: listErrors } = expectedFiles(manifest);
  errors.push(...listErrors, ...rebuildResults(manifest, now()));
  // 3. Every entry listed in both, every listed file present at its size: else nothing more is inflated.
  errors.push(...listing(entries, sums.entries, expected));
  if (errors.length) return { ok: false, errors };
  if (!keep(MANIFEST_FILE)) files.delete(MANIFEST_FILE);

  // 4. Everything else, hashed while it streams.
  for (const e of entries.values()) {
    if (e === manifestEntry || e === sumsEntry) continue;
    const r = await hashEntry(src, e, keep(e.name) || e.name === manifest.criteriaSet.path, sha256);
    if (!r.ok) {
      errors.push(r.error);
      continue;
    }
    actual.set(e.name, r.sha256);
    if (r.data) files.set(e.name, r.data);
  }
  errors.push(...hashes(actual, sums.entries, expected));
  if (errors.length) return { ok: false, errors };

  let criteriaSet: CriteriaSet | null = null;
  const critBytes = files.get(manifest.criteriaSet.path);
  const raw = critBytes ? parseJsonObject(critBytes, manifest.criteriaSet.path) : null;
  const v = raw?.ok ? validateCriteriaSet(raw.value) : null;
  if (v?.ok && v.set.id === manifest.criteriaSet.id) criteriaSet = v.set;
  else errors.push({ code: 'criteria-invalid', file: manifest.criteriaSet.path });
  if (!keep(manifest.criteriaSet.path)) files.delete(manifest.criteriaSet.path);

  const canonical = formatSha256Sums(
    [...actual].filter(([p]) => p !== SUMS_FILE).map(([path, sha]) => ({ path, sha256: sha })),
  );
  if (!errors.length && canonical !== sumsText) errors.push({ code: 'sums-not-canonical', file: SUMS_FILE });
  if (errors.length) return { ok: false, errors };
  return { ok: true, bundle: { manifest, files, fromVersion, criteriaSet, fileCount: entries.size } };
}

export interface CheckReport {
  ok: boolean;
  errors: BundleError[];
  /** Not refusals: e.g. older snapshots that import neutralises. */
  warnings?: BundleError[];
  summary?: {
    formatVersion: number;
    fromVersion: number;
    agency: string;
    exportedAt: string;
    files: number;
    items: number;
    evidence: number;
  };
}

/** What the CLI `check` command runs. */
export async function checkBundle(
  input: Uint8Array | ZipSource,
  limits: Partial<BundleLimits> = {},
  opts: ReadOptions = {},
): Promise<CheckReport> {
  const r = await readBundle(input, limits, { keep: (p) => p.endsWith('.json'), ...opts });
  if (!r.ok) return { ok: false, errors: r.errors };
  const snaps = await checkSnapshotsInZip(input, r.bundle.manifest, { ...DEFAULT_BUNDLE_LIMITS, ...limits });
  if (snaps.errors.length) return { ok: false, errors: snaps.errors, warnings: snaps.warnings };
  const m = r.bundle.manifest;
  return {
    ok: true,
    errors: [],
    warnings: snaps.warnings,
    summary: {
      formatVersion: m.formatVersion,
      fromVersion: r.bundle.fromVersion,
      agency: m.agency.name,
      exportedAt: m.exportedAt,
      files: r.bundle.fileCount,
      items: m.items.length,
      evidence: m.evidence.length,
    },
  };
}
