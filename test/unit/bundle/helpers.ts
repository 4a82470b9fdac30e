/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate parsed manifests freely to build bad bundles */
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import type { CriteriaSet } from '../../../lib/criteria/types';
import type { Artifact, BlobRow, EvidenceRecord, ItemRecord } from '../../../lib/evidence/types';
import { openDb, type ItaDb } from '../../../lib/storage/db';
import { DEFAULT_SETTINGS, type Settings } from '../../../lib/storage/settings';
import { sha256Hex, toHex } from '../../../lib/util/hash';
import { exportBundle, type ExportOptions } from '../../../lib/bundle/export';
import { formatSha256Sums } from '../../../lib/bundle/sha256sums';
import { SNAPSHOT_HEAD_START } from '../../../lib/capture/snapshot-policy';

let dbCounter = 0;
export function freshDb(): ItaDb {
  return openDb(`bundle-test-${process.pid}-${++dbCounter}-${Math.random().toString(36).slice(2)}`);
}

export const SET: CriteriaSet = getBuiltInSet()!;
export const SETTINGS: Settings = {
  ...DEFAULT_SETTINGS,
  agencyName: 'เทศบาลเมืองตัวอย่าง',
  homeUrl: 'https://www.example.go.th/',
};
export const FONTS = [
  { name: 'sarabun-thai-400-normal.woff2', bytes: new Uint8Array([0x77, 0x4f, 0x46, 0x32, 1, 2, 3]) },
  { name: 'sarabun-latin-700-normal.woff2', bytes: new Uint8Array([0x77, 0x4f, 0x46, 0x32, 4, 5, 6]) },
];

/** Deterministic pseudo-random bytes (incompressible, like PNG data). */
export function noise(n: number, seed: number): Uint8Array {
  const out = new Uint8Array(n);
  let x = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    out[i] = x & 0xff;
  }
  out.set([0x89, 0x50, 0x4e, 0x47], 0);
  return out;
}

export async function artifact(
  id: string,
  data: Uint8Array,
  method: Artifact['method'] = 'viewport',
  mime = 'image/png',
): Promise<{ a: Artifact; blob: BlobRow }> {
  return {
    a: { id, method, mime, bytes: data.length, sha256: await sha256Hex(data), width: 1280, height: 800 },
    blob: { id, data },
  };
}

export function record(
  id: string,
  criteria: string[],
  artifacts: Artifact[],
  patch: Partial<EvidenceRecord> = {},
): EvidenceRecord {
  return {
    schemaVersion: 1,
    id,
    criteria,
    requestedUrl: `https://www.example.go.th/page?id=${id}`,
    url: `https://www.example.go.th/page?id=${id}`,
    title: `หน้า ${id}`,
    httpStatus: 200,
    capturedAt: '2021-03-01T03:00:00.000Z',
    timeZone: 'Asia/Bangkok',
    userAgent: 'UA',
    extensionVersion: '0.1.0',
    viewport: { width: 1280, height: 800 },
    devicePixelRatio: 1,
    note: '',
    artifacts,
    clickPath: [
      { url: 'https://www.example.go.th/', linkText: '' },
      { url: `https://www.example.go.th/page?id=${id}`, linkText: 'ข้อมูลหน่วยงาน' },
    ],
    reachedFromHome: true,
    elementTicks: {},
    updatedAt: '2021-03-01T03:00:00.000Z',
    ...patch,
  };
}

export function item(code: string, patch: Partial<ItemRecord> = {}): ItemRecord {
  return {
    code,
    unit: 'สำนักปลัด',
    dueDate: '2021-04-30',
    assignee: 'นายสมชาย',
    notes: '',
    statusOverride: null,
    submitUrls: null,
    explanation: null,
    updatedAt: '2021-03-02T00:00:00.000Z',
    ...patch,
  };
}

/** The seed's page snapshot: a current one (the snapshot rule keeps its bytes). */
export const SEED_SNAPSHOT = `<!DOCTYPE html>\n<html><head>${SNAPSHOT_HEAD_START}</head><body>สวัสดี</body></html>`;

/** A small database: O5 complete with a shared page for O5+O6, a document for O10, a snapshot, a hostile title. */
export async function seed(db: ItaDb): Promise<void> {
  const a1 = await artifact('a1', noise(5000, 1));
  const a2 = await artifact('a2', noise(7000, 2), 'fullpage-stitched');
  const a3 = await artifact('a3', strToU8(SEED_SNAPSHOT), 'dom-snapshot', 'text/html');
  const a4 = await artifact('a4', noise(3000, 4), 'document-bytes', 'application/pdf');
  const a5 = await artifact('a5', noise(5000, 1)); // same bytes as a1
  const o5 = SET.items.find((c) => c.code === 'O5')!;
  const evidence = [
    record('ev1', ['O5', 'O6'], [a1.a, a2.a, a3.a], { elementTicks: { O5: o5.elements.map((e) => e.key) } }),
    record('ev2', ['O10'], [a4.a], { title: '<script>alert(1)</script> & "x"', note: '<img src=x onerror=alert(1)>' }),
    record('ev3', ['O6'], [a5.a], { capturedAt: '2021-03-05T03:00:00.000Z', updatedAt: '2021-03-05T03:00:00.000Z' }),
  ];
  await db.transaction('rw', db.evidence, db.blobs, db.items, async () => {
    await db.evidence.bulkPut(evidence);
    await db.blobs.bulkPut([a1, a2, a3, a4, a5].map((x) => x.blob));
    await db.items.bulkPut([
      item('O5'),
      item('O10', {
        unit: 'กองคลัง',
        statusOverride: { status: 'incomplete', reason: 'ขาดรายงาน' },
        explanation: '=HYPERLINK("http://evil")',
      }),
      item('O6', { unit: 'กองช่าง', submitUrls: ['https://www.example.go.th/x'] }),
    ]);
  });
}

export async function exportBytes(db: ItaDb, patch: Partial<ExportOptions> = {}): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  await exportBundle(db, {
    settings: SETTINGS,
    set: SET,
    fonts: FONTS,
    extensionVersion: '0.1.0',
    now: () => new Date('2021-03-10T05:00:00.000Z'),
    sink: (c) => void chunks.push(c.slice()),
    ...patch,
  });
  return concat(chunks);
}

export function concat(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function unzip(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

export function zip(files: Record<string, Uint8Array>): Uint8Array {
  const z: Zippable = {};
  for (const [k, v] of Object.entries(files)) z[k] = [v, { level: 0 }];
  return zipSync(z);
}

export function manifestOf(files: Record<string, Uint8Array>): Record<string, any> {
  return JSON.parse(strFromU8(files['manifest.json']!));
}

/** Replaces manifest.json and recomputes SHA256SUMS, as a careful forger would. */
export async function withManifest(
  files: Record<string, Uint8Array>,
  m: unknown,
  raw?: Uint8Array,
): Promise<Record<string, Uint8Array>> {
  const next = { ...files, 'manifest.json': raw ?? strToU8(JSON.stringify(m)) };
  return resum(next);
}

export async function resum(files: Record<string, Uint8Array>): Promise<Record<string, Uint8Array>> {
  const entries = [];
  for (const [path, data] of Object.entries(files))
    if (path !== 'SHA256SUMS') entries.push({ path, sha256: await sha256Hex(data) });
  return { ...files, SHA256SUMS: strToU8(formatSha256Sums(entries)) };
}

/** Every table, every row, blobs as hex: equal dumps mean an unchanged database. */
export async function dumpDb(db: ItaDb): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of db.tables) {
    const rows = await t.toArray();
    out[t.name] = rows.map((r: any) => (t.name === 'blobs' ? { id: r.id, data: toHex(r.data) } : r));
  }
  return JSON.stringify(out);
}
