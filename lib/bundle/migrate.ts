/**
 * Manifest migrations. Each step upgrades from `from` to `from + 1`; never edit a released step.
 * Version 1 (first release) kept one `criterion: string` per evidence record and had no item
 * explanation (`explanation`, `explanationText`).
 */
import { BUNDLE_FORMAT, BUNDLE_FORMAT_VERSION } from './manifest';
import type { BundleError } from './messages';
import { isPlainObject } from '../util/guards';
import { runMigrations, type MigrationStep } from '../util/migrate';

type Obj = Record<string, unknown>;

const MIGRATIONS: MigrationStep<Obj>[] = [
  {
    from: 1,
    up: (m) => ({
      ...m,
      formatVersion: 2,
      evidence: Array.isArray(m.evidence)
        ? (m.evidence as unknown[]).map((e) => {
            if (!isPlainObject(e)) return e;
            const { criterion, ...rest } = e;
            return { ...rest, criteria: typeof criterion === 'string' ? [criterion] : [] };
          })
        : m.evidence,
      items: Array.isArray(m.items)
        ? (m.items as unknown[]).map((i) => (isPlainObject(i) ? { ...i, explanation: null, explanationText: '' } : i))
        : m.items,
    }),
  },
];

/** Checks the format name and version, then upgrades to the current version. */
export function migrateManifest(
  raw: Obj,
): { ok: true; manifest: Obj; fromVersion: number } | { ok: false; errors: BundleError[] } {
  const file = 'manifest.json';
  if (raw.format !== BUNDLE_FORMAT)
    return { ok: false, errors: [{ code: 'format-unknown', file, params: { format: String(raw.format) } }] };
  const v = raw.formatVersion;
  if (!Number.isInteger(v) || (v as number) < 1 || (v as number) > BUNDLE_FORMAT_VERSION)
    return {
      ok: false,
      errors: [
        { code: 'format-version-unsupported', file, params: { version: String(v), max: BUNDLE_FORMAT_VERSION } },
      ],
    };
  const manifest = runMigrations(raw, v as number, BUNDLE_FORMAT_VERSION, MIGRATIONS);
  return { ok: true, manifest, fromVersion: v as number };
}
