import 'fake-indexeddb/auto';
import { spawnSync } from 'node:child_process';
import { createHash, randomFillSync } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { deflateSync, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { checkBundle } from '../../lib/bundle/check';
import { exportBundle } from '../../lib/bundle/export';
import { importBundle } from '../../lib/bundle/import';
import { formatSha256Sums } from '../../lib/bundle/sha256sums';
import { getBuiltInSet } from '../../lib/criteria/registry';
import { openDb } from '../../lib/storage/db';
import { DEFAULT_SETTINGS } from '../../lib/storage/settings';
import { fileSource, nodeSha256 } from '../../lib/cli/file-source';
import { rawZip } from '../unit/bundle/raw-zip';

/**
 * `check` on hostile 20 MB zips, each in its own Node process so that its peak memory (max RSS)
 * is its own. Target: every input decided in ≤ 300 MB peak, a 20 MB hostile zip refused in ≤ 10 s.
 * Baseline (same run): reading the same file and hashing it once with SHA-256, the least any
 * checker does.
 *   - amplification: 20 MB of small, highly compressed entries none of the lists name (the shape
 *     that held 1.36 GB for 35 s before): refused before anything is inflated;
 *   - listed: a forged bundle whose manifest and SHA256SUMS list every entry, expanding to the
 *     whole-archive cap (20 × its size), the last hash wrong: the worst case, everything is read.
 */
const MB = 1024 * 1024;
const TARGET_BYTES = 20 * MB;

async function honestBundle(): Promise<Record<string, Uint8Array>> {
  const db = openDb(`bench-check-${process.pid}`);
  const set = getBuiltInSet()!;
  await db.evidence.put({
    schemaVersion: 1,
    id: 'ev1',
    criteria: ['O5'],
    requestedUrl: 'https://www.example.go.th/',
    url: 'https://www.example.go.th/',
    title: 'หน้าแรก',
    httpStatus: 200,
    capturedAt: '2021-03-01T00:00:00.000Z',
    timeZone: 'Asia/Bangkok',
    userAgent: 'bench',
    extensionVersion: '0.1.0',
    viewport: { width: 1280, height: 800 },
    devicePixelRatio: 1,
    note: '',
    artifacts: [],
    clickPath: [],
    reachedFromHome: true,
    elementTicks: {},
    updatedAt: '2021-03-01T00:00:00.000Z',
  });
  const chunks: Uint8Array[] = [];
  await exportBundle(db, {
    settings: { ...DEFAULT_SETTINGS, agencyName: 'เทศบาลเมืองตัวอย่าง', homeUrl: 'https://www.example.go.th/' },
    set,
    fonts: [],
    extensionVersion: '0.1.0',
    now: () => new Date('2021-03-10T00:00:00.000Z'),
    sink: (c) => void chunks.push(c.slice()),
  });
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    all.set(c, o);
    o += c.length;
  }
  return unzipSync(all);
}

function amplificationZip(files: Record<string, Uint8Array>): Uint8Array {
  // 30,000 entries of 12 KiB that none of the lists name (360 MB declared, under the whole-archive cap):
  // the reader must refuse them from the listing, inflating none.
  const block = new Uint8Array(12 * 1024);
  randomFillSync(block.subarray(0, 560));
  const raw = deflateSync(block, { level: 9 });
  const honest = Object.entries(files).map(([name, data]) => ({ name, data }));
  return rawZip([
    ...honest,
    ...Array.from({ length: 30_000 }, (_, i) => ({ name: `evidence/O05/z${i}.png`, data: block, method: 8, raw })),
  ]);
}

const sha = (d: Uint8Array) => createHash('sha256').update(d).digest('hex');

function listedZip(files: Record<string, Uint8Array>, lastHashWrong = true): Uint8Array {
  // 1 MiB entries that deflate about 19:1, as many as the whole-archive cap allows.
  const block = new Uint8Array(MB);
  randomFillSync(block.subarray(0, 52 * 1024));
  const raw = deflateSync(block, { level: 6 });
  const count = Math.floor(TARGET_BYTES / (raw.length + 200));
  const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']!));
  const base = manifest.evidence[0];
  const hash = sha(block);
  manifest.evidence = Array.from({ length: count }, (_, i) => ({
    ...base,
    id: `ev${i}`,
    artifacts: [
      {
        id: `a${i}`,
        method: 'document-bytes',
        mime: 'application/pdf',
        bytes: MB,
        sha256: lastHashWrong && i === count - 1 ? '0'.repeat(64) : hash,
        path: `evidence/O05/ev${i}-document.pdf`,
      },
    ],
  }));
  const out: Record<string, Uint8Array> = { ...files, 'manifest.json': strToU8(JSON.stringify(manifest)) };
  const sums = Object.entries(out)
    .filter(([p]) => p !== 'SHA256SUMS')
    .map(([p, d]) => ({ path: p, sha256: sha(d) }));
  for (const a of manifest.evidence) sums.push({ path: a.artifacts[0].path, sha256: a.artifacts[0].sha256 });
  out.SHA256SUMS = strToU8(formatSha256Sums(sums));
  const z: Zippable = {};
  for (const [k, v] of Object.entries(out)) z[k] = [v, { level: 6 }];
  const head = zipSync(z);
  // The big entries share one deflated block; rawZip lays them out with honest sizes and CRCs.
  const entries = Object.entries(unzipSync(head)).map(([name, data]) => ({ name, data, method: 8 }));
  return rawZip([
    ...entries,
    ...manifest.evidence.map((e: { artifacts: { path: string }[] }) => ({
      name: e.artifacts[0]!.path,
      data: block,
      method: 8,
      raw,
    })),
  ]);
}

interface ChildReport {
  ms: number;
  maxRssMb: number;
  valid: boolean;
  codes: string[];
}

async function child(file: string, mode: string): Promise<void> {
  const t0 = performance.now();
  let report: ChildReport;
  if (mode === 'baseline') {
    const h = createHash('sha256').update(readFileSync(file)).digest('hex');
    report = { ms: performance.now() - t0, maxRssMb: 0, valid: h.length === 64, codes: [] };
  } else if (mode === 'import') {
    // What the side panel does: the whole file in memory, then importBundle on an empty database.
    const r = await importBundle(openDb(`bench-import-${process.pid}`), readFileSync(file));
    const codes = r.ok ? [] : [...new Set(r.errors.map((e) => e.code))];
    report = { ms: performance.now() - t0, maxRssMb: 0, valid: r.ok, codes };
  } else {
    const src = await fileSource(file);
    const r = await checkBundle(src, {}, { sha256: nodeSha256 });
    await src.close();
    report = { ms: performance.now() - t0, maxRssMb: 0, valid: r.ok, codes: [...new Set(r.errors.map((e) => e.code))] };
  }
  report.maxRssMb = process.resourceUsage().maxRSS / 1024;
  console.log(JSON.stringify(report));
}

function measure(self: string, file: string, mode: string): ChildReport {
  const r = spawnSync(process.execPath, [self], {
    env: { ...process.env, ITA_CHECK_BENCH_CHILD: `${mode}:${file}` },
    encoding: 'utf8',
    timeout: 120_000,
  });
  const line = r.stdout.trim().split('\n').pop() ?? '';
  try {
    return JSON.parse(line) as ChildReport;
  } catch {
    throw new Error(`child failed: ${r.stderr.slice(0, 500)}`);
  }
}

const childTask = process.env.ITA_CHECK_BENCH_CHILD;
if (childTask) {
  const at = childTask.indexOf(':');
  await child(childTask.slice(at + 1), childTask.slice(0, at));
  process.exit(0);
}

export async function run(log: (line: string) => void): Promise<void> {
  const self = path.join(path.dirname(fileURLToPath(import.meta.url)), 'check.run.mjs');
  const dir = mkdtempSync(path.join(tmpdir(), 'ita-check-bench-'));
  try {
    const files = await honestBundle();
    const cases: [string, Uint8Array][] = [
      ['amplification', amplificationZip(files)],
      ['listed', listedZip(files)],
      ['listed, every hash right', listedZip(files, false)],
    ];
    for (const [name, bytes] of cases) {
      const file = path.join(dir, `${name}.zip`);
      writeFileSync(file, bytes);
      const base = measure(self, file, 'baseline');
      const r = measure(self, file, 'check');
      const imp = measure(self, file, 'import');
      const verdict = r.valid
        ? name.includes('right')
          ? 'accepted'
          : 'ACCEPTED (wrong)'
        : `refused [${r.codes.join(', ')}]`;
      log(`${name}: ${(bytes.length / MB).toFixed(1)} MB zip → ${verdict}`);
      log(
        `  check ${(r.ms / 1000).toFixed(2)} s (target ≤ 10 s), peak RSS ${r.maxRssMb.toFixed(0)} MB (target ≤ 300 MB)`,
      );
      log(
        `  import (extension's path, in Node) ${imp.valid ? 'accepted' : `refused [${imp.codes.join(', ')}]`} ${(imp.ms / 1000).toFixed(2)} s, peak RSS ${imp.maxRssMb.toFixed(0)} MB`,
      );
      log(
        `  baseline (read + SHA-256 once) ${(base.ms / 1000).toFixed(2)} s; ratio ${(r.ms / Math.max(1, base.ms)).toFixed(1)}×`,
      );
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
