import type { CaptureRequest, CaptureResult } from '../messages/protocol';
import type { Artifact, BlobRow, ClickStep, EvidenceRecord } from '../evidence/types';
import { makeArtifact, type ArtifactMeta } from './artifact';
import { pngDimensions } from './png';
import { allowedDocumentMime, checkDocumentSize, safeDecode } from './documents';
import { completeSnapshot, type FetchedResource } from './snapshot-inline';
import { saveEvidence } from '../storage/evidence-repo';
import { StorageError } from '../storage/errors';
import type { ItaDb } from '../storage/db';

interface FetchedDocument {
  bytes: Uint8Array;
  contentType: string | null;
  finalUrl: string;
}

/** Everything the pipeline needs from the browser, injected so that it runs in Node tests. */
export interface CaptureDeps {
  db: ItaDb;
  now(): Date;
  newId(): string;
  extensionVersion: string;
  userAgent: string;
  timeZone: string;
  /** The URL the tab reports (the final URL); null when unknown. */
  tabUrl: string | null;
  captureViewport(): Promise<Uint8Array>;
  captureFullPage(): Promise<{ parts: Uint8Array[]; tiles: number }>;
  cropRegion(png: Uint8Array, region: NonNullable<CaptureRequest['region']>, dpr: number): Promise<Uint8Array>;
  fetchDocument(url: string): Promise<FetchedDocument>;
  /**
   * Fetches what the page snapshot loads (stylesheets, fonts, images) under the document fetch
   * policy, to inline it; without it, every remote part becomes a placeholder.
   */
  fetchResource?(url: string): Promise<FetchedResource>;
  clickPath(): Promise<{ path: ClickStep[]; reachedFromHome: boolean }>;
}

export class CaptureError extends Error {
  constructor(
    readonly code: Extract<CaptureResult, { ok: false }>['code'],
    detail?: string,
    cause?: unknown,
  ) {
    super(detail ?? code, cause === undefined ? undefined : { cause });
  }
}

const enc = new TextEncoder();

async function screenshotArtifacts(req: CaptureRequest, deps: CaptureDeps) {
  const out: { bytes: Uint8Array; meta: ArtifactMeta }[] = [];
  const png = (bytes: Uint8Array, meta: Omit<ArtifactMeta, 'mime' | 'width' | 'height'>) => {
    const dim = pngDimensions(bytes);
    out.push({ bytes, meta: { ...meta, mime: 'image/png', ...(dim ?? {}) } });
  };
  if (req.mode === 'fullpage') {
    const { parts, tiles } = await deps.captureFullPage();
    parts.forEach((p, i) =>
      png(p, { method: 'fullpage-stitched', tiles, ...(parts.length > 1 ? { part: i + 1, parts: parts.length } : {}) }),
    );
  } else if (req.mode === 'element' && req.renderedPng) {
    png(base64ToBytes(req.renderedPng), { method: 'rendered-html2canvas' });
  } else if (req.mode === 'element' && req.region) {
    const shot = await deps.captureViewport();
    png(await deps.cropRegion(shot, req.region, req.page.dpr), { method: 'element-crop' });
  } else {
    png(await deps.captureViewport(), { method: 'viewport' });
  }
  return out;
}

/**
 * Fetches and checks each ticked document. Errors name the document by its number in the list,
 * never by URL or HTTP status: the message is shown in the page, which must learn nothing from
 * it; the underlying error is kept as `cause` for the background console.
 */
async function documentArtifacts(req: CaptureRequest, deps: CaptureDeps) {
  const out: { bytes: Uint8Array; meta: ArtifactMeta }[] = [];
  for (const [i, url] of req.documents.entries()) {
    const n = String(i + 1);
    let doc: FetchedDocument;
    try {
      doc = await deps.fetchDocument(url);
    } catch (e) {
      if (
        (e instanceof CaptureError && e.code !== 'document-failed') ||
        (e as { code?: unknown })?.code === 'cancelled'
      )
        throw e;
      throw new CaptureError('document-failed', n, e);
    }
    if (checkDocumentSize(doc.bytes))
      throw new CaptureError('document-too-large', (doc.bytes.byteLength / 1024 / 1024).toFixed(1));
    let fileName = 'document';
    try {
      fileName = safeDecode(new URL(doc.finalUrl).pathname.split('/').pop() || 'document').slice(0, 255) || 'document';
    } catch {
      /* keep the default name */
    }
    const mime = allowedDocumentMime(doc.bytes, fileName);
    if (!mime)
      throw new CaptureError(
        'document-type',
        n,
        new Error(`sniffed type not allowed for ${doc.finalUrl} (declared ${doc.contentType ?? 'none'})`),
      );
    out.push({ bytes: doc.bytes, meta: { method: 'document-bytes', mime, sourceUrl: doc.finalUrl, fileName } });
  }
  return out;
}

/** Captures, hashes and stores one piece of evidence. Nothing is written unless every step succeeded. */
export async function runCapture(req: CaptureRequest, deps: CaptureDeps): Promise<EvidenceRecord> {
  // The screenshot comes first (the page must not change meanwhile); hashing the snapshot and
  // reading the click-path overlap with it.
  const made = (p: { bytes: Uint8Array; meta: ArtifactMeta }) => makeArtifact(p.bytes, p.meta, deps.newId);
  const snapshot = Promise.all([
    completeSnapshot(
      req.page.html,
      { url: req.page.url, text: req.page.text, capturedAt: deps.now().toISOString() },
      deps.fetchResource ? { fetch: deps.fetchResource } : undefined,
    ).then((html) =>
      made({ bytes: enc.encode(html), meta: { method: 'dom-snapshot', mime: 'text/html; charset=utf-8' } }),
    ),
    made({ bytes: enc.encode(req.page.text), meta: { method: 'text', mime: 'text/plain; charset=utf-8' } }),
  ]);
  const trail = deps.clickPath();
  snapshot.catch(() => undefined);
  trail.catch(() => undefined);
  const shots = await Promise.all((await screenshotArtifacts(req, deps)).map(made));
  const docs = await Promise.all((await documentArtifacts(req, deps)).map(made));
  const all = [...shots, ...(await snapshot), ...docs];
  const artifacts: Artifact[] = all.map((m) => m.artifact);
  const blobs: BlobRow[] = all.map((m) => m.blob);
  const { path, reachedFromHome } = await trail;
  const now = deps.now().toISOString();
  const ticks: Record<string, string[]> = {};
  for (const code of req.criteria) ticks[code] = [...new Set(req.elementTicks[code] ?? [])];
  const record: EvidenceRecord = {
    schemaVersion: 1,
    id: deps.newId(),
    criteria: [...new Set(req.criteria)],
    requestedUrl: req.page.url,
    url: deps.tabUrl && /^https?:/.test(deps.tabUrl) ? deps.tabUrl : req.page.url,
    title: req.page.title,
    httpStatus: req.page.httpStatus,
    capturedAt: now,
    timeZone: deps.timeZone,
    userAgent: deps.userAgent,
    extensionVersion: deps.extensionVersion,
    viewport: req.page.viewport,
    devicePixelRatio: req.page.dpr,
    note: req.note.trim(),
    artifacts,
    clickPath: path,
    reachedFromHome,
    elementTicks: ticks,
    updatedAt: now,
  };
  await saveEvidence(deps.db, record, blobs);
  return record;
}

export function captureErrorCode(e: unknown): Extract<CaptureResult, { ok: false }>['code'] {
  if (e instanceof CaptureError) return e.code;
  if (e instanceof StorageError)
    return e.code === 'storage-full' ? 'storage-full' : e.code === 'invalid-record' ? 'invalid-request' : 'failed';
  const msg = e instanceof Error ? e.message : String(e);
  if ((e as { code?: string })?.code === 'cancelled') return 'cancelled';
  if (/MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND/.test(msg)) return 'quota';
  if (
    /cannot be scripted|chrome:\/\/|chrome-extension:\/\/|Cannot access (contents|a )|webstore|extensions gallery|chromewebstore/i.test(
      msg,
    )
  )
    return 'restricted-page';
  if (/permission|activeTab|<all_urls>/i.test(msg)) return 'permission-missing';
  return 'failed';
}

export function base64ToBytes(b64: string): Uint8Array {
  const s = atob(b64.replace(/^data:[^,]*,/, ''));
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
