import 'fake-indexeddb/auto';
import { randomFillSync } from 'node:crypto';
import { Zip, ZipPassThrough } from 'fflate';
import { exportBundle } from '../../lib/bundle/export';
import { getBuiltInSet } from '../../lib/criteria/registry';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { openDb, type ItaDb } from '../../lib/storage/db';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings';
import { sha256Hex } from '../../lib/util/hash';

/**
 * Export benchmark: 300 evidence records, ~100 MB of incompressible PNG-like bytes.
 * (a) baseline: read every blob from IndexedDB and stream it into a stored (level 0) zip;
 * (b) the real export. Prints wall times, their ratio (target ≤ 1.5×) and peak memory above the
 * starting point (target: largest artifact + 64 MB).
 */
const COUNT = 300;
const TOTAL = 100 * 1024 * 1024;
const MB = 1024 * 1024;

async function fill(db: ItaDb, codes: string[]): Promise<number> {
  let largest = 0;
  const avg = Math.floor(TOTAL / COUNT);
  for (let i = 0; i < COUNT; i++) {
    const size = Math.floor(avg * (0.5 + ((i * 7919) % 100) / 100)); // 0.5×–1.5× the average
    const data = new Uint8Array(size);
    randomFillSync(data);
    data.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 0);
    largest = Math.max(largest, size);
    const id = `ev${String(i).padStart(4, '0')}`;
    const rec: EvidenceRecord = {
      schemaVersion: 1,
      id,
      criteria: [codes[i % codes.length]!],
      requestedUrl: `https://www.example.go.th/p/${i}`,
      url: `https://www.example.go.th/p/${i}`,
      title: `หน้า ${i}`,
      httpStatus: 200,
      capturedAt: new Date(Date.UTC(2021, 2, 1, 0, i)).toISOString(),
      timeZone: 'Asia/Bangkok',
      userAgent: 'bench',
      extensionVersion: '0.1.0',
      viewport: { width: 1280, height: 800 },
      devicePixelRatio: 1,
      note: '',
      artifacts: [
        {
          id: `${id}-a`,
          method: 'fullpage-stitched',
          mime: 'image/png',
          bytes: size,
          sha256: await sha256Hex(data),
          width: 1280,
          height: 4000,
        },
      ],
      clickPath: [{ url: 'https://www.example.go.th/', linkText: '' }],
      reachedFromHome: true,
      elementTicks: {},
      updatedAt: '2021-03-01T00:00:00.000Z',
    };
    await db.transaction('rw', db.evidence, db.blobs, async () => {
      await db.blobs.put({ id: `${id}-a`, data });
      await db.evidence.put(rec);
    });
  }
  return largest;
}

function memNow(): number {
  const m = process.memoryUsage();
  return m.rss + m.arrayBuffers;
}

/**
 * Wall time and peak memory above the start. With `live` (needs node --expose-gc) each sample is
 * taken after a forced GC, so it counts memory the code holds rather than garbage not yet collected.
 */
async function measure(fn: () => Promise<number>, live = false): Promise<{ ms: number; peak: number; bytes: number }> {
  const gc = (globalThis as { gc?: () => void }).gc;
  gc?.();
  const start = memNow();
  let peak = start;
  const timer = setInterval(() => {
    if (live) gc?.();
    peak = Math.max(peak, memNow());
  }, 50);
  const t0 = performance.now();
  const bytes = await fn();
  const ms = performance.now() - t0;
  clearInterval(timer);
  peak = Math.max(peak, memNow());
  return { ms, peak: peak - start, bytes };
}

async function baseline(db: ItaDb, sink: (c: Uint8Array) => Promise<void>): Promise<number> {
  let written = 0;
  const queue: Uint8Array[] = [];
  const zip = new Zip((err, chunk) => {
    if (err) throw err;
    queue.push(chunk);
  });
  const drain = async () => {
    while (queue.length) {
      const c = queue.shift()!;
      written += c.length;
      await sink(c);
    }
  };
  for (const key of await db.blobs.toCollection().primaryKeys()) {
    const data = (await db.blobs.get(key))!.data;
    const f = new ZipPassThrough(`evidence/${key}.png`);
    zip.add(f);
    for (let o = 0; o < data.length; o += MB) {
      f.push(data.subarray(o, Math.min(o + MB, data.length)), o + MB >= data.length);
      await drain();
    }
  }
  zip.end();
  await drain();
  return written;
}

export async function run(log: (line: string) => void): Promise<void> {
  const set = getBuiltInSet()!;
  const db = openDb(`bench-export-${Date.now()}`);
  const t0 = performance.now();
  const largest = await fill(
    db,
    set.items.map((c) => c.code),
  );
  log(
    `filled ${COUNT} evidence records (~${(TOTAL / MB).toFixed(0)} MB, largest ${(largest / MB).toFixed(2)} MB) in ${(performance.now() - t0).toFixed(0)} ms`,
  );
  // Yields to the event loop like a real file sink, so the memory sampler gets to run.
  const sink = (_c: Uint8Array) => new Promise<void>((r) => setImmediate(r));

  const phase = { start: 0, first: 0, blobsDone: 0, end: 0 };
  const doExport = async () => {
    phase.start = performance.now();
    phase.first = phase.blobsDone = 0;
    const r = await exportBundle(db, {
      settings: { ...DEFAULT_SETTINGS, agencyName: 'เทศบาลทดสอบ' },
      set,
      fonts: [],
      extensionVersion: 'bench',
      now: () => new Date(),
      sink,
      onProgress: (done, total) => {
        if (!phase.first) phase.first = performance.now();
        if (done === total && !phase.blobsDone) phase.blobsDone = performance.now();
      },
    });
    phase.end = performance.now();
    return r.bytes;
  };
  const fmt = (name: string, m: { ms: number; peak: number; bytes: number }) =>
    `${name}: ${m.ms.toFixed(0)} ms, ${(m.bytes / MB).toFixed(1)} MB written, peak memory +${(m.peak / MB).toFixed(1)} MB`;

  // Two rounds, alternating; the faster round of each counts (the first one also warms the JIT).
  const runsA = [];
  const runsB = [];
  for (let round = 0; round < 2; round++) {
    runsA.push(await measure(() => baseline(db, sink)));
    runsB.push(await measure(doExport));
  }
  const a = runsA.reduce((x, y) => (y.ms < x.ms ? y : x));
  const b = runsB.reduce((x, y) => (y.ms < x.ms ? y : x));
  log(fmt('(a) baseline: IndexedDB → stored zip', a));
  log(fmt('(b) exportBundle', b));
  log(
    `    last export phases: select ${(phase.first - phase.start).toFixed(0)} ms, evidence bytes ${(phase.blobsDone - phase.first).toFixed(0)} ms, ` +
      `report/manifest/CSV ${(phase.end - phase.blobsDone).toFixed(0)} ms`,
  );
  const ratio = b.ms / a.ms;
  log(`ratio export/baseline: ${ratio.toFixed(2)}× (target ≤ 1.5×) ${ratio <= 1.5 ? 'OK' : 'OVER'}`);

  const hasGc = typeof (globalThis as { gc?: unknown }).gc === 'function';
  const mem = hasGc ? await measure(doExport, true) : b;
  const memTarget = largest + 64 * MB;
  log(
    `peak memory of export${hasGc ? ' (live, GC before each sample)' : ' (raw; run node with --expose-gc for live memory)'}: ` +
      `+${(mem.peak / MB).toFixed(1)} MB (target < ${(memTarget / MB).toFixed(1)} MB) ${mem.peak < memTarget ? 'OK' : 'OVER'}`,
  );
  db.close();
}
