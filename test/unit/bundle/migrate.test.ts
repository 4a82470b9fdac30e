/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate parsed manifests freely to build bad bundles */
import { describe, expect, it } from 'vitest';
import { checkBundle } from '../../../lib/bundle/check';
import { importBundle } from '../../../lib/bundle/import';
import { migrateManifest } from '../../../lib/bundle/migrate';
import { exportBytes, freshDb, manifestOf, seed, unzip, withManifest, zip } from './helpers';

/** Rewrites a current export into the version-1 shape: one `criterion`, no item explanations. */
async function v1Bundle(): Promise<Uint8Array> {
  const db = freshDb();
  await seed(db);
  const files = unzip(await exportBytes(db));
  const m = manifestOf(files);
  m.formatVersion = 1;
  m.evidence = m.evidence.map(({ criteria, ...e }: any) => ({ ...e, criterion: criteria[0] }));
  m.items = m.items.map(({ explanation: _e, explanationText: _t, ...i }: any) => i);
  return zip(await withManifest(files, m));
}

describe('bundle format migration', () => {
  it('migrates v1 → v2 in memory', () => {
    const r = migrateManifest({
      format: 'ita-evidence-bundle',
      formatVersion: 1,
      evidence: [{ id: 'x', criterion: 'O7' }],
      items: [{ code: 'O7' }],
    });
    expect(r).toEqual({
      ok: true,
      fromVersion: 1,
      manifest: {
        format: 'ita-evidence-bundle',
        formatVersion: 2,
        evidence: [{ id: 'x', criteria: ['O7'] }],
        items: [{ code: 'O7', explanation: null, explanationText: '' }],
      },
    });
  });

  it('leaves a current manifest as it is and refuses newer versions', () => {
    const cur = { format: 'ita-evidence-bundle', formatVersion: 2, items: [] };
    expect(migrateManifest(cur)).toEqual({ ok: true, manifest: cur, fromVersion: 2 });
    expect(migrateManifest({ ...cur, formatVersion: 3 }).ok).toBe(false);
    expect(migrateManifest({ ...cur, formatVersion: 0 }).ok).toBe(false);
  });

  it('checks and imports a generated version-1 bundle', async () => {
    const bytes = await v1Bundle();
    const report = await checkBundle(bytes);
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ fromVersion: 1, formatVersion: 2 });
    const db = freshDb();
    const r = await importBundle(db, bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect((await db.evidence.get('ev1'))!.criteria).toEqual(['O5']);
    expect((await db.evidence.get('ev2'))!.criteria).toEqual(['O10']);
    expect((await db.items.get('O10'))!.explanation).toBeNull();
    expect(await db.blobs.count()).toBe(5);
  });
});
