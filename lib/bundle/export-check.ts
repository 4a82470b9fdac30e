/**
 * Export's own check, so that every export imports: the manifest about to be written is validated
 * exactly as an import would validate it, and a record that would be refused is named (evidence id
 * and title, item code, re-verification key) with the reason.
 */
import { expectedFiles } from './check-cross';
import type { BundleManifest, ManifestVerification } from './manifest';
import { validateManifest } from './manifest-validate';
import type { BundleError } from './messages';
import { rebuildVerification } from './verification-check';

function fromSchema(m: BundleManifest, e: BundleError): BundleError {
  const path = String(e.params?.path ?? '');
  const problem = String(e.params?.problem ?? '');
  const ev = /^\.evidence\[(\d+)\]\.?/.exec(path);
  const record = ev ? m.evidence[Number(ev[1])] : undefined;
  if (ev && record) {
    return {
      code: 'export-invalid-evidence',
      params: {
        id: record.id,
        title: String(record.title).slice(0, 80),
        problem: `${path.slice(ev[0].length) || '.'}: ${problem}`,
      },
    };
  }
  const it = /^\.items\[(\d+)\]\.?/.exec(path);
  const item = it ? m.items[Number(it[1])] : undefined;
  if (it && item)
    return {
      code: 'export-invalid-item',
      params: { code: item.code, problem: `${path.slice(it[0].length) || '.'}: ${problem}` },
    };
  return { code: 'export-invalid-manifest', params: { path, problem } };
}

/**
 * The verification results as the import will rebuild them, or the first record that would be
 * refused. `now` dates the check (results from the future are refused on import too).
 */
export function checkExportManifest(
  m: BundleManifest,
  now: number,
): { ok: true; verification: ManifestVerification[] } | { ok: false; error: BundleError } {
  const schema = validateManifest(m as unknown as Record<string, unknown>);
  if (schema.length) return { ok: false, error: fromSchema(m, schema[0]!) };
  const listed = expectedFiles(m).errors[0];
  if (listed)
    return {
      ok: false,
      error: { code: 'export-invalid-manifest', params: { path: listed.file ?? '', problem: listed.code } },
    };
  const index = new Map(m.evidence.map((e) => [e.id, new Set(e.artifacts.map((a) => a.id))]));
  const verification: ManifestVerification[] = [];
  for (const v of m.verification ?? []) {
    const r = rebuildVerification(v, now, index);
    if (!r.ok)
      return {
        ok: false,
        error: {
          code: 'export-invalid-verification',
          params: { key: String(v.key).slice(0, 200), problem: r.problem },
        },
      };
    verification.push(r.value);
  }
  return { ok: true, verification };
}
