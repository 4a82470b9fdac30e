import 'fake-indexeddb/auto';
/**
 * Re-verify at extension scale, in Node: 3,000 evidence records (each with a ~7,700-character captured text)
 * in IndexedDB (fake-indexeddb), the side panel's job code (lib/verify/job.ts) storing results as
 * they arrive, against 3,000 loopback pages. Figures: wall time, stored rows, RSS growth (target
 * ≤ 300 MB) and heap growth; baseline in the same run: the 3,000 GETs by a bare loop.
 * The browser itself is not measured here (see the note in docs); this measures the code it runs.
 */
import type { Artifact, EvidenceRecord } from '../../lib/evidence/types';
import { record } from '../unit/bundle/helpers';
import { openDb } from '../../lib/storage/db';
import { runVerifyJob } from '../../lib/verify/job';
import { getJob } from '../../lib/verify/store';
import { getBuiltInSet } from '../../lib/criteria/registry';
import { sendHtml, startServer } from '../fixtures/verify-server';

const COUNT = Number(process.env.ITA_BENCH_RECORDS ?? 3000);
const MB = 1024 * 1024;
const TEXT = 'ข้อมูลข่าวสาร ปีงบประมาณ 2564 รายละเอียดโครงการ '.repeat(160); // ~7,700 characters (~22 kB)

export async function run(log: (line: string) => void): Promise<void> {
  const server = await startServer((_req, res, path) => {
    const m = /^\/p\/(\d+)$/.exec(path);
    if (!m) return sendHtml(res, 'not found', 404);
    sendHtml(
      res,
      `<html><head><meta charset="utf-8"><title>หน้า ${m[1]}</title></head><body><p>${TEXT}</p></body></html>`,
    );
  });
  try {
    const db = openDb(`bench-verify-${Date.now()}`);
    const evidence: EvidenceRecord[] = [];
    const enc = new TextEncoder();
    for (let i = 0; i < COUNT; i++) {
      const id = `ev${i}`;
      const artifact = {
        id: `${id}-t`,
        method: 'text',
        mime: 'text/plain',
        bytes: TEXT.length,
        sha256: '0'.repeat(64),
      };
      const url = server.url(`/p/${i}`);
      evidence.push(
        record(id, ['O9'], [artifact as Artifact], { requestedUrl: url, url, clickPath: [], reachedFromHome: false }),
      );
      await db.blobs.put({ id: `${id}-t`, data: enc.encode(TEXT) });
    }
    await db.evidence.bulkPut(evidence);

    const b0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        for (let i = next++; i < COUNT; i = next++) await (await fetch(server.url(`/p/${i}`))).arrayBuffer();
      }),
    );
    const base = performance.now() - b0;

    (globalThis as { gc?: () => void }).gc?.();
    const rss0 = process.memoryUsage().rss;
    const heap0 = process.memoryUsage().heapUsed;
    let peak = rss0;
    const poll = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);
    const t0 = performance.now();
    const summary = await runVerifyJob({
      db,
      evidence,
      getBlob: async (id) => (await db.blobs.get(id))?.data as Uint8Array | undefined,
      set: getBuiltInSet(),
      fiscalYear: 2564,
      homeUrl: server.url('/'),
      crawl: false,
      resume: false,
      fetch: (u, init) => fetch(u, init),
    });
    const wall = performance.now() - t0;
    clearInterval(poll);
    (globalThis as { gc?: () => void }).gc?.();
    const rows = await db.verify.count();
    const job = await getJob(db);
    log(`verify-job: ${COUNT} evidence records, side-panel job code in Node (fake-indexeddb), loopback pages`);
    log(
      `verify-job: wall ${(wall / 1000).toFixed(1)} s; ${rows} rows stored; job ${job?.status} ${job?.done}/${job?.total}; ${summary.ok} ok, ${summary.bad} not ok`,
    );
    log(
      `verify-job: RSS growth at peak ${((peak - rss0) / MB).toFixed(0)} MB (target ≤ 300 MB); heap after ${((process.memoryUsage().heapUsed - heap0) / MB).toFixed(0)} MB`,
    );
    log(`verify-job: baseline (bare fetch loop) ${(base / 1000).toFixed(1)} s; ratio ${(wall / base).toFixed(2)}`);
    if (rows !== COUNT || job?.done !== COUNT) throw new Error('verify-job: not every result was stored');
    if ((peak - rss0) / MB > 300) throw new Error('verify-job: memory growth over 300 MB');
  } finally {
    await server.close();
  }
}
