/**
 * Re-verify at extension scale, in the real extension: 3,000 evidence records seeded into the
 * extension's IndexedDB, the side panel's Re-verify run against 3,000 loopback pages (each page and
 * each capture ~7,700 characters of Thai), crawl off. Figures: wall time to "Finished", rows stored,
 * and the growth of Chromium's memory (RSS summed over the browser and its child processes, polled)
 * from just before the run to its peak (target ≤ 300 MB). Baseline in the same run: the same 3,000
 * GETs by a bare loop in Node. Needs Debian's Chromium; builds the e2e extension first.
 *
 * Driven by puppeteer-core, with DevTools' Network domain switched off on the extension pages:
 * while it is on (Playwright always turns it on), the renderer keeps a copy of every fetched body
 * for the inspector, about 50 MB per 3,000 pages here, which a reviewer's browser never holds.
 * History (same machine): the whole results table drawn, under Playwright: +394 MB, 95.6 s. One page
 * of 100 rows (components/verify/ResultsTable.tsx): +251 to +312 MB under Playwright, +207 to +226 MB
 * and 18 to 21 s with the Network domain off.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import puppeteer, { type CDPSession, type Page } from 'puppeteer-core';
import { CHROMIUM } from '../../scripts/lib/chromium';
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

/** DevTools' Network domain off on a page puppeteer drives (its own session turned it on). */
async function networkOff(page: Page): Promise<void> {
  const client = (page as unknown as { _client?: () => CDPSession })._client?.();
  if (!client) throw new Error('verify-extension: puppeteer-core no longer exposes the page session');
  await client.send('Network.disable');
}

const aria = (role: string, name: string) => `::-p-aria([name="${name}"][role="${role}"])`;

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
  const profile = mkdtempSync(path.join(tmpdir(), 'ita-bench-'));
  const browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    headless: true,
    userDataDir: profile,
    ignoreDefaultArgs: ['--disable-extensions'],
    args: [
      `--disable-extensions-except=${EXT}`,
      `--load-extension=${EXT}`,
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-quic',
      '--lang=en-US',
    ],
  });
  try {
    const worker = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith('chrome-extension://'),
    );
    const extUrl = (p: string) => `chrome-extension://${worker.url().split('/')[2]}/${p}`;
    const options = await browser.newPage();
    await options.goto(extUrl('options.html'));
    await options.locator(aria('textbox', 'Agency name')).fill('เทศบาลตำบลทดสอบ');
    await options.locator(aria('textbox', 'Main website URL')).fill(server.url('/'));
    await options.locator(aria('button', 'Save settings')).click();
    await options.waitForFunction(() => document.body.innerText.includes('Settings saved'), { timeout: 30_000 });
    const seeded = await options.evaluate(seedInPage, { count: COUNT, origin: server.origin, text: TEXT });
    const b0 = performance.now();
    let next = 0;
    await Promise.all(
      Array.from({ length: 2 }, async () => {
        for (let i = next++; i < COUNT; i = next++) await (await fetch(server.url(`/p/${i}`))).arrayBuffer();
      }),
    );
    const base = performance.now() - b0;

    const panel = await browser.newPage();
    await panel.goto(extUrl('sidepanel.html'));
    await panel.locator(aria('tab', 'Re-verify')).click();
    await panel.locator(aria('checkbox', 'Check that pages are linked from the main website')).click();
    await panel.waitForFunction(
      (name) =>
        [...document.querySelectorAll('label')].some(
          (l) => l.textContent?.includes(name) && !l.querySelector('input')?.checked,
        ),
      {},
      'Check that pages are linked from the main website',
    );
    for (const page of [options, panel]) await networkOff(page);
    const cdp = await panel.createCDPSession();
    await cdp.send('Performance.enable');
    const heapMb = async (name: 'JSHeapUsedSize' | 'JSHeapTotalSize') => {
      const { metrics } = await cdp.send('Performance.getMetrics');
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
    await panel.locator(aria('button', 'Re-verify')).click();
    const statusText = () =>
      [...document.querySelectorAll('[role=status]')].map((e) => e.textContent ?? '').find((t) => /^Finished/.test(t));
    await panel.waitForFunction(statusText, { timeout: 30 * 60_000, polling: 500 });
    const wall = performance.now() - t0;
    clearInterval(poll);
    const status = await panel.evaluate(statusText);
    const heapAfterRun = await heapMb('JSHeapUsedSize');
    await cdp.send('HeapProfiler.collectGarbage');
    const heapAfterGc = await heapMb('JSHeapUsedSize');
    const rssAfterGc = chromiumRssKb();
    const rows = await panel.evaluate(countInPage, 'verify');
    log(
      `verify-extension: ${seeded} evidence records in Chromium (e2e build), side panel re-verify, crawl off, loopback pages; DevTools Network off`,
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
    await browser.close();
    await server.close();
    rmSync(profile, { recursive: true, force: true });
  }
}
