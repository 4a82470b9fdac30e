import { describe, expect, it } from 'vitest';
import { runExport } from '../../../components/bundle/run-export';
import { finishImport, resolveAll, startImport } from '../../../components/bundle/import-flow';
import { FONTS, SET, SETTINGS, freshDb, item, seed } from '../bundle/helpers';
import type { ItaDb } from '../../../lib/storage/db';

async function exportToBytes(db: ItaDb, opts: { signal?: AbortSignal; fonts?: () => Promise<typeof FONTS> } = {}) {
  const saved: { blob: Blob; name: string }[] = [];
  const out = await runExport({
    db,
    settings: SETTINGS,
    set: SET,
    subset: undefined,
    signal: opts.signal ?? new AbortController().signal,
    extensionVersion: '0.1.0',
    loadFonts: opts.fonts ?? (async () => FONTS),
    save: (blob, name) => saved.push({ blob, name }),
    now: () => new Date('2021-03-10T05:00:00.000Z'),
    foldBytes: 4096,
  });
  return { out, saved };
}

describe('runExport', () => {
  it('saves one zip Blob named after the export time', async () => {
    const db = freshDb();
    await seed(db);
    const { out, saved } = await exportToBytes(db);
    expect(out.ok).toBe(true);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toBe('ita-evidence-2564-20210310T050000Z.zip');
    expect(saved[0]!.blob.type).toBe('application/zip');
    const head = new Uint8Array(await saved[0]!.blob.slice(0, 4).arrayBuffer());
    expect([...head]).toEqual([0x50, 0x4b, 0x03, 0x04]);
  });

  it('saves nothing when cancelled, and reports the cancel', async () => {
    const db = freshDb();
    await seed(db);
    const ac = new AbortController();
    ac.abort();
    const { out, saved } = await exportToBytes(db, { signal: ac.signal });
    expect(out).toEqual({ ok: false, kind: 'bundle', error: { code: 'export-aborted' } });
    expect(saved).toHaveLength(0);
  });

  it('stops mid-way when cancelled during the export, saving nothing', async () => {
    const db = freshDb();
    await seed(db);
    const ac = new AbortController();
    const saved: Blob[] = [];
    const out = await runExport({
      db,
      settings: SETTINGS,
      set: SET,
      subset: undefined,
      signal: ac.signal,
      extensionVersion: '0.1.0',
      loadFonts: async () => FONTS,
      save: (blob) => saved.push(blob),
      onProgress: (done) => {
        if (done > 0) ac.abort();
      },
    });
    expect(out).toEqual({ ok: false, kind: 'bundle', error: { code: 'export-aborted' } });
    expect(saved).toHaveLength(0);
    expect(await db.meta.get('lastExportAt')).toBeUndefined();
  });

  it('reports a corrupt stored blob by artifact id and saves nothing', async () => {
    const db = freshDb();
    await seed(db);
    const row = (await db.blobs.get('a4'))!;
    const bad = row.data.slice();
    bad[100] = bad[100]! ^ 0xff;
    await db.blobs.put({ id: 'a4', data: bad });
    const { out, saved } = await exportToBytes(db);
    expect(out).toMatchObject({
      ok: false,
      kind: 'bundle',
      error: { code: 'export-blob-corrupt', params: { id: 'a4' } },
    });
    expect(saved).toHaveLength(0);
  });

  it('reports fonts that cannot be loaded', async () => {
    const db = freshDb();
    await seed(db);
    const { out } = await exportToBytes(db, {
      fonts: async () => {
        throw new Error('x.woff2: HTTP 404');
      },
    });
    expect(out).toEqual({ ok: false, kind: 'fonts', detail: 'x.woff2: HTTP 404' });
  });
});

describe('import flow', () => {
  async function bundleBytes(): Promise<Uint8Array> {
    const db = freshDb();
    await seed(db);
    const { saved } = await exportToBytes(db);
    return new Uint8Array(await saved[0]!.blob.arrayBuffer());
  }

  it('merges into an empty database at once', async () => {
    const bytes = await bundleBytes();
    const db = freshDb();
    const step = await startImport(db, bytes);
    expect(step.kind).toBe('done');
    if (step.kind !== 'done') return;
    expect(step.result.addedEvidence).toBe(3);
    expect((await db.evidence.toArray()).map((r) => r.id).sort()).toEqual(['ev1', 'ev2', 'ev3']);
    // A second import of the same bundle adds nothing.
    const again = await startImport(db, bytes);
    expect(again).toMatchObject({ kind: 'done', result: { addedEvidence: 0, skippedEvidence: 3 } });
  });

  it('stops for conflicts, then applies the reviewer’s choices', async () => {
    const bytes = await bundleBytes();
    const db = freshDb();
    await db.items.put(item('O5', { assignee: 'นางสาวสมหญิง' }));
    const step = await startImport(db, bytes);
    expect(step.kind).toBe('conflicts');
    if (step.kind !== 'conflicts') return;
    expect(step.plan.conflicts).toEqual([
      { kind: 'item', key: 'O5', field: 'assignee', mine: 'นางสาวสมหญิง', theirs: 'นายสมชาย' },
    ]);
    expect(await db.evidence.count()).toBe(0);
    const done = await finishImport(db, step.bundle, step.plan, resolveAll(step.plan, 'theirs'));
    expect(done.kind).toBe('done');
    expect((await db.items.get('O5'))!.assignee).toBe('นายสมชาย');
    expect(await db.evidence.count()).toBe(3);
  });

  it('lists every error of a damaged bundle and writes nothing', async () => {
    const bytes = (await bundleBytes()).slice(0, 200);
    const db = freshDb();
    const step = await startImport(db, bytes);
    expect(step.kind).toBe('invalid');
    if (step.kind === 'invalid') expect(step.errors.length).toBeGreaterThan(0);
    expect(await db.evidence.count()).toBe(0);
    expect(await db.items.count()).toBe(0);
  });
});
