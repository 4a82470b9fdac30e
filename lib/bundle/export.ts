/**
 * Streams the checklist bundle (zip) to an async sink. Evidence blobs are read from the database
 * one at a time and stored uncompressed (they are PNG/PDF already); text files are deflated.
 */
import type { CriteriaSet } from '../criteria/types';
import type { ItaDb, VerifyRow } from '../storage/db';
import type { EvidenceRecord, ItemRecord } from '../evidence/types';
import type { Settings } from '../storage/settings';
import { sha256Hex } from '../util/hash';
import { checklistCsv, itasCsv } from './csv';
import { checkExportManifest } from './export-check';
import { selectForExport, type Selection } from './export-select';
import {
  BUNDLE_FORMAT,
  BUNDLE_FORMAT_VERSION,
  CRITERIA_FILE,
  MANIFEST_FILE,
  type BundleManifest,
  type BundleSubset,
  type FileRole,
  type ManifestEvidence,
  type ManifestFile,
  type ManifestVerification,
} from './manifest';
import { BundleFailure } from './messages';
import { EvidencePathAllocator, safeSegment, shouldDeflate } from './paths';
import { reportHtml } from './report-html';
import { SUMS_FILE, formatSha256Sums } from './sha256sums';
import { ZipStreamWriter, type Sink } from '../zip/write';
import { snapshotForExport } from './snapshot-gate';

export const LAST_EXPORT_KEY = 'lastExportAt';

export interface ExportOptions {
  settings: Settings;
  set: CriteriaSet;
  /** Report fonts (woff2), stored under fonts/. The caller loads them: lib/ stays platform-free. */
  fonts: { name: string; bytes: Uint8Array }[];
  extensionVersion: string;
  now: () => Date;
  subset?: BundleSubset;
  sink: Sink;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /** A closed year's records (lib/checklist/rollover) instead of the open year's tables. */
  archived?: { evidence: EvidenceRecord[]; items: ItemRecord[]; verify: VerifyRow[] };
}

export interface ExportResult {
  fileName: string;
  files: number;
  bytes: number;
}

const enc = new TextEncoder();

export async function getLastExportAt(db: ItaDb): Promise<string | null> {
  const v = (await db.meta.get(LAST_EXPORT_KEY))?.value;
  return typeof v === 'string' ? v : null;
}

function bundleFileName(exportedAt: string, fiscalYear: number, partial: boolean): string {
  const stamp = exportedAt.replace(/\.\d+Z$/, 'Z').replace(/[-:]/g, '');
  return `ita-evidence-${fiscalYear}-${stamp}${partial ? '-partial' : ''}.zip`;
}

/** One stored artifact to copy into the zip, under the path the manifest gives it. */
interface ArtifactWrite {
  path: string;
  artifactId: string;
  sha256: string;
  bytes: number;
  mime: string;
  method: string;
}

/** Paths: one per distinct content; an artifact whose bytes repeat reuses the first path. */
function planArtifactPaths(selected: Selection['evidence']): {
  evidence: ManifestEvidence[];
  toWrite: ArtifactWrite[];
} {
  const alloc = new EvidencePathAllocator();
  const pathByHash = new Map<string, string>();
  const toWrite: ArtifactWrite[] = [];
  const evidence: ManifestEvidence[] = selected.map((ev) => ({
    ...ev,
    artifacts: ev.artifacts.map((a) => {
      let path = pathByHash.get(a.sha256);
      if (!path) {
        path = alloc.allocate(ev.criteria[0] ?? 'untagged', ev.id, a);
        pathByHash.set(a.sha256, path);
        toWrite.push({ path, artifactId: a.id, sha256: a.sha256, bytes: a.bytes, mime: a.mime, method: a.method });
      }
      return { ...a, path };
    }),
  }));
  return { evidence, toWrite };
}

function fontEntries(fonts: ExportOptions['fonts']): { path: string; bytes: Uint8Array }[] {
  return fonts.map((f) => ({ path: `fonts/${safeSegment(f.name.replace(/\.woff2$/i, ''))}.woff2`, bytes: f.bytes }));
}

/** The zip being written, with the checksum list and the manifest's file list kept beside it. */
class BundleOut {
  readonly writer: ZipStreamWriter;
  readonly sums: { path: string; sha256: string }[] = [];
  readonly files: ManifestFile[] = [];
  private done = 0;

  constructor(
    readonly opts: ExportOptions,
    readonly total: number,
  ) {
    this.writer = new ZipStreamWriter(opts.sink, opts.now());
  }

  checkAbort(): void {
    if (this.opts.signal?.aborted) throw new BundleFailure({ code: 'export-aborted' });
  }

  readonly progress = (n: number): void => {
    this.done += n;
    this.opts.onProgress?.(Math.min(this.done, this.total), this.total);
  };

  /** Adds a file and its checksum; returns the checksum. */
  async add(path: string, data: Uint8Array, deflate: boolean, count: boolean): Promise<string> {
    this.checkAbort();
    const sha256 = await sha256Hex(data);
    this.sums.push({ path, sha256 });
    await this.writer.addFile(path, data, deflate, count ? this.progress : undefined, this.opts.signal);
    return sha256;
  }

  /** Adds a file that the manifest lists. */
  async addListed(path: string, role: FileRole, mime: string, data: Uint8Array, deflate: boolean, count = false) {
    this.files.push({ path, role, mime, bytes: data.length, sha256: await this.add(path, data, deflate, count) });
  }
}

/** Copies each stored artifact, checking its size and hash; a neutralised snapshot updates its manifest entry. */
async function writeArtifacts(
  db: ItaDb,
  out: BundleOut,
  toWrite: ArtifactWrite[],
  evidence: ManifestEvidence[],
): Promise<void> {
  for (const w of toWrite) {
    out.checkAbort();
    const data = (await db.blobs.get(w.artifactId))?.data;
    if (!data) throw new BundleFailure({ code: 'export-blob-missing', params: { id: w.artifactId } });
    const bytes = data instanceof Uint8Array ? data : new Uint8Array(data);
    const corrupt = () => new BundleFailure({ code: 'export-blob-corrupt', params: { id: w.artifactId } });
    if (bytes.length !== w.bytes) throw corrupt();
    // Web Crypto hashes off the main thread while fflate computes the CRC on it; a mismatch
    // still fails the whole export (the caller discards what the sink received).
    const hashing = sha256Hex(bytes);
    // The snapshot rule: one stored by an earlier version goes out neutralised, under its new hash.
    const snap = w.method === 'dom-snapshot' ? await snapshotForExport(bytes, w.artifactId) : null;
    out.sums.push({ path: w.path, sha256: snap?.sha256 ?? w.sha256 });
    await out.writer.addFile(w.path, snap?.bytes ?? bytes, shouldDeflate(w.mime), out.progress, out.opts.signal);
    if ((await hashing) !== w.sha256) throw corrupt();
    if (snap)
      for (const a of evidence.flatMap((ev) => ev.artifacts))
        if (a.path === w.path) Object.assign(a, { sha256: snap.sha256, bytes: snap.bytes.length });
  }
}

function buildManifest(input: {
  opts: ExportOptions;
  exportedAt: string;
  sel: Selection;
  evidence: ManifestEvidence[];
  files: ManifestFile[];
  criteriaSha256: string;
  verification: ManifestVerification[];
}): BundleManifest {
  const { opts, sel, evidence } = input;
  const { settings, set } = opts;
  const evidenceIds = (code: string) => evidence.filter((e) => e.criteria.includes(code)).map((e) => e.id);
  return {
    format: BUNDLE_FORMAT,
    formatVersion: BUNDLE_FORMAT_VERSION,
    exportedAt: input.exportedAt,
    extensionVersion: opts.extensionVersion,
    agency: {
      name: settings.agencyName,
      homeUrl: settings.homeUrl,
      fiscalYear: settings.fiscalYear,
      units: settings.units,
    },
    criteriaSet: {
      id: set.id,
      titleTh: set.titleTh,
      titleEn: set.titleEn,
      fiscalYear: set.fiscalYear,
      itemCount: set.items.length,
      path: CRITERIA_FILE,
      sha256: input.criteriaSha256,
    },
    subset: opts.subset ?? null,
    summary: {
      ...sel.score,
      evidenceCount: evidence.length,
      artifactCount: evidence.reduce((n, e) => n + e.artifacts.length, 0),
    },
    items: sel.items.map((s) => ({ ...s.item, evidenceIds: evidenceIds(s.item.code) })),
    evidence,
    files: input.files,
    verification: input.verification,
  };
}

function reportOf(manifest: BundleManifest, sel: Selection, fontPaths: string[], settings: Settings): string {
  const rows = sel.items.map((s, i) => ({
    item: manifest.items[i]!,
    criterion: s.criterion,
    covered: s.covered,
    evidence: manifest.evidence.filter((e) => e.criteria.includes(s.item.code)),
  }));
  return reportHtml({
    manifest,
    rows,
    fontPaths,
    options: { signers: settings.reportSigners, thaiDigits: settings.reportThaiDigits },
  });
}

/** The writer's own failures, said as bundle failures; anything else is passed on. */
function asExportFailure(e: unknown): unknown {
  if (e instanceof BundleFailure) return e;
  if (e instanceof Error && e.message === 'aborted') return new BundleFailure({ code: 'export-aborted' });
  if (e instanceof Error && e.message === 'zip-too-large') return new BundleFailure({ code: 'export-too-large' });
  return e;
}

export async function exportBundle(db: ItaDb, opts: ExportOptions): Promise<ExportResult> {
  const { settings, set } = opts;
  const exportedAt = opts.now().toISOString();
  const sel = selectForExport({
    set,
    evidence: opts.archived?.evidence ?? (await db.evidence.toArray()),
    items: opts.archived?.items ?? (await db.items.toArray()),
    urlCap: settings.urlCap,
    subset: opts.subset,
  });
  const { evidence, toWrite } = planArtifactPaths(sel.evidence);
  const fontFiles = fontEntries(opts.fonts);
  const total = toWrite.reduce((n, w) => n + w.bytes, 0) + fontFiles.reduce((n, f) => n + f.bytes.length, 0);
  const out = new BundleOut(opts, total);
  try {
    opts.onProgress?.(0, total);
    await writeArtifacts(db, out, toWrite, evidence);
    for (const f of fontFiles) await out.addListed(f.path, 'font', 'font/woff2', f.bytes, false, true);
    await out.addListed(CRITERIA_FILE, 'criteria', 'application/json', enc.encode(JSON.stringify(set, null, 2)), true);
    const manifest = buildManifest({
      opts,
      exportedAt,
      sel,
      evidence,
      files: out.files,
      criteriaSha256: out.files[out.files.length - 1]!.sha256,
      verification: await verificationOf(
        db,
        evidence.map((e) => e.id),
        opts.archived?.verify,
      ),
    });
    await out.addListed('checklist.csv', 'checklist-csv', 'text/csv', enc.encode(checklistCsv(manifest.items)), true);
    await out.addListed('itas.csv', 'itas-csv', 'text/csv', enc.encode(itasCsv(manifest.items, settings.urlCap)), true);
    const html = reportOf(
      manifest,
      sel,
      fontFiles.map((f) => f.path),
      settings,
    );
    await out.addListed('report.html', 'report', 'text/html', enc.encode(html), true);
    // Every export imports: the manifest passes the import's own validation, or the record is named.
    const self = checkExportManifest(manifest, opts.now().getTime());
    if (!self.ok) throw new BundleFailure(self.error);
    manifest.verification = self.verification;
    await out.add(MANIFEST_FILE, enc.encode(JSON.stringify(manifest, null, 2)), true, false);
    out.checkAbort();
    await out.writer.addFile(SUMS_FILE, enc.encode(formatSha256Sums(out.sums)), true);
    await out.writer.end();
  } catch (e) {
    out.writer.abort();
    throw asExportFailure(e);
  }
  if (!opts.archived && (!opts.subset || opts.subset.changedSince !== undefined))
    await db.meta.put({ key: LAST_EXPORT_KEY, value: exportedAt });
  return {
    fileName: bundleFileName(exportedAt, settings.fiscalYear, !!opts.subset),
    files: out.sums.length + 1,
    bytes: out.writer.written,
  };
}

async function verificationOf(
  db: ItaDb,
  evidenceIds: string[],
  archived?: VerifyRow[],
): Promise<ManifestVerification[]> {
  const ids = new Set(evidenceIds);
  const rows = archived
    ? archived.filter((r) => ids.has(r.evidenceId))
    : await db.verify.where('evidenceId').anyOf(evidenceIds).toArray();
  return rows
    .filter((r) => r.result && typeof r.result === 'object')
    .map((r) => ({
      key: r.key,
      evidenceId: r.evidenceId,
      checkedAt: r.checkedAt,
      result: r.result as Record<string, unknown>,
    }))
    .sort((a, b) => (a.key < b.key ? -1 : 1));
}
