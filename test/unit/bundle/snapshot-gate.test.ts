/* eslint-disable @typescript-eslint/no-explicit-any -- tests edit parsed manifests freely to forge bundles */
import { strFromU8, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../../../lib/bundle/check';
import { importBundle } from '../../../lib/bundle/import';
import { BundleFailure, bundleMessage } from '../../../lib/bundle/messages';
import { scanSnapshot } from '../../../lib/capture/snapshot-scan';
import { SNAPSHOT_HEAD_START } from '../../../lib/capture/snapshot-policy';
import { sha256Hex } from '../../../lib/util/hash';
import { HOSTILE, LEGACY_SNAPSHOT } from '../capture/snapshot-corpus';
import { artifact, dumpDb, exportBytes, freshDb, manifestOf, record, seed, unzip, withManifest, zip } from './helpers';

/** The seed's bundle with its page snapshot replaced, hashes and sums made to match (a careful forger). */
async function withSnapshot(clean: Uint8Array, html: string): Promise<{ bytes: Uint8Array; path: string }> {
  const files = unzip(clean);
  const m = manifestOf(files);
  const a = m.evidence.flatMap((e: any) => e.artifacts).find((x: any) => x.method === 'dom-snapshot');
  const data = strToU8(html);
  files[a.path] = data;
  for (const x of m.evidence.flatMap((e: any) => e.artifacts))
    if (x.path === a.path) Object.assign(x, { sha256: await sha256Hex(data), bytes: data.length });
  return { bytes: zip(await withManifest(files, m)), path: a.path };
}

async function cleanBundle(): Promise<Uint8Array> {
  const unit = freshDb();
  await seed(unit);
  return exportBytes(unit);
}

describe('imported and checked snapshots follow the snapshot rule', () => {
  for (const [cls, cases] of Object.entries(HOSTILE)) {
    it(`refuses ${cls} (${cases.length} cases), naming the entry, and leaves the database byte-identical`, async () => {
      const clean = await cleanBundle();
      const coord = freshDb();
      await seed(coord);
      const before = await dumpDb(coord);
      for (const c of cases) {
        const { bytes, path } = await withSnapshot(clean, c.html);
        const r = await importBundle(coord, bytes);
        expect(r.ok, c.name).toBe(false);
        const err = r.ok ? null : r.errors[0]!;
        expect(err).toMatchObject({ code: 'snapshot-refused', file: path, params: { evidence: 'ev1' } });
        expect(String(err!.params!.reason), c.name).toContain(c.reason);
        expect(bundleMessage(err!, 'th')).toContain(path);
        const report = await checkBundle(bytes);
        expect(report.ok).toBe(false);
        expect(report.errors[0]).toEqual(err);
        expect(await dumpDb(coord)).toBe(before);
      }
    });
  }

  it('checks an honest older snapshot with a warning, and imports it neutralised under its new hash', async () => {
    const { bytes, path } = await withSnapshot(await cleanBundle(), LEGACY_SNAPSHOT);
    const report = await checkBundle(bytes);
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([
      expect.objectContaining({
        code: 'snapshot-neutralised',
        file: path,
        params: expect.objectContaining({ evidence: 'ev1' }),
      }),
    ]);
    expect(bundleMessage(report.warnings![0]!, 'en')).toContain('earlier version');

    const coord = freshDb();
    const r = await importBundle(coord, bytes);
    expect(r.ok ? [] : r.errors).toEqual([]);
    const ev = (await coord.evidence.get('ev1'))!;
    const a = ev.artifacts.find((x) => x.method === 'dom-snapshot')!;
    const stored = (await coord.blobs.get(a.id))!.data;
    expect(a.sha256).toBe(await sha256Hex(stored));
    expect(a.bytes).toBe(stored.length);
    const html = strFromU8(stored);
    expect(scanSnapshot(html)).toEqual({ active: [], remote: [] });
    expect(html).toContain('โทร. ๐๓๔-๗๑๑-๑๑๑');
    // The same bundle again: nothing to do, no conflict.
    const again = await importBundle(coord, bytes);
    expect(again.ok ? again.plan.sameEvidence : again.errors).toContain('ev1');
  });

  it('refuses a snapshot that is not UTF-8', async () => {
    const clean = await cleanBundle();
    const files = unzip(clean);
    const m = manifestOf(files);
    const a = m.evidence.flatMap((e: any) => e.artifacts).find((x: any) => x.method === 'dom-snapshot');
    files[a.path] = new Uint8Array([0xff, 0xfe, 0x3c, 0x00, 0x73, 0x00]); // UTF-16 with a BOM: a browser would read it otherwise
    Object.assign(a, { sha256: await sha256Hex(files[a.path]!), bytes: 6 });
    const r = await checkBundle(zip(await withManifest(files, m)));
    expect(r.errors).toEqual([
      expect.objectContaining({
        code: 'snapshot-refused',
        params: expect.objectContaining({ reason: 'not UTF-8 text' }),
      }),
    ]);
  });
});

describe('export writes every snapshot under the rule', () => {
  it('writes an older stored snapshot neutralised, with the CSP head and its new hash in the manifest', async () => {
    const db = freshDb();
    const old = await artifact('old', strToU8(LEGACY_SNAPSHOT), 'dom-snapshot', 'text/html; charset=utf-8');
    await db.evidence.put(record('ev-old', ['O5'], [old.a]));
    await db.blobs.put(old.blob);
    const bytes = await exportBytes(db);
    const files = unzip(bytes);
    const a = manifestOf(files).evidence[0].artifacts[0];
    const html = strFromU8(files[a.path]!);
    expect(html).toContain(SNAPSHOT_HEAD_START);
    expect(scanSnapshot(html)).toEqual({ active: [], remote: [] });
    expect(a.sha256).toBe(await sha256Hex(files[a.path]!));
    const report = await checkBundle(bytes);
    expect(report).toMatchObject({ ok: true, warnings: [] });
  });

  it('stops when a stored snapshot holds active content, naming it', async () => {
    const db = freshDb();
    const bad = await artifact(
      'bad',
      strToU8(HOSTILE['script in any namespace']![0]!.html),
      'dom-snapshot',
      'text/html',
    );
    await db.evidence.put(record('ev-bad', ['O5'], [bad.a]));
    await db.blobs.put(bad.blob);
    const err = await exportBytes(db).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BundleFailure);
    expect((err as BundleFailure).error).toMatchObject({
      code: 'export-snapshot-refused',
      params: { id: 'bad', reason: expect.stringContaining('<script> element') },
    });
  });
});
