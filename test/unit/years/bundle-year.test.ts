import { describe, expect, it } from 'vitest';
import { importBundle } from '../../../lib/bundle/import';
import { readBundle } from '../../../lib/bundle/check';
import { bundleMessage } from '../../../lib/bundle';
import { startFiscalYear } from '../../../lib/checklist/rollover';
import { shiftSetToYear } from '../../../lib/criteria/year-shift';
import { archivedEvidence, getArchive } from '../../../lib/storage/archive-repo';
import { saveSettings } from '../../../lib/storage/settings';
import { LAST_EXPORT_KEY } from '../../../lib/bundle/export';
import { SET, SETTINGS, dumpDb, exportBytes, freshDb, manifestOf, seed, unzip } from '../bundle/helpers';

async function rolledOver() {
  const db = freshDb();
  await seed(db);
  await saveSettings(db, { ...SETTINGS, fiscalYear: 2564 });
  const to = shiftSetToYear(SET, 2565);
  await startFiscalYear(db, {
    fromSet: SET,
    toSet: to,
    mapping: new Map(to.items.map((i) => [i.code, [i.code]])),
    carryTaskIds: new Set(),
    storeSet: true,
  });
  return { db, to };
}

describe('bundles and fiscal years', () => {
  it('names its year and set in the manifest', async () => {
    const db = freshDb();
    await seed(db);
    const m = manifestOf(unzip(await exportBytes(db)));
    expect(m.agency.fiscalYear).toBe(2564);
    expect(m.criteriaSet).toMatchObject({ id: SET.id, fiscalYear: 2564 });
  });

  it('refuses a bundle of another year, says which years, and changes nothing', async () => {
    const src = freshDb();
    await seed(src);
    const bytes = await exportBytes(src);
    const { db } = await rolledOver();
    const before = await dumpDb(db);
    const out = await importBundle(db, bytes);
    expect(out.ok).toBe(false);
    if (out.ok) return;
    expect(out.errors[0]).toMatchObject({ code: 'bundle-other-year', params: { bundle: 2564, current: 2565 } });
    expect(bundleMessage(out.errors[0]!, 'en')).toContain('B.E. 2564');
    expect(bundleMessage(out.errors[0]!, 'th')).toContain('พ.ศ. 2565');
    expect(await dumpDb(db)).toBe(before);
  });

  it("exports a closed year from its archive: that year's evidence, items and name, without touching the open year", async () => {
    const { db } = await rolledOver();
    const archive = (await getArchive(db, 2564))!;
    const evidence = await archivedEvidence(db, 2564);
    const bytes = await exportBytes(db, {
      settings: { ...SETTINGS, fiscalYear: archive.fiscalYear },
      set: archive.criteriaSet,
      archived: { evidence, items: archive.items, verify: archive.verify },
    });
    const m = manifestOf(unzip(bytes));
    expect(m.agency.fiscalYear).toBe(2564);
    expect(m.evidence.map((e: { id: string }) => e.id).sort()).toEqual(['ev1', 'ev2', 'ev3']);
    expect(m.items.find((i: { code: string }) => i.code === 'O10').unit).toBe('กองคลัง');
    expect((await readBundle(bytes)).ok).toBe(true);
    expect(await db.meta.get(LAST_EXPORT_KEY)).toBeUndefined();
    // The archived year's bundle can be imported where that year is open.
    const other = freshDb();
    expect((await importBundle(other, bytes)).ok).toBe(true);
    expect(await other.evidence.count()).toBe(3);
  });
});
