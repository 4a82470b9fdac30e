import { afterEach, describe, expect, it } from 'vitest';
import { createHash } from 'node:crypto';
import { openDb, type ItaDb } from '../../../lib/storage/db';
import {
  base64ToBytes,
  captureErrorCode,
  CaptureError,
  runCapture,
  type CaptureDeps,
} from '../../../lib/capture/pipeline';
import type { CaptureRequest } from '../../../lib/messages/protocol';
import { StorageError } from '../../../lib/storage/errors';
import { CaptureCancelledError } from '../../../lib/capture/stitch';
import { DOCUMENT_SIZE_CAP } from '../../../lib/capture/documents';
import { SNAPSHOT_HEAD_START } from '../../../lib/capture/snapshot-policy';

const opened: ItaDb[] = [];
function freshDb(): ItaDb {
  const db = openDb('cp-' + crypto.randomUUID());
  opened.push(db);
  return db;
}
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

/** The first 24 bytes of a PNG: enough for its dimensions; a tag byte makes each fake distinct. */
function fakePng(width: number, height: number, tag = 0): Uint8Array {
  const b = new Uint8Array(33);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  const v = new DataView(b.buffer);
  v.setUint32(16, width);
  v.setUint32(20, height);
  b[32] = tag;
  return b;
}
const PDF = new TextEncoder().encode('%PDF-1.4\n% fake report\n%%EOF\n');
const sha = (b: Uint8Array | string) => createHash('sha256').update(b).digest('hex');

function request(over: Partial<CaptureRequest> = {}): CaptureRequest {
  return {
    criteria: ['O5', 'O5', 'O1'],
    note: '  หน้าติดต่อ  ',
    mode: 'viewport',
    elementTicks: { O5: ['phone', 'phone', 'email'] },
    page: {
      url: 'https://tessaban.example.go.th/ita/o5.html',
      title: 'O5 ข้อมูลการติดต่อ',
      text: 'ข้อมูลการติดต่อ โทรศัพท์ 0 3471 2345',
      html: `<!DOCTYPE html>\n<html><head>${SNAPSHOT_HEAD_START}</head><body><p>ข้อมูลการติดต่อ</p></body></html>`,
      viewport: { width: 1280, height: 720 },
      dpr: 2,
      httpStatus: 200,
      documentLinks: [],
    },
    documents: [],
    ...over,
  };
}

function deps(db: ItaDb, over: Partial<CaptureDeps> = {}): CaptureDeps & { calls: string[] } {
  let n = 0;
  const calls: string[] = [];
  return {
    calls,
    db,
    now: () => new Date('2021-03-15T03:00:00Z'),
    newId: () => `id-${++n}`,
    extensionVersion: '0.1.0',
    userAgent: 'Mozilla/5.0 Chrome/140',
    timeZone: 'Asia/Bangkok',
    tabUrl: 'https://tessaban.example.go.th/ita/o5.html',
    captureViewport: async () => (calls.push('viewport'), fakePng(2560, 1440, 1)),
    captureFullPage: async () => (
      calls.push('fullpage'),
      { parts: [fakePng(2560, 16384, 2), fakePng(2560, 1616, 3)], tiles: 13 }
    ),
    cropRegion: async (_png, r, dpr) => (
      calls.push(`crop ${r.width}x${r.height}@${dpr}`),
      fakePng(r.width * dpr, r.height * dpr, 4)
    ),
    fetchDocument: async (url) => (
      calls.push(`fetch ${url}`),
      { bytes: PDF, contentType: 'application/octet-stream', finalUrl: url }
    ),
    clickPath: async () => ({
      path: [
        { url: 'https://tessaban.example.go.th/', linkText: '' },
        { url: 'https://tessaban.example.go.th/ita/o5.html', linkText: 'O5 ข้อมูลการติดต่อ' },
      ],
      reachedFromHome: true,
    }),
    ...over,
  };
}

describe('runCapture', () => {
  it('hashes every artifact and stores the record with its integrity fields', async () => {
    const db = freshDb();
    const d = deps(db);
    const rec = await runCapture(request(), d);
    expect(rec.artifacts.map((a) => a.method)).toEqual(['viewport', 'dom-snapshot', 'text']);
    const [shot, html, text] = rec.artifacts;
    expect(shot).toMatchObject({
      mime: 'image/png',
      width: 2560,
      height: 1440,
      bytes: 33,
      sha256: sha(fakePng(2560, 1440, 1)),
    });
    expect(html!.sha256).toBe(sha(request().page.html));
    expect(html!.mime).toBe('text/html; charset=utf-8');
    expect(text!.sha256).toBe(sha(request().page.text));
    expect(rec).toMatchObject({
      criteria: ['O5', 'O1'],
      note: 'หน้าติดต่อ',
      httpStatus: 200,
      capturedAt: '2021-03-15T03:00:00.000Z',
      timeZone: 'Asia/Bangkok',
      viewport: { width: 1280, height: 720 },
      devicePixelRatio: 2,
      reachedFromHome: true,
      elementTicks: { O5: ['phone', 'email'], O1: [] },
    });
    expect(await db.evidence.count()).toBe(1);
    for (const a of rec.artifacts) {
      const blob = await db.blobs.get(a.id);
      expect(sha(blob!.data)).toBe(a.sha256);
    }
  });

  it('applies the snapshot rule to what the page sent: active content leaves text only, remote parts are inlined or replaced', async () => {
    const snapOf = async (html: string, extra: Partial<CaptureDeps> = {}) => {
      const db = freshDb();
      const base = request();
      const rec = await runCapture({ ...base, page: { ...base.page, html } }, { ...deps(db), ...extra });
      const a = rec.artifacts.find((x) => x.method === 'dom-snapshot')!;
      return new TextDecoder().decode((await db.blobs.get(a.id))!.data);
    };
    const head = `<!DOCTYPE html>\n<html><head>${SNAPSHOT_HEAD_START}</head><body>`;
    const hostile = await snapOf(`${head}<p>x</p><img src="data:," onerror="alert(1)"></body></html>`);
    expect(hostile).toContain('content="text-only"');
    expect(hostile).toContain('ข้อมูลการติดต่อ โทรศัพท์ 0 3471 2345');
    expect(hostile).not.toContain('onerror=');

    const remote = `${head}<img src="https://cdn.example.com/logo.png" alt="ตรา"></body></html>`;
    expect(await snapOf(remote)).toContain('src="data:image/svg+xml;base64,'); // placeholder
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);
    const fetched: string[] = [];
    const inlined = await snapOf(remote, {
      fetchResource: async (url) => {
        fetched.push(url);
        return { bytes: png, contentType: 'image/png', url };
      },
    });
    expect(fetched).toEqual(['https://cdn.example.com/logo.png']);
    expect(inlined).toContain('src="data:image/png;base64,iVBORw0KGgoBAgM="');
  });

  it('records the method and tile count of a full-page capture split into parts', async () => {
    const db = freshDb();
    const rec = await runCapture(request({ mode: 'fullpage' }), deps(db));
    const shots = rec.artifacts.filter((a) => a.method === 'fullpage-stitched');
    expect(shots.map((a) => [a.part, a.parts, a.tiles, a.height])).toEqual([
      [1, 2, 13, 16384],
      [2, 2, 13, 1616],
    ]);
  });

  it('crops element captures from the viewport and keeps rendered ones marked as rendered', async () => {
    const db = freshDb();
    const d = deps(db);
    const crop = await runCapture(request({ mode: 'element', region: { x: 10, y: 20, width: 300, height: 200 } }), d);
    expect(d.calls).toEqual(['viewport', 'crop 300x200@2']);
    expect(crop.artifacts[0]).toMatchObject({ method: 'element-crop', width: 600, height: 400 });
    const png = fakePng(800, 3000, 9);
    const rendered = await runCapture(
      request({ mode: 'element', renderedPng: `data:image/png;base64,${Buffer.from(png).toString('base64')}` }),
      deps(db),
    );
    expect(rendered.artifacts[0]).toMatchObject({
      method: 'rendered-html2canvas',
      width: 800,
      height: 3000,
      sha256: sha(png),
    });
  });

  it('stores a document as its bytes with SHA-256, sniffed MIME type, size and name', async () => {
    const db = freshDb();
    const url = 'https://tessaban.example.go.th/files/%E0%B8%A3%E0%B8%B2%E0%B8%A2%E0%B8%87%E0%B8%B2%E0%B8%99.pdf';
    const rec = await runCapture(request({ documents: [url] }), deps(db));
    const doc = rec.artifacts.find((a) => a.method === 'document-bytes')!;
    expect(doc).toMatchObject({
      mime: 'application/pdf',
      bytes: PDF.byteLength,
      sha256: sha(PDF),
      sourceUrl: url,
      fileName: 'รายงาน.pdf',
    });
  });

  it('stores nothing when a document fetch fails', async () => {
    const db = freshDb();
    const d = deps(db, {
      fetchDocument: async () => {
        throw new TypeError('Failed to fetch');
      },
    });
    const err = await runCapture(request({ documents: ['https://x.example/a.pdf'] }), d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(CaptureError);
    expect(captureErrorCode(err)).toBe('document-failed');
    // The page can read the message: it names the document by number, never by URL.
    expect((err as Error).message).toBe('1');
    expect((err as Error).message).not.toContain('x.example');
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });

  it('numbers the failing document and keeps the underlying error as its cause', async () => {
    const db = freshDb();
    const boom = new Error('HTTP 404: https://x.example/b.pdf');
    const d = deps(db, {
      fetchDocument: async (url) => {
        if (url.endsWith('b.pdf')) throw boom;
        return { bytes: PDF, contentType: null, finalUrl: url };
      },
    });
    const err = await runCapture(
      request({ documents: ['https://x.example/a.pdf', 'https://x.example/b.pdf'] }),
      d,
    ).catch((e: unknown) => e);
    expect(captureErrorCode(err)).toBe('document-failed');
    expect((err as Error).message).toBe('2');
    expect((err as Error).cause).toBe(boom);
    expect(await db.blobs.count()).toBe(0);
  });

  it('refuses a document whose bytes are not an allowed type, whatever the server declared, and stores nothing', async () => {
    const db = freshDb();
    const html = new TextEncoder().encode('<!DOCTYPE html><script>alert(1)</script>');
    for (const contentType of ['text/html', 'application/pdf', null]) {
      const d = deps(db, { fetchDocument: async (url) => ({ bytes: html, contentType, finalUrl: url }) });
      const err = await runCapture(request({ documents: ['https://x.example/report.pdf'] }), d).catch(
        (e: unknown) => e,
      );
      expect(err).toBeInstanceOf(CaptureError);
      expect(captureErrorCode(err)).toBe('document-type');
      expect((err as Error).message).toBe('1');
    }
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
    const d = deps(db, {
      fetchDocument: async (url) => ({ bytes: zip, contentType: 'application/zip', finalUrl: url }),
    });
    expect(
      captureErrorCode(
        await runCapture(request({ documents: ['https://x.example/a.zip'] }), d).catch((e: unknown) => e),
      ),
    ).toBe('document-type');
    expect(await db.evidence.count()).toBe(0);
    expect(await db.blobs.count()).toBe(0);
  });

  it('keeps a file name with a malformed % sequence as it is instead of failing', async () => {
    const db = freshDb();
    const url = 'https://x.example/files/100%25%E0%B8.pdf';
    const rec = await runCapture(request({ documents: [url] }), deps(db));
    const doc = rec.artifacts.find((a) => a.method === 'document-bytes')!;
    expect(doc.fileName).toBe('100%25%E0%B8.pdf');
    expect(doc.mime).toBe('application/pdf');
  });

  it('refuses a document over the size cap, stating its size, and stores nothing', async () => {
    const db = freshDb();
    const big = new Uint8Array(DOCUMENT_SIZE_CAP + 1);
    const d = deps(db, {
      fetchDocument: async (url) => ({ bytes: big, contentType: 'application/pdf', finalUrl: url }),
    });
    const err = await runCapture(request({ documents: ['https://x.example/big.pdf'] }), d).catch((e: unknown) => e);
    expect(captureErrorCode(err)).toBe('document-too-large');
    expect((err as Error).message).toBe('50.0');
    expect(await db.blobs.count()).toBe(0);
  });

  it('maps a full disk to storage-full and leaves nothing half-stored', async () => {
    const db = freshDb();
    db.blobs.hook('creating', () => {
      throw Object.assign(new Error('The quota has been exceeded.'), { name: 'QuotaExceededError' });
    });
    const err = await runCapture(request(), deps(db)).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(StorageError);
    expect(captureErrorCode(err)).toBe('storage-full');
    expect(await db.evidence.count()).toBe(0);
  });

  it('takes no screenshot-less record when the capture is cancelled', async () => {
    const db = freshDb();
    const d = deps(db, {
      captureFullPage: async () => {
        throw new CaptureCancelledError();
      },
    });
    const err = await runCapture(request({ mode: 'fullpage' }), d).catch((e: unknown) => e);
    expect(captureErrorCode(err)).toBe('cancelled');
    expect(await db.evidence.count()).toBe(0);
  });
});

describe('captureErrorCode', () => {
  it('explains the browser refusals the reviewer can meet', () => {
    expect(
      captureErrorCode(new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.')),
    ).toBe('quota');
    expect(captureErrorCode(new Error('Cannot access a chrome:// URL'))).toBe('restricted-page');
    expect(captureErrorCode(new Error('The extensions gallery cannot be scripted.'))).toBe('restricted-page');
    expect(captureErrorCode(new Error('Cannot access contents of url "https://chromewebstore.google.com/".'))).toBe(
      'restricted-page',
    );
    expect(captureErrorCode(new Error("Either the '<all_urls>' or 'activeTab' permission is required."))).toBe(
      'permission-missing',
    );
    expect(captureErrorCode(new Error('something else'))).toBe('failed');
  });

  it('decodes base64 with or without a data: prefix', () => {
    expect([...base64ToBytes('data:image/png;base64,AQID')]).toEqual([1, 2, 3]);
    expect([...base64ToBytes('AQID')]).toEqual([1, 2, 3]);
  });
});
