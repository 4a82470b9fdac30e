/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate parsed manifests freely to build bad bundles */
import { strToU8 } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { BundleLimits } from '../../../lib/bundle/check';
import { importBundle } from '../../../lib/bundle/import';
import type { BundleErrorCode } from '../../../lib/bundle/messages';
import type { ItaDb } from '../../../lib/storage/db';
import { dumpDb, exportBytes, freshDb, item, manifestOf, resum, seed, withManifest, zip } from './helpers';
import { fromFiles, rawZip } from './raw-zip';
import { unzipSync } from 'fflate';

let good: Uint8Array;
let files: Record<string, Uint8Array>;
let target: ItaDb;
const EV = 'evidence/O05/ev1-viewport.png';

beforeAll(async () => {
  const src = freshDb();
  await seed(src);
  good = await exportBytes(src);
  files = unzipSync(good);
  target = freshDb();
  await target.items.put(item('O5', { unit: 'กองคลัง', assignee: 'คนเดิม' }));
  await target.meta.put({ key: 'x', value: 1 });
});

type Case = { name: string; code: BundleErrorCode; file?: string; make: () => Uint8Array | Promise<Uint8Array>; limits?: Partial<BundleLimits> };
const m = () => manifestOf(files);

const CASES: Case[] = [
  { name: 'empty file', code: 'empty-file', make: () => new Uint8Array(0) },
  { name: 'non-zip bytes', code: 'not-zip', make: () => strToU8('%PDF-1.4 this is not a zip at all, just some text '.repeat(10)) },
  { name: 'truncated zip (tail cut)', code: 'zip-truncated', make: () => good.slice(0, good.length - 40) },
  { name: 'truncated zip (half)', code: 'zip-truncated', make: () => good.slice(0, Math.floor(good.length / 2)) },
  { name: 'zip-slip ../', code: 'path-unsafe', file: '../evil.sh', make: () => fromFiles({ ...files, '../evil.sh': strToU8('x') }) },
  { name: 'zip-slip nested', code: 'path-unsafe', make: () => fromFiles({ ...files, 'evidence/../../evil.sh': strToU8('x') }) },
  { name: 'zip-slip directory entry', code: 'path-unsafe', file: '../up/', make: () => fromFiles({ ...files, '../up/': new Uint8Array(0) }) },
  { name: 'absolute path', code: 'path-unsafe', file: '/etc/cron.d/x', make: () => fromFiles({ ...files, '/etc/cron.d/x': strToU8('x') }) },
  { name: 'path with backslash', code: 'path-unsafe', make: () => fromFiles({ ...files, 'evidence\\..\\x.png': strToU8('x') }) },
  { name: 'Windows drive path', code: 'path-unsafe', file: 'C:/Windows/x.dll', make: () => fromFiles({ ...files, 'C:/Windows/x.dll': strToU8('x') }) },
  { name: 'zip bomb (honest sizes, huge ratio)', code: 'ratio-too-high', make: () => fromFiles({ ...files, 'bomb.bin': new Uint8Array(40 * 1024 * 1024) }, (es) => es.map((e) => (e.name === 'bomb.bin' ? { ...e, method: 8 } : e))) },
  { name: 'zip bomb (declared size lies)', code: 'size-mismatch', file: 'bomb.bin', make: () => fromFiles({ ...files, 'bomb.bin': new Uint8Array(8 * 1024 * 1024) }, (es) => es.map((e) => (e.name === 'bomb.bin' ? { ...e, method: 8, size: 1000 } : e))) },
  { name: 'declared total over the limit', code: 'too-large', make: () => rawZip([{ name: 'big.bin', data: new Uint8Array(10), size: 3_000_000_000, compressedSize: 3_000_000_000 }]) },
  { name: 'too many entries', code: 'too-many-entries', limits: { maxEntries: 5 }, make: () => good },
  { name: 'duplicate entries', code: 'duplicate-entry', file: 'report.html', make: () => fromFiles(files, (es) => [...es, { name: 'report.html', data: strToU8('<p>second</p>') }]) },
  { name: 'encrypted entry', code: 'zip-encrypted', file: EV, make: () => fromFiles(files, (es) => es.map((e) => (e.name === EV ? { ...e, flags: 1 } : e))) },
  { name: 'unsupported compression method', code: 'zip-method', file: EV, make: () => fromFiles(files, (es) => es.map((e) => (e.name === EV ? { ...e, method: 12 } : e))) },
  { name: 'CRC mismatch', code: 'crc-mismatch', file: EV, make: () => fromFiles(files, (es) => es.map((e) => (e.name === EV ? { ...e, crc: 1234 } : e))) },
  { name: 'corrupt deflate stream', code: 'inflate-failed', file: 'report.html', make: () => fromFiles(files, (es) => es.map((e) => (e.name === 'report.html' ? { ...e, method: 8, raw: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) } : e))) },
  { name: 'zip64 marker', code: 'zip-unsupported', make: () => rawZip([{ name: 'a', data: strToU8('a') }], { eocdCount: 0xffff }) },
  { name: 'missing manifest', code: 'missing-manifest', make: () => { const { 'manifest.json': _m, ...rest } = files; return zip(rest); } },
  { name: 'missing SHA256SUMS', code: 'missing-sha256sums', make: () => { const { SHA256SUMS: _s, ...rest } = files; return zip(rest); } },
  { name: 'huge manifest', code: 'manifest-too-large', file: 'manifest.json', make: () => fromFiles({ ...files, 'manifest.json': new Uint8Array(33 * 1024 * 1024).fill(0x20) }) },
  { name: 'invalid JSON', code: 'manifest-json', file: 'manifest.json', make: async () => zip(await withManifest(files, null, strToU8('{"format": "ita-evidence-bundle",'))) },
  { name: 'manifest not UTF-8', code: 'manifest-json', file: 'manifest.json', make: async () => zip(await withManifest(files, null, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))) },
  { name: 'manifest not an object', code: 'manifest-not-object', file: 'manifest.json', make: async () => zip(await withManifest(files, [m()])) },
  { name: 'wrong format name', code: 'format-unknown', make: async () => zip(await withManifest(files, { ...m(), format: 'something-else' })) },
  { name: 'unsupported format version', code: 'format-version-unsupported', make: async () => zip(await withManifest(files, { ...m(), formatVersion: 99 })) },
  { name: 'schema: items not a list', code: 'manifest-schema', make: async () => zip(await withManifest(files, { ...m(), items: 'O1' })) },
  { name: 'evidence with unknown method', code: 'manifest-schema', make: async () => {
    const x = m(); x.evidence[0].artifacts[0].method = 'photoshop'; return zip(await withManifest(files, x)); } },
  { name: 'item with bad status', code: 'manifest-schema', make: async () => {
    const x = m(); x.items[0].status = 'done'; return zip(await withManifest(files, x)); } },
  { name: 'duplicate evidence ids', code: 'duplicate-evidence-id', make: async () => {
    const x = m(); x.evidence.push({ ...x.evidence[1], artifacts: [] }); return zip(await withManifest(files, x)); } },
  { name: 'duplicate artifact ids', code: 'duplicate-artifact-id', make: async () => {
    const x = m(); x.evidence[1].artifacts.push({ ...x.evidence[0].artifacts[0] }); return zip(await withManifest(files, x)); } },
  { name: 'artifact path escapes', code: 'path-unsafe', file: '../x.png', make: async () => {
    const x = m(); x.evidence[0].artifacts[0].path = '../x.png'; return zip(await withManifest(files, x)); } },
  { name: 'hash mismatch (sums recomputed)', code: 'hash-mismatch', file: EV, make: async () => zip(await resum({ ...files, [EV]: new Uint8Array(files[EV]!.length) })) },
  { name: 'size mismatch in manifest', code: 'file-size-mismatch', file: EV, make: async () => {
    const x = m(); x.evidence[0].artifacts[0].bytes += 1; return zip(await withManifest(files, x)); } },
  { name: 'missing evidence file', code: 'file-missing', file: EV, make: async () => { const { [EV]: _e, ...rest } = files; return zip(await resum(rest)); } },
  { name: 'extra unlisted file', code: 'file-unlisted', file: 'evidence/O05/extra.png', make: async () => zip(await resum({ ...files, 'evidence/O05/extra.png': strToU8('x') })) },
  { name: 'bad SHA256SUMS line', code: 'sums-bad-line', file: 'SHA256SUMS', make: () => zip({ ...files, SHA256SUMS: strToU8(`${new TextDecoder().decode(files.SHA256SUMS)}not a checksum line\n`) }) },
  { name: 'SHA256SUMS lists a missing file', code: 'sums-extra-entry', file: 'SHA256SUMS', make: () => zip({ ...files, SHA256SUMS: strToU8(`${'0'.repeat(64)}  aaa.txt\n${new TextDecoder().decode(files.SHA256SUMS)}`) }) },
  { name: 'file absent from SHA256SUMS', code: 'sums-missing-entry', file: 'report.html', make: () => zip({ ...files, SHA256SUMS: strToU8(new TextDecoder().decode(files.SHA256SUMS).split('\n').filter((l) => !l.endsWith('report.html')).join('\n')) }) },
  { name: 'SHA256SUMS not canonical (reordered)', code: 'sums-not-canonical', file: 'SHA256SUMS', make: () => zip({ ...files, SHA256SUMS: strToU8(new TextDecoder().decode(files.SHA256SUMS).trim().split('\n').reverse().join('\n') + '\n') }) },
  { name: 'criteria file invalid', code: 'criteria-invalid', file: 'criteria.json', make: async () => {
    const crit = strToU8('{"formatVersion":1}'); const x = m();
    const { sha256Hex } = await import('../../../lib/util/hash');
    const h = await sha256Hex(crit);
    x.criteriaSet.sha256 = h; const f = x.files.find((y: any) => y.path === 'criteria.json'); f.sha256 = h; f.bytes = crit.length;
    return zip(await withManifest({ ...files, 'criteria.json': crit }, x)); } },
];

describe('bad-bundle corpus', () => {
  it('has at least 25 distinct bad bundles', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(25);
    expect(new Set(CASES.map((c) => c.code)).size).toBeGreaterThanOrEqual(25);
  });

  it('the good bundle imports (the corpus is a mutation of a valid bundle)', async () => {
    const r = await importBundle(freshDb(), good);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  for (const c of CASES) {
    it(`rejects: ${c.name} → ${c.code}, database unchanged`, async () => {
      const before = await dumpDb(target);
      const r = await importBundle(target, await c.make(), { limits: c.limits });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      expect(r.errors.map((e) => e.code)).toContain(c.code);
      if (c.file) expect(r.errors.filter((e) => e.code === c.code).map((e) => e.file)).toContain(c.file);
      expect(await dumpDb(target)).toBe(before);
    });
  }
});
