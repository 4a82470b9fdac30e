import { afterEach, describe, expect, it } from 'vitest';
import { openDb, type ItaDb } from '../../../lib/storage/db';
import { planRollover, recaptureList, RolloverError, startFiscalYear } from '../../../lib/checklist/rollover';
import { archivedEvidence, getChecklistYear, listArchives } from '../../../lib/storage/archive-repo';
import { shiftSetToYear } from '../../../lib/criteria/year-shift';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import { getCriteriaSet } from '../../../lib/storage/criteria-store';
import { loadSettings, saveSettings } from '../../../lib/storage/settings';
import { updateItem } from '../../../lib/storage/items-repo';
import { addTask } from '../../../lib/storage/tasks-repo';
import type { CriteriaSet } from '../../../lib/criteria/types';
import type { ItemRecord } from '../../../lib/evidence/types';
import { makeRecord } from '../evidence/fixtures';

const opened: ItaDb[] = [];
const fresh = () => {
  const db = openDb(`t-${crypto.randomUUID()}`);
  opened.push(db);
  return db;
};
afterEach(async () => {
  for (const db of opened.splice(0)) await db.delete();
});

const s2564 = () => getBuiltInSet('nacc-ita-oit/2564/all')!;
const next = (year: number): CriteriaSet => shiftSetToYear(s2564(), year);
const identity = (set: CriteriaSet) => new Map(set.items.map((i) => [i.code, [i.code]]));
/** 2566-like renumbering: O11 ← O10 + O18, O19 ← O21, O10 new. */
const renumbered = new Map<string, string[]>([
  ['O11', ['O10', 'O18']],
  ['O19', ['O21']],
  ['O10', []],
  ['O5', ['O5']],
]);
const item = (code: string, over: Partial<ItemRecord> = {}): ItemRecord => ({
  code,
  unit: '',
  dueDate: null,
  assignee: '',
  notes: 'n',
  statusOverride: null,
  submitUrls: null,
  explanation: null,
  updatedAt: 'x',
  ...over,
});

describe('planning a roll-over', () => {
  it('carries unit, assignee and a due date one year later through merged and renumbered codes', () => {
    const plan = planRollover({
      fromSet: s2564(),
      toSet: next(2566),
      mapping: renumbered,
      items: [
        item('O10', { unit: 'กองวิชาการและแผนงาน', dueDate: '2021-03-31' }),
        item('O18', { assignee: 'นายคลัง' }),
        item('O21', { unit: 'กองคลัง' }),
        item('O32', { unit: 'กองช่าง' }),
      ],
      tasks: [],
      carryTaskIds: new Set(),
      now: '2022-10-01T00:00:00.000Z',
      newId: () => 'id',
    });
    const by = new Map(plan.items.map((i) => [i.code, i]));
    expect(by.get('O11')).toMatchObject({
      unit: 'กองวิชาการและแผนงาน',
      assignee: 'นายคลัง',
      dueDate: '2023-03-31',
      notes: '',
      statusOverride: null,
    });
    expect(by.get('O19')!.unit).toBe('กองคลัง');
    // O10 is new and O32 maps nowhere: nothing carries into them.
    expect(by.has('O10')).toBe(false);
    expect([...by.values()].some((i) => i.unit === 'กองช่าง')).toBe(false);
  });

  it('carries only the chosen tasks, moved one year and not done', () => {
    const plan = planRollover({
      fromSet: s2564(),
      toSet: next(2565),
      mapping: new Map(),
      items: [],
      tasks: [
        { id: 'a', title: 'ส่ง O1–O10', start: '2021-02-01', end: '2021-02-15', people: 'x', done: true },
        { id: 'b', title: 'อื่น', start: null, end: '2021-06-01', people: '', done: false },
      ],
      carryTaskIds: new Set(['a']),
      now: 'n',
      newId: () => 'new-a',
    });
    expect(plan.tasks).toEqual([
      { id: 'new-a', title: 'ส่ง O1–O10', start: '2022-02-01', end: '2022-02-15', people: 'x', done: false },
    ]);
  });
});

describe('starting a fiscal year', () => {
  async function populated() {
    const db = fresh();
    await saveSettings(db, {
      agencyName: 'เทศบาลทดสอบ',
      homeUrl: 'https://www.example.go.th/',
      fiscalYear: 2564,
      criteriaSetId: s2564().id,
    });
    const a = await makeRecord({ criteria: ['O5'], url: 'https://www.example.go.th/contact' });
    const b = await makeRecord({ criteria: ['O34', 'O36'], url: 'https://www.example.go.th/pledge' });
    await db.evidence.bulkPut([a.record, b.record]);
    await db.blobs.bulkPut([...a.blobs, ...b.blobs]);
    await db.verify.put({ key: a.record.id, evidenceId: a.record.id, checkedAt: 'x', result: {} });
    await updateItem(db, 'O5', { unit: 'สำนักปลัด', assignee: 'นางสาวเอ', notes: 'เก่า' });
    await addTask(db, { title: 'ตรวจเว็บไซต์', start: null, end: '2021-03-15', people: '', done: true }, () => 't1');
    return { db, a: a.record, b: b.record, blobId: a.blobs[0]!.id };
  }

  it('archives the old year read-only and starts the new one with only what carries over', async () => {
    const { db, a, b, blobId } = await populated();
    const to = next(2565);
    const archive = await startFiscalYear(db, {
      fromSet: s2564(),
      toSet: to,
      mapping: identity(to),
      carryTaskIds: new Set(['t1']),
      storeSet: true,
      now: () => new Date('2021-10-01T03:00:00Z'),
      newId: () => 't2',
    });
    expect(archive).toMatchObject({ fiscalYear: 2564, evidenceCount: 2, archivedAt: '2021-10-01T03:00:00.000Z' });
    expect(archive.criteriaSet.id).toBe(s2564().id);
    expect((await listArchives(db)).map((x) => x.fiscalYear)).toEqual([2564]);
    expect((await archivedEvidence(db, 2564)).map((e) => e.id).sort()).toEqual([a.id, b.id].sort());
    const stored = (await listArchives(db))[0]!;
    expect(stored.items.find((i) => i.code === 'O5')!.notes).toBe('เก่า');
    expect(stored.verify.map((v) => v.evidenceId)).toEqual([a.id]);
    // Nothing of 2564 counts for 2565; the bytes stay for the archive.
    expect(await db.evidence.count()).toBe(0);
    expect(await db.verify.count()).toBe(0);
    expect(await db.blobs.get(blobId)).toBeDefined();
    expect(await db.items.get('O5')).toMatchObject({ unit: 'สำนักปลัด', assignee: 'นางสาวเอ', notes: '' });
    expect(await db.tasks.toArray()).toEqual([
      { id: 't2', title: 'ตรวจเว็บไซต์', start: null, end: '2022-03-15', people: '', done: false },
    ]);
    expect(await getChecklistYear(db)).toEqual({
      fiscalYear: 2565,
      criteriaSetId: to.id,
      startedAt: '2021-10-01T03:00:00.000Z',
    });
    expect(await loadSettings(db)).toMatchObject({ fiscalYear: 2565, criteriaSetId: to.id, agencyName: 'เทศบาลทดสอบ' });
    expect((await getCriteriaSet(db, to.id)).fiscalYear).toBe(2565);
  });

  it('refuses the same year, an earlier one, and a year already archived, and changes nothing', async () => {
    const { db } = await populated();
    const opts = { fromSet: s2564(), mapping: new Map<string, string[]>(), carryTaskIds: new Set<string>() };
    await expect(startFiscalYear(db, { ...opts, toSet: s2564() })).rejects.toMatchObject({ code: 'same-year' });
    await expect(startFiscalYear(db, { ...opts, toSet: next(2563) })).rejects.toMatchObject({ code: 'not-later' });
    expect(await db.evidence.count()).toBe(2);
    expect(await db.archives.count()).toBe(0);
    await startFiscalYear(db, { ...opts, toSet: next(2565) });
    await db.archives.put({ ...(await db.archives.get(2564))!, fiscalYear: 2565 });
    const refused = await startFiscalYear(db, { ...opts, fromSet: next(2565), toSet: next(2566) }).catch(
      (e: unknown) => e,
    );
    expect(refused).toBeInstanceOf(RolloverError);
    expect(refused).toMatchObject({ code: 'year-archived', year: 2565 });
  });
});

describe('pages to re-capture', () => {
  it("lists last year's pages per mapped item once per URL, and marks those captured again for that item", async () => {
    const a = (await makeRecord({ criteria: ['O10'], url: 'https://x.go.th/plan' })).record;
    const b = (await makeRecord({ criteria: ['O18'], url: 'https://x.go.th/plan' })).record;
    const c = (await makeRecord({ criteria: ['O34'], url: 'https://x.go.th/pledge' })).record;
    const d = (await makeRecord({ criteria: ['O21'], url: 'https://x.go.th/procure' })).record;
    const again = (await makeRecord({ criteria: ['O19'], url: 'https://x.go.th/procure' })).record;
    const list = recaptureList(next(2566), renumbered, [a, b, c, d], [again]);
    expect(list.map((r) => [r.code, r.url, r.done])).toEqual([
      ['O11', 'https://x.go.th/plan', false],
      ['O19', 'https://x.go.th/procure', true],
    ]);
    expect(list[0]!.fromCodes).toEqual(['O10']);
  });
});
