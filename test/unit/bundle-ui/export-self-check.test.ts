import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { runExport } from '../../../components/bundle/run-export';
import { importBundle } from '../../../lib/bundle/import';
import { bundleMessage } from '../../../lib/bundle/messages';
import type { CriteriaSet } from '../../../lib/criteria/types';
import type { ItaDb } from '../../../lib/storage/db';
import { readCentralDirectory } from '../../../lib/zip/read';
import { FONTS, SET, SETTINGS, artifact, freshDb, record, seed } from '../bundle/helpers';

async function exportWith(db: ItaDb, set: CriteriaSet = SET) {
  const saved: Blob[] = [];
  const out = await runExport({
    db,
    settings: SETTINGS,
    set,
    subset: undefined,
    signal: new AbortController().signal,
    extensionVersion: '0.1.0',
    loadFonts: async () => FONTS,
    save: (blob) => saved.push(blob),
    now: () => new Date('2021-03-10T05:00:00.000Z'),
  });
  return { out, saved };
}

describe('every export imports (issue 9 §5)', () => {
  it('names the record that an import would refuse, and why, and saves nothing', async () => {
    const db = freshDb();
    await seed(db);
    // Written straight into the table, as an older version or a bug could have: 150 click-path steps.
    const bad = record('old-one', ['O7'], [], {
      title: 'หน้าเก่า',
      clickPath: Array.from({ length: 150 }, () => ({ url: 'https://www.example.go.th/', linkText: 'x' })),
    });
    await db.evidence.put(bad);
    const { out, saved } = await exportWith(db);
    expect(saved).toEqual([]);
    expect(out).toMatchObject({
      ok: false,
      kind: 'bundle',
      error: { code: 'export-invalid-evidence', params: { id: 'old-one', title: 'หน้าเก่า' } },
    });
    if (out.ok || out.kind !== 'bundle') return;
    expect(bundleMessage(out.error, 'th')).toMatch(
      /^ส่งออกไม่ได้: หลักฐาน "หน้าเก่า" \(old-one\) จะนำเข้าไม่ได้ \(clickPath: more than 100 steps\)/,
    );
    expect(bundleMessage(out.error, 'en')).toContain('Fix or delete it, then export again');
  });

  it('names a stored re-verification result that an import would refuse', async () => {
    const db = freshDb();
    await seed(db);
    await db.verify.put({
      key: 'ev1',
      evidenceId: 'ev1',
      checkedAt: '2021-03-09T00:00:00.000Z',
      result: { url: 'https://www.example.go.th/', problems: [] },
    });
    const { out, saved } = await exportWith(db);
    expect(saved).toEqual([]);
    expect(out).toMatchObject({
      ok: false,
      kind: 'bundle',
      error: { code: 'export-invalid-verification', params: { key: 'ev1' } },
    });
  });

  it('reads its own zip back with the import reader before offering it', async () => {
    const db = freshDb();
    await seed(db);
    // A criteria set the reader refuses (a format version from the future) makes a zip the import would refuse.
    const broken = { ...SET, formatVersion: 99 } as unknown as CriteriaSet;
    const { out, saved } = await exportWith(db, broken);
    expect(saved).toEqual([]);
    expect(out).toMatchObject({ ok: false, kind: 'bundle', error: { code: 'export-self-check' } });
    if (!out.ok && out.kind === 'bundle')
      expect(String(out.error.params?.detail)).toContain('criteria.json: criteria-invalid');
  });

  it('stores instead of deflating a file so repetitive that the reader would call it a zip bomb, so it still imports', async () => {
    const db = freshDb();
    await seed(db);
    const snap = await artifact(
      'dense',
      strToU8(`<!DOCTYPE html><html><body>${'ก'.repeat(2_000_000)}</body></html>`),
      'dom-snapshot',
      'text/html',
    );
    await db.evidence.put(record('dense-page', ['O9'], [snap.a]));
    await db.blobs.put(snap.blob);
    const { out, saved } = await exportWith(db);
    expect(out.ok).toBe(true);
    const bytes = new Uint8Array(await saved[0]!.arrayBuffer());
    const cd = readCentralDirectory(bytes);
    expect(cd.ok && cd.value.find((e) => e.name.endsWith('dense-page-snapshot.html'))?.method).toBe(0);
    expect(unzipSync(bytes)['report.html']).toBeTruthy();
    const r = await importBundle(freshDb(), bytes);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});
