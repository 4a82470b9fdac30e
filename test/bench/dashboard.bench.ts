/**
 * Side panel speed with 43 versus 2,000 evidence records, in Chromium with the real e2e build:
 * first render (navigation → all 43 items in the list) and a status-filter change (select →
 * list updated), each the median of RUNS runs, measured in the page with performance.now().
 * Target: the 2,000 figures within 2× the 43 ones.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { getBuiltInSet } from '../../lib/criteria/registry';
import { E2E_BUILD, ROOT, launchExtension } from '../e2e/harness';

const RUNS = 7;
const SIZES = [43, 2000] as const;
// A 1×1 PNG: thumbnails decode real image bytes.
const PNG_B64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

function ensureBuild(log: (line: string) => void): void {
  if (existsSync(path.join(E2E_BUILD, 'manifest.json'))) return;
  log('dashboard: building the e2e extension (ITA_E2E=1 wxt build)…');
  const r = spawnSync('npx', ['wxt', 'build'], { cwd: ROOT, env: { ...process.env, ITA_E2E: '1' }, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('dashboard bench: wxt build failed');
}

/** Replaces all evidence with `count` records spread over the items; even-numbered items get every element ticked. */
async function seed(page: Page, count: number): Promise<number> {
  const set = getBuiltInSet()!;
  const items = set.items.map((c) => ({ code: c.code, keys: c.elements.map((e) => e.key) }));
  return page.evaluate(
    async ({ count, items, png }) => {
      const bytes = Uint8Array.from(atob(png), (c) => c.charCodeAt(0));
      const open = indexedDB.open('ita-evidence');
      const db: IDBDatabase = await new Promise((res, rej) => {
        open.onsuccess = () => res(open.result);
        open.onerror = () => rej(open.error);
      });
      const tx = db.transaction(['evidence', 'blobs', 'items'], 'readwrite');
      tx.objectStore('evidence').clear();
      tx.objectStore('blobs').clear();
      tx.objectStore('items').clear();
      let complete = 0;
      for (let i = 0; i < count; i++) {
        const item = items[i % items.length]!;
        const n = Number(item.code.slice(1));
        const ticks = n % 2 === 0 ? item.keys : [];
        const id = `bench-${String(i).padStart(5, '0')}`;
        const at = new Date(Date.UTC(2021, 1, 1) + i * 60_000).toISOString();
        tx.objectStore('blobs').put({ id: `${id}-a`, data: bytes });
        tx.objectStore('evidence').put({
          schemaVersion: 1,
          id,
          criteria: [item.code],
          requestedUrl: `https://bench.example/${item.code}/${i}.html`,
          url: `https://bench.example/${item.code}/${i}.html`,
          title: `Bench ${item.code} #${i}`,
          httpStatus: 200,
          capturedAt: at,
          timeZone: 'Asia/Bangkok',
          userAgent: 'bench',
          extensionVersion: '0.1.0',
          viewport: { width: 1280, height: 720 },
          devicePixelRatio: 1,
          note: '',
          clickPath: [],
          reachedFromHome: false,
          elementTicks: { [item.code]: ticks },
          updatedAt: at,
          artifacts: [
            {
              id: `${id}-a`,
              method: 'viewport',
              mime: 'image/png',
              bytes: bytes.length,
              sha256: '0'.repeat(64),
              width: 1,
              height: 1,
            },
          ],
        });
      }
      for (const item of items) if (Number(item.code.slice(1)) % 2 === 0 && count >= items.length) complete++;
      await new Promise<void>((res, rej) => {
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      db.close();
      return complete;
    },
    { count, items, png: PNG_B64 },
  );
}

const LIST_ITEMS = 'ul.items > li:not([hidden])';

/** ms from navigation start until all 43 list items are in the DOM. */
async function firstRender(page: Page, url: string): Promise<number> {
  await page.goto(url);
  await page.waitForFunction((sel) => document.querySelectorAll(sel).length >= 43, LIST_ITEMS, {
    polling: 'raf',
    timeout: 60_000,
  });
  return page.evaluate(() => performance.now());
}

/** ms from choosing a status in the filter until the list shows exactly `expected` items. */
async function filterChange(page: Page, value: string, expected: number): Promise<number> {
  return page.evaluate(
    async ({ value, expected, sel }) => {
      const select = [...document.querySelectorAll('select')].find(
        (s) =>
          s.getAttribute('id') &&
          document.querySelector(`label[for="${CSS.escape(s.id)}"]`)?.textContent === 'Filter by status',
      );
      if (!select) throw new Error('no status filter');
      const start = performance.now();
      const setter = Object.getOwnPropertyDescriptor(HTMLSelectElement.prototype, 'value')!.set!;
      setter.call(select, value);
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await new Promise<void>((res, rej) => {
        const t0 = Date.now();
        const tick = () => {
          if (document.querySelectorAll(sel).length === expected) return res();
          if (Date.now() - t0 > 30_000) return rej(new Error(`list never showed ${expected} items`));
          requestAnimationFrame(tick);
        };
        tick();
      });
      return performance.now() - start;
    },
    { value, expected, sel: LIST_ITEMS },
  );
}

export async function run(log: (line: string) => void): Promise<void> {
  ensureBuild(log);
  const h = await launchExtension();
  const results: Record<number, { render: number; filter: number }> = {};
  try {
    // The first-run options tab may still be navigating: let it settle, then use a page of our own.
    await new Promise((r) => setTimeout(r, 1000));
    const seeder = await h.ctx.newPage();
    await seeder.goto(h.extUrl('options.html')).catch(() => seeder.goto(h.extUrl('options.html')));
    await seeder.getByRole('button', { name: 'Save settings' }).waitFor();
    const panel = await h.ctx.newPage();
    for (const size of SIZES) {
      const complete = await seed(seeder, size);
      const renders: number[] = [];
      const filters: number[] = [];
      await firstRender(panel, h.extUrl('sidepanel.html')); // warm-up
      for (let i = 0; i < RUNS; i++) renders.push(await firstRender(panel, h.extUrl('sidepanel.html')));
      await filterChange(panel, 'complete', complete); // warm-up
      await filterChange(panel, '', 43);
      for (let i = 0; i < RUNS; i++) {
        filters.push(await filterChange(panel, 'complete', complete));
        await filterChange(panel, '', 43);
      }
      results[size] = { render: median(renders), filter: median(filters) };
      log(
        `dashboard: ${size} evidence: first render median ${results[size].render.toFixed(0)} ms, filter change median ${results[size].filter.toFixed(1)} ms (${RUNS} runs)`,
      );
    }
  } finally {
    await h.close();
  }
  const small = results[SIZES[0]]!;
  const big = results[SIZES[1]]!;
  const renderRatio = big.render / small.render;
  const filterRatio = big.filter / small.filter;
  log(
    `dashboard: ratio ${SIZES[1]}/${SIZES[0]}: first render ${renderRatio.toFixed(2)}×, filter change ${filterRatio.toFixed(2)}× (target ≤ 2×)`,
  );
}
