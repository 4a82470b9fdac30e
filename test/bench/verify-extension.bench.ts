/**
 * Re-verify at extension scale, in the real extension: 3,000 evidence records seeded into the
 * extension's IndexedDB, the side panel's Re-verify run against 3,000 loopback pages (each page and
 * each capture ~7,700 characters of Thai), crawl off. Figures: wall time to "Finished", rows stored,
 * and the growth of Chromium's memory (RSS summed over the browser and its child processes, polled)
 * from just before the run to its peak (target ≤ 300 MB). Baseline in the same run: the same 3,000
 * GETs by a bare loop in Node. Needs Debian's Chromium; builds the e2e extension first.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { launchWithExtension } from '../../scripts/lib/chromium';
import { setupAgency } from '../e2e/harness';
import { sendHtml, startServer } from '../fixtures/verify-server';

const COUNT = Number(process.env.ITA_BENCH_RECORDS ?? 3000);
const TEXT = 'ข้อมูลข่าวสาร ปีงบประมาณ 2564 รายละเอียดโครงการ '.repeat(160);
const EXT = path.join(process.cwd(), '.output/chrome-mv3-e2e');

/** RSS (kB) of the process whose command line loads this extension, plus all its descendants. */
function chromiumRssKb(): number {
  return chromiumProcs().reduce((n, p) => n + p.rss, 0);
}

function chromiumProcs(): { pid: number; rss: number; cmd: string }[] {
  const procs = new Map<number, { ppid: number; rss: number; cmd: string }>();
  for (const d of readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue;
    try {
      const stat = readFileSync(`/proc/${d}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const rss = Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${d}/status`, 'utf8'))?.[1] ?? 0);
      const cmd = readFileSync(`/proc/${d}/cmdline`, 'utf8');
      procs.set(Number(d), { ppid, rss, cmd });
    } catch {
      /* gone meanwhile */
    }
  }
  const roots = [...procs].filter(([, p]) => p.cmd.includes(`--load-extension=${EXT}`)).map(([pid]) => pid);
  const inTree = new Set(roots);
  let grew = true;
  while (grew) {
    grew = false;
    for (const [pid, p] of procs) {
      if (inTree.has(pid) || !inTree.has(p.ppid)) continue;
      inTree.add(pid);
      grew = true;
    }
  }
  return [...inTree].map((pid) => ({ pid, rss: procs.get(pid)!.rss, cmd: procs.get(pid)!.cmd }));
}

const describeProc = (p: { cmd: string }) => /--type=([\w-]+)/.exec(p.cmd)?.[1] ?? 'browser';

/** Runs in the extension page: writes the evidence records and their text blobs. */
async function seedInPage({ count, origin, text }: { count: number; origin: string; text: string }): Promise<number> {
  const open = indexedDB.open('ita-evidence');
  const db: IDBDatabase = await new Promise((res, rej) => {
    open.onsuccess = () => res(open.result);
    open.onerror = () => rej(open.error);
  });
  const enc = new TextEncoder();
  for (let start = 0; start < count; start += 500) {
    const tx = db.transaction(['evidence', 'blobs'], 'readwrite');
    for (let i = start; i < Math.min(count, start + 500); i++) {
      const id = `bench-${i}`;
      tx.objectStore('blobs').put({ id: `${id}-t`, data: enc.encode(text) });
      tx.objectStore('evidence').put({
        schemaVersion: 1,
        id,
        criteria: ['O9'],
        requestedUrl: `${origin}/p/${i}`,
        url: `${origin}/p/${i}`,
        title: `หน้า ${i}`,
        httpStatus: 200,
        capturedAt: '2021-03-01T00:00:00.000Z',
        timeZone: 'Asia/Bangkok',
        userAgent: 'bench',
        extensionVersion: '0.1.0',
        viewport: { width: 1280, height: 800 },
        devicePixelRatio: 1,
        note: '',
        artifacts: [{ id: `${id}-t`, method: 'text', mime: 'text/plain', bytes: text.length, sha256: '0'.repeat(64) }],
        clickPath: [],
        reachedFromHome: false,
        elementTicks: {},
        updatedAt: '2021-03-01T00:00:00.000Z',
      });
    }
    await new Promise((res, rej) => {
      tx.oncomplete = res;
      tx.onerror = () => rej(tx.error);
    });
  }
  const n = await new Promise<number>((res) => {
    const r = db.transaction('evidence').objectStore('evidence').count();
    r.onsuccess = () => res(r.result);
  });
  db.close();
  return n;
}

async function countInPage(store: string): Promise<number> {
  const open = indexedDB.open('ita-evidence');
  const db: IDBDatabase = await new Promise((res) => (open.onsuccess = () => res(open.result)));
  const n = await new Promise<number>((res) => {
    const r = db.transaction(store).objectStore(store).count();
    r.onsuccess = () => res(r.result);
  });
  db.close();
  return n;
}

export async function run(log: (line: string) => void): Promise<void> {
  const build = spawnSync('npx', ['wxt', 'build'], {
    cwd: process.cwd(),
    env: { ...process.env, ITA_E2E: '1' },
    stdio: 'ignore',
  });
  if (build.status !== 0) throw new Error('verify-extension: the e2e build failed');
  const server = await startServer((_req, res, p) => {
    if (p === '/')
      return sendHtml(
        res,
        '<html><head><meta charset="utf-8"><title>หน้าแรก</title></head><body><p>เทศบาล</p></body></html>',
      );
    const m = /^\/p\/(\d+)$/.exec(p);
    if (!m) return sendHtml(res, 'not found', 404);
    sendHtml(
      res,
      `<html><head><meta charset="utf-8"><title>หน้า ${m[1]}</title></head><body><p>${TEXT}</p></body></html>`,
    );
  });
  const h = await launchWithExtension({ extensionDir: EXT });
  try {
    const options = await setupAgency(h, server.url('/'));
    const seeded = await options.evaluate(seedInPage, { count: COUNT, origin: server.origin, text: TEXT });
    const b0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        for (let i = next++; i < COUNT; i = next++) await (await fetch(server.url(`/p/${i}`))).arrayBuffer();
      }),
    );
    const base = performance.now() - b0;

    const panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    await panel.getByRole('tab', { name: 'Re-verify' }).click();
    await panel.getByRole('checkbox', { name: 'Check that pages are linked from the main website' }).uncheck();
    const cdp = await h.ctx.newCDPSession(panel);
    await cdp.send('Performance.enable');
    const heapMb = async (name: 'JSHeapUsedSize' | 'JSHeapTotalSize') => {
      const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
      return (metrics.find((m) => m.name === name)?.value ?? 0) / 1024 / 1024;
    };
    await new Promise((r) => setTimeout(r, 1000));
    const heapBefore = await heapMb('JSHeapTotalSize');
    let heapPeak = heapBefore;
    const before = chromiumProcs();
    const rss0 = before.reduce((n, p) => n + p.rss, 0);
    let peak = rss0;
    let atPeak = before;
    const poll = setInterval(() => {
      void heapMb('JSHeapTotalSize')
        .then((v) => (heapPeak = Math.max(heapPeak, v)))
        .catch(() => undefined);
      const now = chromiumProcs();
      const total = now.reduce((n, p) => n + p.rss, 0);
      if (total <= peak) return;
      peak = total;
      atPeak = now;
    }, 500);
    const t0 = performance.now();
    await panel.getByRole('button', { name: 'Re-verify', exact: true }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /^Finished/ })
      .waitFor({ timeout: 30 * 60_000 });
    const wall = performance.now() - t0;
    clearInterval(poll);
    const status = await panel.getByRole('status').textContent();
    const heapAfterRun = await heapMb('JSHeapUsedSize');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await heapMb('JSHeapUsedSize');
    const rssAfterGc = chromiumRssKb();
    const rows = await panel.evaluate(countInPage, 'verify');
    log(
      `verify-extension: ${seeded} evidence records in Chromium (e2e build), side panel re-verify, crawl off, loopback pages`,
    );
    log(`verify-extension: wall ${(wall / 1000).toFixed(1)} s; ${rows} rows stored; "${status}"`);
    log(
      `verify-extension: Chromium RSS before ${(rss0 / 1024).toFixed(0)} MB, peak ${(peak / 1024).toFixed(0)} MB, growth ${((peak - rss0) / 1024).toFixed(0)} MB (target ≤ 300 MB)`,
    );
    const was = new Map(before.map((p) => [p.pid, p.rss]));
    const growth = atPeak
      .map((p) => ({ kind: describeProc(p), pid: p.pid, grew: p.rss - (was.get(p.pid) ?? 0) }))
      .sort((a, b) => b.grew - a.grew);
    log(
      `verify-extension: side panel JS heap reserved (total size) before ${heapBefore.toFixed(0)} MB, peak during the run ${heapPeak.toFixed(0)} MB`,
    );
    log(
      `verify-extension: side panel JS heap after the run ${heapAfterRun.toFixed(0)} MB, after a forced GC ${heapAfterGc.toFixed(0)} MB; Chromium RSS then ${(rssAfterGc / 1024).toFixed(0)} MB`,
    );
    log(
      `verify-extension: growth by process at the peak: ${growth
        .slice(0, 4)
        .map((g) => `${g.kind} ${g.pid} ${(g.grew / 1024).toFixed(0)} MB`)
        .join(', ')}`,
    );
    log(
      `verify-extension: baseline (bare fetch loop in Node) ${(base / 1000).toFixed(1)} s; ratio ${(wall / base).toFixed(2)}`,
    );
    if (rows < COUNT) throw new Error(`verify-extension: only ${rows} of ${COUNT} results stored`);
    if ((peak - rss0) / 1024 > 300) throw new Error('verify-extension: memory growth over 300 MB');
  } finally {
    await h.close();
    await server.close();
  }
}
