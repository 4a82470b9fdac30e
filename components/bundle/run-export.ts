/** One export from start to download, with its side effects injected (so it runs in Node tests). */
import { BundleFailure, exportBundle, readBundle, type BundleError, type BundleSubset } from '../../lib/bundle';
import { blobSource } from '../../lib/zip/read';
import type { ExportOptions } from '../../lib/bundle/export';
import type { CriteriaSet } from '../../lib/criteria/types';
import type { ItaDb } from '../../lib/storage/db';
import type { Settings } from '../../lib/storage/settings';
import { createBlobSink, DEFAULT_FOLD_BYTES } from './blob-sink';

export interface ExportRun {
  db: ItaDb;
  settings: Settings;
  set: CriteriaSet;
  subset: BundleSubset | undefined;
  signal: AbortSignal;
  extensionVersion: string;
  loadFonts(): Promise<{ name: string; bytes: Uint8Array }[]>;
  save(blob: Blob, fileName: string): void;
  now?: () => Date;
  onProgress?(done: number, total: number): void;
  foldBytes?: number;
  /** Export a closed year from its archive (lib/bundle/export `archived`). */
  archived?: ExportOptions['archived'];
}

export type ExportOutcome =
  | { ok: true; fileName: string; files: number; bytes: number }
  | { ok: false; kind: 'bundle'; error: BundleError }
  | { ok: false; kind: 'fonts'; detail: string }
  | { ok: false; kind: 'other'; error: unknown };

export async function runExport(r: ExportRun): Promise<ExportOutcome> {
  let fonts: { name: string; bytes: Uint8Array }[];
  try {
    fonts = await r.loadFonts();
  } catch (e) {
    return { ok: false, kind: 'fonts', detail: e instanceof Error ? e.message : String(e) };
  }
  if (r.signal.aborted) return { ok: false, kind: 'bundle', error: { code: 'export-aborted' } };
  const out = createBlobSink(r.foldBytes ?? DEFAULT_FOLD_BYTES);
  try {
    const res = await exportBundle(r.db, {
      settings: r.settings,
      set: r.set,
      fonts,
      extensionVersion: r.extensionVersion,
      now: r.now ?? (() => new Date()),
      subset: r.subset,
      sink: out.sink,
      signal: r.signal,
      onProgress: r.onProgress,
      archived: r.archived,
    });
    // Nothing is offered for download unless the whole zip was written and the import reader
    // accepts it (every export imports); the check streams the zip, keeping none of its files.
    const blob = out.finish('application/zip');
    const self = await readBundle(blobSource(blob), {}, { keep: () => false });
    if (!self.ok) {
      const detail = self.errors
        .slice(0, 5)
        .map((x) => `${x.file ? `${x.file}: ` : ''}${x.code}`)
        .join('; ');
      return { ok: false, kind: 'bundle', error: { code: 'export-self-check', params: { detail } } };
    }
    r.save(blob, res.fileName);
    return { ok: true, ...res };
  } catch (e) {
    if (e instanceof BundleFailure) return { ok: false, kind: 'bundle', error: e.error };
    return { ok: false, kind: 'other', error: e };
  }
}
