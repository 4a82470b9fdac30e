/**
 * The snapshot rule applied to a bundle's page snapshots (lib/capture/snapshot-scan): active
 * content refuses the bundle, naming the entry; an older, less self-contained snapshot is
 * neutralised (remote loads replaced by placeholders, current CSP head) and reported as a warning.
 * A neutralised snapshot gets new bytes, so its artifacts get the new hash and size.
 */
import { rewriteSnapshot, scanSnapshot } from '../capture/snapshot-scan';
import { sha256Hex } from '../util/hash';
import type { ParsedBundle } from './check';
import { DEFAULT_ZIP_LIMITS, memorySource, openZip, streamEntry, type ZipLimits, type ZipSource } from '../zip/read';
import type { BundleManifest } from './manifest';
import { BundleFailure, type BundleError } from './messages';

/** Extra judge run where a DOM exists (extension pages): problems refuse the snapshot. */
export type SnapshotCheck = (html: string) => string[];

export interface SnapshotGateResult {
  errors: BundleError[];
  warnings: BundleError[];
  bundle: ParsedBundle;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const enc = new TextEncoder();
const reasons = (list: string[]) => list.slice(0, 3).join('; ') + (list.length > 3 ? ` (+${list.length - 3})` : '');

type Judged = { ok: true; bytes: Uint8Array | null; remote: string[] } | { ok: false; reason: string };

/** The rule on one snapshot's bytes: refused, kept as is (bytes null), or neutralised. */
export function judgeSnapshotBytes(bytes: Uint8Array, domCheck?: SnapshotCheck): Judged {
  let html: string;
  try {
    html = utf8.decode(bytes);
  } catch {
    return { ok: false, reason: 'not UTF-8 text' };
  }
  const scan = scanSnapshot(html);
  if (scan.active.length) return { ok: false, reason: reasons(scan.active) };
  let out = html;
  if (scan.remote.length) {
    out = rewriteSnapshot(html).html;
    const again = scanSnapshot(out);
    if (again.active.length || again.remote.length)
      return { ok: false, reason: reasons([...again.active, ...again.remote]) };
  }
  const dom = domCheck?.(out) ?? [];
  if (dom.length) return { ok: false, reason: reasons(dom) };
  return { ok: true, bytes: out === html ? null : enc.encode(out), remote: scan.remote };
}

/** The dom-snapshot artifacts of a manifest, one per path, with the evidence they belong to. */
function snapshotPaths(manifest: BundleManifest): Map<string, string> {
  const out = new Map<string, string>();
  for (const ev of manifest.evidence)
    for (const a of ev.artifacts) if (a.method === 'dom-snapshot' && !out.has(a.path)) out.set(a.path, ev.id);
  return out;
}

/**
 * For `check`, which keeps no evidence bytes in memory: each snapshot entry is inflated again,
 * judged and dropped, one at a time (the container and every hash were verified before).
 */
export async function checkSnapshotsInZip(
  input: Uint8Array | ZipSource,
  manifest: BundleManifest,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<{ errors: BundleError[]; warnings: BundleError[] }> {
  const src = input instanceof Uint8Array ? memorySource(input) : input;
  const zip = await openZip(src, limits);
  if (!zip.ok) return { errors: zip.errors, warnings: [] };
  const entries = new Map(zip.value.entries.map((e) => [e.name, e]));
  const errors: BundleError[] = [];
  const warnings: BundleError[] = [];
  for (const [path, evidence] of snapshotPaths(manifest)) {
    const e = entries.get(path);
    if (!e) continue; // reported by the container checks
    const data = new Uint8Array(e.size);
    let o = 0;
    const problem = await streamEntry(src, e, (chunk) => {
      data.set(chunk, o);
      o += chunk.length;
    });
    if (problem) {
      errors.push(problem);
      continue;
    }
    const j = judgeSnapshotBytes(data);
    if (!j.ok) errors.push({ code: 'snapshot-refused', file: path, params: { evidence, reason: j.reason } });
    else if (j.bytes)
      warnings.push({ code: 'snapshot-neutralised', file: path, params: { evidence, reason: reasons(j.remote) } });
  }
  return { errors, warnings };
}

export async function gateSnapshots(bundle: ParsedBundle, domCheck?: SnapshotCheck): Promise<SnapshotGateResult> {
  const errors: BundleError[] = [];
  const warnings: BundleError[] = [];
  const replaced = new Map<string, { bytes: Uint8Array; sha256: string }>();
  const seen = new Set<string>();
  for (const ev of bundle.manifest.evidence) {
    for (const a of ev.artifacts) {
      if (a.method !== 'dom-snapshot' || seen.has(a.path)) continue;
      seen.add(a.path);
      const bytes = bundle.files.get(a.path);
      if (!bytes) continue; // a missing file is reported by the container checks
      const j = judgeSnapshotBytes(bytes, domCheck);
      if (!j.ok) errors.push({ code: 'snapshot-refused', file: a.path, params: { evidence: ev.id, reason: j.reason } });
      else if (j.bytes) {
        replaced.set(a.path, { bytes: j.bytes, sha256: await sha256Hex(j.bytes) });
        warnings.push({
          code: 'snapshot-neutralised',
          file: a.path,
          params: { evidence: ev.id, reason: reasons(j.remote) },
        });
      }
    }
  }
  if (errors.length || !replaced.size) return { errors, warnings, bundle };
  const files = new Map(bundle.files);
  for (const [path, r] of replaced) files.set(path, r.bytes);
  const evidence = bundle.manifest.evidence.map((ev) => ({
    ...ev,
    artifacts: ev.artifacts.map((a) => {
      const r = replaced.get(a.path);
      return r && a.method === 'dom-snapshot' ? { ...a, sha256: r.sha256, bytes: r.bytes.length } : a;
    }),
  }));
  return { errors, warnings, bundle: { ...bundle, files, manifest: { ...bundle.manifest, evidence } } };
}

/**
 * Before export: a stored snapshot that still loads from the web (captured by an earlier version)
 * is written neutralised; one with active content stops the export, naming the artifact.
 */
export async function snapshotForExport(
  bytes: Uint8Array,
  artifactId: string,
): Promise<{ bytes: Uint8Array; sha256: string } | null> {
  const j = judgeSnapshotBytes(bytes);
  if (!j.ok) {
    throw new BundleFailure({ code: 'export-snapshot-refused', params: { id: artifactId, reason: j.reason } });
  }
  return j.bytes ? { bytes: j.bytes, sha256: await sha256Hex(j.bytes) } : null;
}
