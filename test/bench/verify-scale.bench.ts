/**
 * `verify` on 100,000 loopback rows, as a user runs it: the CLI in its own process with --jsonl.
 * Figures: time to the first result line, wall time, peak RSS of the CLI process (VmHWM, polled),
 * against a baseline measured in the same run: the same 100,000 GETs made by a bare loop (same
 * concurrency, no checks). Targets: output from the first result, peak ≤ 300 MB.
 * ITA_BENCH_VERIFY_FORMAT=json measures --json instead, which keeps every row until the end
 * (reported, no target); ITA_BENCH_NODE_FLAGS adds Node flags to the CLI process.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { build } from 'esbuild';
import { sendHtml, startServer, type FixtureServer } from '../fixtures/verify-server';

const ROWS = Number(process.env.ITA_BENCH_ROWS ?? 100_000);
const HOSTS = 8;
const PER_HOST = 4;
const MB = 1024 * 1024;
const FORMAT = process.env.ITA_BENCH_VERIFY_FORMAT === 'json' ? 'json' : 'jsonl';

const body = (i: string) =>
  `<!doctype html><html><head><meta charset="utf-8"><title>ข่าว ${i}</title></head><body><p>ข่าวประชาสัมพันธ์ ปีงบประมาณ พ.ศ. 2564 ลำดับที่ ${i}</p></body></html>`;

function peakKb(pid: number): number {
  try {
    return Number(/VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
  } catch {
    return 0;
  }
}

async function baseline(servers: FixtureServer[]): Promise<number> {
  const t0 = performance.now();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < ROWS; i = next++) {
      const r = await fetch(servers[i % HOSTS]!.url(`/n/${i}.html`), { cache: 'no-store' });
      await r.arrayBuffer();
    }
  };
  await Promise.all(Array.from({ length: HOSTS * PER_HOST }, worker));
  return performance.now() - t0;
}

export async function run(log: (line: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ita-bench-verify-'));
  const servers: FixtureServer[] = [];
  try {
    for (let h = 0; h < HOSTS; h++) {
      servers.push(
        await startServer((_req, res, path) => {
          const m = /^\/n\/(\d+)\.html$/.exec(path);
          if (!m) return sendHtml(res, '<p>not found</p>', 404);
          sendHtml(res, body(m[1]!));
        }),
      );
    }
    const cli = join(dir, 'cli.mjs');
    await build({
      entryPoints: ['lib/cli/entry.ts'],
      outfile: cli,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'bundle',
      loader: { '.json': 'json' },
      // As scripts/build-cli.mjs: jsonc-parser's UMD "main" requires its parts in a way esbuild cannot follow.
      mainFields: ['module', 'main'],
      logLevel: 'error',
      banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
    });
    const csv = join(dir, 'rows.csv');
    const lines = ['criterion,url'];
    // Items whose period rule is the current state or the fiscal year (O1, O5, O7, O10): each page passes.
    const items = ['O1', 'O5', 'O7', 'O10'];
    for (let i = 0; i < ROWS; i++) lines.push(`${items[i % items.length]},${servers[i % HOSTS]!.url(`/n/${i}.html`)}`);
    writeFileSync(csv, lines.join('\n'));

    const base = await baseline(servers);
    for (const s of servers) s.log.length = 0;

    const t0 = performance.now();
    const flags = (process.env.ITA_BENCH_NODE_FLAGS ?? '').split(' ').filter(Boolean);
    const child = spawn(
      process.execPath,
      [
        ...flags,
        cli,
        'verify',
        csv,
        `--${FORMAT}`,
        '--allow-private',
        '--concurrency',
        String(PER_HOST),
        '--timeout',
        '60',
      ],
      { stdio: ['ignore', 'pipe', 'inherit'] },
    );
    let peak = 0;
    const poll = setInterval(() => (peak = Math.max(peak, peakKb(child.pid!))), 100);
    let first = 0;
    let count = 0;
    let bad = 0;
    const rl = createInterface({ input: child.stdout });
    rl.on('line', (l) => {
      if (count++ === 0) first = performance.now() - t0;
      if (!l.includes(`"ok":true`)) {
        if (bad++ < 3) log(`verify-scale: not ok: ${l.slice(0, 600)}`);
      }
      if (count % 5000 === 0) peak = Math.max(peak, peakKb(child.pid!));
    });
    const code = await new Promise<number>((resolve) => child.on('exit', (c) => resolve(c ?? -1)));
    clearInterval(poll);
    const wall = performance.now() - t0;
    const requests = servers.reduce((n, s) => n + s.log.length, 0);
    log(`verify-scale: ${ROWS} rows on ${HOSTS} loopback hosts, ${PER_HOST} per host, --${FORMAT}`);
    log(
      `verify-scale: first result after ${first.toFixed(0)} ms; wall ${(wall / 1000).toFixed(1)} s; ${count} lines; ${bad} not ok; exit ${code}`,
    );
    const target = FORMAT === 'jsonl' ? 'target ≤ 300 MB' : '--json keeps every row: no target';
    log(`verify-scale: peak RSS of the CLI ${(peak / 1024).toFixed(0)} MB (${target})`);
    log(`verify-scale: requests ${requests} (${ROWS} pages + ${requests - ROWS} sibling probes)`);
    log(
      `verify-scale: baseline (bare fetch loop, same concurrency) ${(base / 1000).toFixed(1)} s; ratio ${(wall / base).toFixed(2)}`,
    );
    if (count !== ROWS || bad > 0) throw new Error(`verify-scale: ${count} lines, ${bad} not ok`);
    if (FORMAT === 'jsonl' && peak / 1024 > 300)
      throw new Error(`verify-scale: peak ${(peak / 1024).toFixed(0)} MB over 300 MB`);
    void MB;
  } finally {
    await Promise.all(servers.map((s) => s.close()));
    rmSync(dir, { recursive: true, force: true });
  }
}
