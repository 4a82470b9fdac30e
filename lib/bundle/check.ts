/**
 * Reads and fully verifies a bundle held in memory: zip structure and limits, paths, SHA256SUMS,
 * manifest (migrated to the current version and validated), every hash and size. Nothing here
 * touches a database; import and the CLI both start from `readBundle`.
 */
import { validateCriteriaSet } from '../criteria/validate';
import type { CriteriaSet } from '../criteria/types';
import { sha256Hex } from '../util/hash';
import { cross } from './check-cross';
import { MANIFEST_FILE, type BundleManifest } from './manifest';
import { asManifest, validateManifest } from './manifest-validate';
import type { BundleError } from './messages';
import { migrateManifest } from './migrate';
import { SUMS_FILE, formatSha256Sums, parseSha256Sums } from './sha256sums';
import { DEFAULT_ZIP_LIMITS, extractEntry, readCentralDirectory, type ZipLimits } from '../zip/read';

export interface BundleLimits extends ZipLimits {
  maxManifestBytes: number;
}

export const DEFAULT_BUNDLE_LIMITS: BundleLimits = { ...DEFAULT_ZIP_LIMITS, maxManifestBytes: 32 * 1024 * 1024 };

export interface ParsedBundle {
  manifest: BundleManifest;
  /** Every file of the zip by path. */
  files: Map<string, Uint8Array>;
  /** The manifest's format version before migration. */
  fromVersion: number;
  criteriaSet: CriteriaSet | null;
}

export type ReadResult = { ok: true; bundle: ParsedBundle } | { ok: false; errors: BundleError[] };

const utf8 = new TextDecoder('utf-8', { fatal: true });

function parseJsonObject(bytes: Uint8Array, file: string): { ok: true; value: Record<string, unknown> } | { ok: false; error: BundleError } {
  let value: unknown;
  try {
    value = JSON.parse(utf8.decode(bytes));
  } catch (e) {
    return { ok: false, error: { code: 'manifest-json', file, params: { detail: e instanceof Error ? e.message.slice(0, 200) : 'parse error' } } };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, error: { code: 'manifest-not-object', file } };
  return { ok: true, value: value as Record<string, unknown> };
}

/** `now` (ms since the epoch) dates re-verification results; injectable for tests. */
export async function readBundle(bytes: Uint8Array, limits: Partial<BundleLimits> = {}, now: () => number = Date.now): Promise<ReadResult> {
  const lim: BundleLimits = { ...DEFAULT_BUNDLE_LIMITS, ...limits };
  const cd = readCentralDirectory(bytes, lim);
  if (!cd.ok) return cd;
  const entries = cd.value;
  const errors: BundleError[] = [];
  const manifestEntry = entries.find((e) => e.name === MANIFEST_FILE);
  if (!manifestEntry) errors.push({ code: 'missing-manifest' });
  if (!entries.some((e) => e.name === SUMS_FILE)) errors.push({ code: 'missing-sha256sums' });
  if (manifestEntry && manifestEntry.size > lim.maxManifestBytes)
    errors.push({ code: 'manifest-too-large', file: MANIFEST_FILE, params: { bytes: manifestEntry.size, limit: lim.maxManifestBytes } });
  if (errors.length) return { ok: false, errors };

  const files = new Map<string, Uint8Array>();
  for (const entry of entries) {
    const r = extractEntry(bytes, entry);
    if (r.ok) files.set(entry.name, r.value);
    else errors.push(...r.errors);
  }
  if (errors.length) return { ok: false, errors };

  const actual = new Map<string, string>();
  for (const [path, data] of files) actual.set(path, await sha256Hex(data));

  const sumsText = new TextDecoder().decode(files.get(SUMS_FILE)!);
  const sums = parseSha256Sums(sumsText);
  if (!sums.ok) return { ok: false, errors: [{ code: 'sums-bad-line', file: SUMS_FILE, params: { line: sums.line } }] };

  const parsed = parseJsonObject(files.get(MANIFEST_FILE)!, MANIFEST_FILE);
  let manifest: BundleManifest | null = null;
  let fromVersion = 0;
  if (!parsed.ok) errors.push(parsed.error);
  else {
    const mig = migrateManifest(parsed.value);
    if (!mig.ok) errors.push(...mig.errors);
    else {
      const schemaErrors = validateManifest(mig.manifest);
      if (schemaErrors.length) errors.push(...schemaErrors);
      else { manifest = asManifest(mig.manifest); fromVersion = mig.fromVersion; }
    }
  }
  errors.push(...cross({ files, actual, sums: sums.entries, manifest, now: now() }));

  let criteriaSet: CriteriaSet | null = null;
  if (manifest && files.has(manifest.criteriaSet.path) && !errors.length) {
    const raw = parseJsonObject(files.get(manifest.criteriaSet.path)!, manifest.criteriaSet.path);
    const v = raw.ok ? validateCriteriaSet(raw.value) : null;
    if (v?.ok && v.set.id === manifest.criteriaSet.id) criteriaSet = v.set;
    else errors.push({ code: 'criteria-invalid', file: manifest.criteriaSet.path });
  }
  if (!errors.length) {
    const canonical = formatSha256Sums([...actual].filter(([p]) => p !== SUMS_FILE).map(([path, sha256]) => ({ path, sha256 })));
    if (canonical !== sumsText) errors.push({ code: 'sums-not-canonical', file: SUMS_FILE });
  }
  if (errors.length || !manifest) return { ok: false, errors };
  return { ok: true, bundle: { manifest, files, fromVersion, criteriaSet } };
}

export interface CheckReport {
  ok: boolean;
  errors: BundleError[];
  summary?: { formatVersion: number; fromVersion: number; agency: string; exportedAt: string; files: number; items: number; evidence: number };
}

/** What the CLI `check` command runs. */
export async function checkBundle(bytes: Uint8Array, limits: Partial<BundleLimits> = {}): Promise<CheckReport> {
  const r = await readBundle(bytes, limits);
  if (!r.ok) return { ok: false, errors: r.errors };
  const m = r.bundle.manifest;
  return {
    ok: true,
    errors: [],
    summary: {
      formatVersion: m.formatVersion, fromVersion: r.bundle.fromVersion, agency: m.agency.name, exportedAt: m.exportedAt,
      files: r.bundle.files.size, items: m.items.length, evidence: m.evidence.length,
    },
  };
}

