import { describe, expect, it } from 'vitest';
import { readBundle, type ParsedBundle } from '../../../lib/bundle/check';
import { importBundle } from '../../../lib/bundle/import';
import { applyMerge } from '../../../lib/bundle/merge';
import { planMerge } from '../../../lib/bundle/merge-plan';
import { BundleFailure } from '../../../lib/bundle/messages';
import { artifact, dumpDb, exportBytes, freshDb, item, noise, record, SEED_SNAPSHOT, seed } from './helpers';

async function bundleOf(db: Parameters<typeof exportBytes>[0]): Promise<{ bytes: Uint8Array; bundle: ParsedBundle }> {
  const bytes = await exportBytes(db);
  const r = await readBundle(bytes);
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  return { bytes, bundle: r.bundle };
}

describe('planMerge / applyMerge', () => {
  it('returns conflicting item fields side by side and overwrites nothing without a choice', async () => {
    const unit = freshDb();
    await seed(unit);
    const { bytes, bundle } = await bundleOf(unit);
    const coord = freshDb();
    await coord.items.bulkPut([
      item('O5', { unit: 'กองคลัง', dueDate: '2021-04-30', assignee: '' }),
      item('O10', { unit: 'กองคลัง', statusOverride: null, explanation: 'ของผู้ประสานงาน' }),
    ]);
    const plan = await planMerge(coord, bundle);
    expect(plan.conflicts.map((c) => `${c.key}.${c.field}`).sort()).toEqual(['O10.explanation', 'O5.unit']);
    expect(plan.conflicts.find((c) => c.key === 'O5')).toMatchObject({ mine: 'กองคลัง', theirs: 'สำนักปลัด' });
    expect(plan.fillItems).toEqual(
      expect.arrayContaining([
        { code: 'O5', fields: ['assignee'] },
        { code: 'O10', fields: ['statusOverride'] },
      ]),
    );
    expect(plan.addItems).toEqual(['O6']);
    expect(plan.addEvidence.sort()).toEqual(['ev1', 'ev2', 'ev3']);

    const before = await dumpDb(coord);
    const blocked = await importBundle(coord, bytes);
    expect(blocked.ok).toBe(false);
    if (!blocked.ok) expect(blocked.errors.map((e) => e.code)).toEqual(['unresolved-conflict', 'unresolved-conflict']);
    await expect(applyMerge(coord, bundle, plan, { O5: { unit: 'mine' } })).rejects.toBeInstanceOf(BundleFailure);
    expect(await dumpDb(coord)).toBe(before);

    const r = await importBundle(coord, bytes, {
      resolutions: { O5: { unit: 'mine' }, O10: { explanation: 'theirs' } },
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(await coord.items.get('O5')).toMatchObject({ unit: 'กองคลัง', assignee: 'นายสมชาย' });
    expect(await coord.items.get('O10')).toMatchObject({
      explanation: '=HYPERLINK("http://evil")',
      statusOverride: { status: 'incomplete', reason: 'ขาดรายงาน' },
    });
    expect(await coord.evidence.count()).toBe(3);
  });

  it('deduplicates identical evidence by content hash and appends new criteria', async () => {
    const unit = freshDb();
    await seed(unit);
    const { bytes } = await bundleOf(unit);
    const coord = freshDb();
    const a = await artifact('mine-a1', noise(5000, 1));
    const b = await artifact('mine-a2', noise(7000, 2), 'fullpage-stitched');
    const c = await artifact('mine-a3', new TextEncoder().encode(SEED_SNAPSHOT), 'dom-snapshot', 'text/html');
    await coord.evidence.put(record('mine', ['O5'], [a.a, b.a, c.a]));
    await coord.blobs.bulkPut([a.blob, b.blob, c.blob]);
    const r = await importBundle(coord, bytes);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.plan.duplicateContent).toEqual([{ theirs: 'ev1', mine: 'mine', addCriteria: ['O6'] }]);
    expect(await coord.evidence.get('ev1')).toBeUndefined();
    expect((await coord.evidence.get('mine'))!.criteria).toEqual(['O5', 'O6']);
    expect(await coord.blobs.count()).toBe(3 + 2); // ev2's PDF and ev3's image; ev1's bytes not duplicated
  });

  it('asks about evidence edited on both sides, and applies the chosen side', async () => {
    const unit = freshDb();
    await seed(unit);
    const { bytes } = await bundleOf(unit);
    const coord = freshDb();
    await importBundle(coord, bytes);
    await coord.evidence.update('ev2', { note: 'บันทึกของผู้ประสานงาน' });
    const r1 = await importBundle(coord, bytes);
    expect(r1.ok).toBe(false);
    if (!r1.ok)
      expect(r1.plan?.conflicts).toEqual([
        expect.objectContaining({ kind: 'evidence', key: 'evidence:ev2', field: 'note' }),
      ]);
    const r2 = await importBundle(coord, bytes, { resolutions: { 'evidence:ev2': { note: 'theirs' } } });
    expect(r2.ok).toBe(true);
    expect((await coord.evidence.get('ev2'))!.note).toBe('<img src=x onerror=alert(1)>');
  });

  it('rolls back everything when the transaction fails midway', async () => {
    const unit = freshDb();
    await seed(unit);
    const { bundle } = await bundleOf(unit);
    const coord = freshDb();
    await coord.items.put(item('O40'));
    const before = await dumpDb(coord);
    const plan = await planMerge(coord, bundle);
    const orig = coord.items.bulkPut.bind(coord.items);
    coord.items.bulkPut = (() => Promise.reject(new Error('disk full'))) as unknown as typeof orig;
    await expect(applyMerge(coord, bundle, plan)).rejects.toSatisfy(
      (e: unknown) => e instanceof BundleFailure && e.error.code === 'db-write-failed',
    );
    coord.items.bulkPut = orig;
    expect(await dumpDb(coord)).toBe(before);
  });
});
