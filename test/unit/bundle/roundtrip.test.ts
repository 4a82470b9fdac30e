import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../lib/bundle/check';
import { importBundle } from '../../../lib/bundle/import';
import { toHex } from '../../../lib/util/hash';
import { exportBytes, freshDb, seed, unzip } from './helpers';

describe('bundle round trip', () => {
  it('export then import into a fresh database gives identical records and bytes', async () => {
    const src = freshDb();
    await seed(src);
    const bytes = await exportBytes(src);
    const dst = freshDb();
    const r = await importBundle(dst, bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.result.addedEvidence).toBe(3);
    const byId = <T extends { id: string }>(a: T[]) => [...a].sort((x, y) => x.id.localeCompare(y.id));
    expect(byId(await dst.evidence.toArray())).toEqual(byId(await src.evidence.toArray()));
    expect((await dst.items.toArray()).sort((a, b) => a.code.localeCompare(b.code))).toEqual(
      (await src.items.toArray()).sort((a, b) => a.code.localeCompare(b.code)),
    );
    const srcBlobs = byId(await src.blobs.toArray());
    const dstBlobs = byId(await dst.blobs.toArray());
    expect(dstBlobs.map((b) => [b.id, toHex(b.data)])).toEqual(srcBlobs.map((b) => [b.id, toHex(b.data)]));
    expect(await dst.criteriaSets.get('nacc-ita-oit/2564/all')).toBeTruthy();
  });

  it('carries re-verification results, and the newer check wins on import', async () => {
    const src = freshDb();
    await seed(src);
    const ev = (await src.evidence.toArray())[0]!;
    const result = {
      key: ev.id,
      url: ev.url,
      criterion: 'O5',
      evidenceId: ev.id,
      kind: 'page',
      checkedAt: '2021-03-09T00:00:00.000Z',
      ok: false,
      status: 200,
      finalUrl: ev.url,
      redirects: [],
      problems: ['drifted'],
      similarity: 0.2,
      linkPath: null,
      details: {},
    };
    await src.verify.put({ key: ev.id, evidenceId: ev.id, checkedAt: '2021-03-09T00:00:00.000Z', result });
    const bytes = await exportBytes(src);
    const read = await readBundle(bytes);
    if (!read.ok) throw new Error(JSON.stringify(read.errors));
    expect(read.bundle.manifest.verification).toEqual([
      { key: ev.id, evidenceId: ev.id, checkedAt: '2021-03-09T00:00:00.000Z', result },
    ]);

    const dst = freshDb();
    await dst.verify.put({
      key: ev.id,
      evidenceId: ev.id,
      checkedAt: '2021-06-01T00:00:00.000Z',
      result: { ok: true },
    });
    const r = await importBundle(dst, bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect((await dst.verify.get(ev.id))?.result).toEqual({ ok: true }); // mine is newer: kept
    const older = freshDb();
    await importBundle(older, bytes);
    expect((await older.verify.get(ev.id))?.result).toEqual(result);
  });

  it('importing the same bundle twice changes nothing the second time', async () => {
    const src = freshDb();
    await seed(src);
    const bytes = await exportBytes(src);
    const r = await importBundle(src, bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.result).toMatchObject({
      addedEvidence: 0,
      updatedEvidence: 0,
      skippedEvidence: 3,
      addedItems: 0,
      updatedItems: 0,
      addedBlobs: 0,
    });
  });

  it('passes the real `sha256sum -c SHA256SUMS` on the unzipped folder', async () => {
    const db = freshDb();
    await seed(db);
    const files = unzip(await exportBytes(db));
    const dir = mkdtempSync(join(tmpdir(), 'bundle-sums-'));
    try {
      for (const [path, data] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, path)), { recursive: true });
        writeFileSync(join(dir, path), data);
      }
      const out = execFileSync('sha256sum', ['-c', '--strict', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
      const lines = out.trim().split('\n');
      expect(lines.length).toBe(Object.keys(files).length - 1);
      expect(lines.every((l) => l.endsWith(': OK'))).toBe(true);
      writeFileSync(join(dir, 'report.html'), 'changed');
      expect(() => execFileSync('sha256sum', ['-c', '--quiet', 'SHA256SUMS'], { cwd: dir, stdio: 'pipe' })).toThrow();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('reads back what it wrote: the bundle verifies', async () => {
    const db = freshDb();
    await seed(db);
    const r = await readBundle(await exportBytes(db));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('re-zipped bundles', () => {
  it('a bundle unzipped and zipped again with Info-ZIP (directory entries included) still checks', async () => {
    const db = freshDb();
    await seed(db);
    const files = unzip(await exportBytes(db));
    const dir = mkdtempSync(join(tmpdir(), 'bundle-rezip-'));
    try {
      for (const [path, data] of Object.entries(files)) {
        mkdirSync(dirname(join(dir, 'b', path)), { recursive: true });
        writeFileSync(join(dir, 'b', path), data);
      }
      execFileSync('zip', ['-qr', join(dir, 'again.zip'), '.'], { cwd: join(dir, 'b') });
      const again = new Uint8Array(readFileSync(join(dir, 'again.zip')));
      const listing = execFileSync('unzip', ['-Z1', join(dir, 'again.zip')], { encoding: 'utf8' });
      expect(listing).toContain('evidence/O05/\n');
      const r = await readBundle(again);
      expect(r.ok ? [] : r.errors).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
