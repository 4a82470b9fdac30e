import { describe, expect, it } from 'vitest';
import { buildDashboard, filterRows, needsAttention, UPCOMING_TASK_LIMIT } from '../../../lib/checklist/dashboard';
import type { EvidenceRecord } from '../../../lib/evidence/types';
import { criteriaSet, criterion, evidence, item, task } from './fixtures';

const set = criteriaSet([
  criterion('O1', ['a', 'b']),
  criterion('O2', ['a']),
  criterion('O3', ['a', 'b', 'c'], { subindicator: '9.2', confidence: 'C', nameEn: 'Annual plan' }),
  criterion('O4', [], { indicator: 10, subindicator: '10.1' }),
  criterion('O5', ['x'], { indicator: 10, subindicator: '10.1', nameTh: 'เจตจำนงสุจริต' }),
]);

const ev = {
  e1: evidence(['O1'], { O1: ['a', 'b'] }, { id: 'e1', reachedFromHome: true }),
  e2: evidence(['O2'], {}, { id: 'e2' }),
  e3: evidence(['O3'], { O3: ['a'] }, { id: 'e3' }),
  e4: evidence(['O3', 'X99'], { O3: ['b'] }, { id: 'e4' }),
  e5: evidence(['Z1'], {}, { id: 'e5' }),
  e6: evidence([], {}, { id: 'e6' }),
  e7: evidence(['O1', 'O1'], {}, { id: 'e7' }),
};

const items = [
  item('O1', { unit: 'กองคลัง', dueDate: '2021-03-01', assignee: 'นางสาวดวงรัตน์' }),
  item('O2', { unit: 'สำนักปลัด', dueDate: '2021-03-10', assignee: 'นายชานนท์ ธนุรเวท, นายปรินทร์ พรามสุภา' }),
  item('O3', { unit: 'สำนักปลัด', dueDate: '2021-03-15', assignee: 'นายชานนท์ ธนุรเวท' }),
  item('O4', { unit: 'กองช่าง', dueDate: '2021-03-14' }),
  item('O5', { dueDate: '2021-01-01', statusOverride: { status: 'complete', reason: 'เห็นในเว็บไซต์แล้ว' } }),
  item('O99', { unit: 'กองคลัง' }), // an item record for a code outside the set is ignored
];

const tasks = [
  task('t1', '2021-03-10'),
  task('t2', '2021-03-15'),
  task('t3', '2021-03-16', { done: true }),
  task('t4', '2021-04-20', { start: '2021-03-01' }),
  task('t5', '2021-04-20', { start: '2021-02-01' }),
  task('t6', '2021-03-31'),
  task('t7', '2021-06-15'),
  task('t8', '2021-05-01'),
  task('t9', '2021-02-18', { done: true }),
];

const dash = buildDashboard({
  set,
  evidence: Object.values(ev),
  items,
  tasks,
  today: '2021-03-15',
  units: ['สำนักปลัด', 'กองคลัง', 'กองวิชาการฯ'],
});

const row = (code: string) => dash.rows.find((r) => r.code === code)!;

describe('buildDashboard rows', () => {
  it('has one row per criterion, in set order', () => {
    expect(dash.rows.map((r) => r.code)).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
  });

  it('derives each status from the indexed evidence and the item', () => {
    expect(dash.rows.map((r) => r.status.status)).toEqual([
      'complete',
      'needs-review',
      'incomplete',
      'unreviewed',
      'complete',
    ]);
    expect(row('O3').status.covered).toEqual(['a', 'b']);
    expect(row('O3').status.missing).toEqual(['c']);
    expect(row('O5').status).toMatchObject({ overridden: true, derived: 'unreviewed', reason: 'เห็นในเว็บไซต์แล้ว' });
  });

  it('counts items per status, needs-review apart from missing', () => {
    expect(dash.statusCounts).toEqual({ unreviewed: 1, 'needs-review': 1, complete: 2, incomplete: 1, missing: 0 });
  });

  it('counts each record once per criterion', () => {
    expect(dash.rows.map((r) => r.evidenceCount)).toEqual([2, 1, 2, 0, 0]);
  });

  it('copies the criterion and item fields', () => {
    expect(row('O3')).toMatchObject({
      nameTh: 'ชื่อ O3',
      nameEn: 'Annual plan',
      indicator: 9,
      subindicator: '9.2',
      unit: 'สำนักปลัด',
      dueDate: '2021-03-15',
      assignee: 'นายชานนท์ ธนุรเวท',
      confidence: 'C',
    });
    expect(row('O5')).toMatchObject({ unit: '', assignee: '', nameTh: 'เจตจำนงสุจริต' });
  });

  it('marks overdue only when due before today and not complete', () => {
    expect(dash.rows.map((r) => r.overdue)).toEqual([false, true, false, true, false]);
    expect(dash.overdueItems).toEqual(['O2', 'O4']);
  });

  it('gives an item with no record no unit, no due date and no overdue flag', () => {
    const d = buildDashboard({ set, evidence: [], items: [], tasks: [], today: '2030-01-01', units: [] });
    expect(d.rows.every((r) => r.unit === '' && r.dueDate === null && !r.overdue)).toBe(true);
    expect(d.noEvidenceItems).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
    expect(d.score).toEqual({ score: 0, complete: 0, total: 5 });
  });
});

describe('buildDashboard figures', () => {
  it('estimates the score as complete ÷ items', () => {
    expect(dash.score).toEqual({ score: 40, complete: 2, total: 5 });
    expect(dash.progress.overall).toEqual({ complete: 2, total: 5, percent: 40 });
  });

  it('counts progress per indicator and subindicator', () => {
    expect(dash.progress.byIndicator).toEqual([
      { key: 9, nameTh: 'การเปิดเผยข้อมูล', nameEn: 'Open data', complete: 1, total: 3, percent: 33.3 },
      { key: 10, nameTh: 'การป้องกันการทุจริต', nameEn: 'Corruption prevention', complete: 1, total: 2, percent: 50 },
    ]);
    expect(
      dash.progress.bySubindicator.map(({ key, complete, total, percent }) => [key, complete, total, percent]),
    ).toEqual([
      ['9.1', 1, 2, 50],
      ['9.2', 0, 1, 0],
      ['10.1', 1, 2, 50],
    ]);
  });

  it('counts progress per unit: listed units first, then others, then unassigned', () => {
    expect(dash.progress.byUnit.map(({ key, complete, total, percent }) => [key, complete, total, percent])).toEqual([
      ['สำนักปลัด', 0, 2, 0],
      ['กองคลัง', 1, 1, 100],
      ['กองวิชาการฯ', 0, 0, 0],
      ['กองช่าง', 0, 1, 0],
      ['', 1, 1, 100],
    ]);
    expect(dash.progress.byUnit[4]).toMatchObject({ nameTh: 'ยังไม่กำหนดกอง/สำนัก', nameEn: 'No unit assigned' });
  });

  it('lists items with no evidence', () => {
    expect(dash.noEvidenceItems).toEqual(['O4', 'O5']);
  });

  it('lists the next open deadlines from today, sorted, at most five', () => {
    expect(UPCOMING_TASK_LIMIT).toBe(5);
    expect(dash.upcomingTasks.map((t) => t.id)).toEqual(['t2', 't6', 't5', 't4', 't8']);
  });

  it('lists open tasks past their deadline', () => {
    expect(dash.overdueTasks.map((t) => t.id)).toEqual(['t1']);
  });

  it('keeps evidence tagged with codes outside the set as orphans', () => {
    expect(dash.orphans).toEqual([
      {
        id: 'e4',
        url: ev.e4.url,
        title: ev.e4.title,
        capturedAt: ev.e4.capturedAt,
        unknownCodes: ['X99'],
        wholly: false,
      },
      {
        id: 'e5',
        url: ev.e5.url,
        title: ev.e5.title,
        capturedAt: ev.e5.capturedAt,
        unknownCodes: ['Z1'],
        wholly: true,
      },
      { id: 'e6', url: ev.e6.url, title: ev.e6.title, capturedAt: ev.e6.capturedAt, unknownCodes: [], wholly: true },
    ]);
  });
});

describe('buildDashboard cost', () => {
  it('reads each record’s criteria once, however many items there are', () => {
    const big = criteriaSet(Array.from({ length: 43 }, (_, i) => criterion(`O${i + 1}`, ['a', 'b'])));
    let reads = 0;
    const records: EvidenceRecord[] = Array.from({ length: 2000 }, (_, i) => {
      const record = evidence([], { [`O${(i % 43) + 1}`]: ['a'] });
      const codes = [`O${(i % 43) + 1}`];
      Object.defineProperty(record, 'criteria', {
        get: () => {
          reads++;
          return codes;
        },
      });
      return record;
    });
    const d = buildDashboard({ set: big, evidence: records, items: [], tasks: [], today: '2021-03-15', units: [] });
    expect(reads).toBe(2000);
    expect(d.rows.reduce((n, r) => n + r.evidenceCount, 0)).toBe(2000);
    expect(d.rows[0]!.evidenceCount).toBe(47); // i % 43 === 0 for i = 0, 43, …, 1978
    expect(d.rows.every((r) => r.status.status === 'incomplete')).toBe(true);
  });
});

describe('filterRows', () => {
  const codes = (filter: Parameters<typeof filterRows>[1]) => filterRows(dash.rows, filter).map((r) => r.code);

  it('returns every row for an empty filter', () => {
    expect(codes({})).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
  });

  it('filters by status, unit and assignee', () => {
    expect(codes({ status: 'complete' })).toEqual(['O1', 'O5']);
    expect(codes({ unit: 'สำนักปลัด' })).toEqual(['O2', 'O3']);
    expect(codes({ unit: '' })).toEqual(['O5']);
    expect(codes({ assignee: 'นายชานนท์' })).toEqual(['O2', 'O3']);
    expect(codes({ assignee: 'พรามสุภา' })).toEqual(['O2']);
  });

  it('matches text in code, names, unit and assignee, ignoring case', () => {
    expect(codes({ text: 'o4' })).toEqual(['O4']);
    expect(codes({ text: 'annual' })).toEqual(['O3']);
    expect(codes({ text: 'สุจริต' })).toEqual(['O5']);
    expect(codes({ text: 'กองช่าง' })).toEqual(['O4']);
    expect(codes({ text: '  ' })).toEqual(['O1', 'O2', 'O3', 'O4', 'O5']);
  });

  it('flags items whose evidence was all opened directly, without changing their status', () => {
    // e1 was reached from the home page; O2 and O3 have only directly-opened evidence; O4 and O5 have none.
    expect(dash.rows.map((r) => r.unlinkedOnly)).toEqual([false, true, true, false, false]);
    const direct = buildDashboard({
      set: criteriaSet([criterion('O1', ['a'])]),
      evidence: [
        evidence(['O1'], { O1: ['a'] }, { reachedFromHome: false }),
        evidence(['O1'], {}, { reachedFromHome: false }),
      ],
      items: [],
      tasks: [],
      today: '2021-03-15',
      units: [],
    }).rows[0]!;
    expect(direct).toMatchObject({ unlinkedOnly: true, status: { status: 'complete' } });
    expect(needsAttention(direct)).toBe(true);
    const linked = buildDashboard({
      set: criteriaSet([criterion('O1', ['a'])]),
      evidence: [
        evidence(['O1'], { O1: ['a'] }, { reachedFromHome: false }),
        evidence(['O1'], {}, { reachedFromHome: true }),
      ],
      items: [],
      tasks: [],
      today: '2021-03-15',
      units: [],
    }).rows[0]!;
    expect(linked).toMatchObject({ unlinkedOnly: false, status: { status: 'complete' } });
    expect(needsAttention(linked)).toBe(false);
  });

  it('selects rows needing attention: overdue, missing or incomplete', () => {
    expect(dash.rows.map(needsAttention)).toEqual([false, true, true, true, false]);
    expect(codes({ needsAttention: true })).toEqual(['O2', 'O3', 'O4']);
    expect(codes({ needsAttention: false })).toEqual(['O1', 'O5']);
  });

  it('matches a code-like query against the whole code, in Thai or Arabic digits', () => {
    const many = buildDashboard({
      set: criteriaSet(['O5', 'O15', 'O25', 'O50'].map((c) => criterion(c, ['x'], { nameEn: 'Plan 5 and 15' }))),
      evidence: [],
      items: [],
      tasks: [],
      today: '2021-03-15',
      units: [],
    });
    const find = (text: string) => filterRows(many.rows, { text }).map((r) => r.code);
    expect(find('5')).toEqual(['O5']);
    expect(find('๕')).toEqual(['O5']);
    expect(find('O5')).toEqual(['O5']);
    expect(find('o๕')).toEqual(['O5']);
    expect(find(' ๑๕ ')).toEqual(['O15']);
    expect(find('X5')).toEqual([]);
    // Not code-like: a substring anywhere, with Thai digits read as Arabic.
    expect(find('plan ๕ and')).toEqual(['O5', 'O15', 'O25', 'O50']);
    expect(codes({ text: 'ชื่อ o๓' })).toEqual(['O3']);
  });

  it('combines criteria with AND', () => {
    expect(codes({ unit: 'สำนักปลัด', status: 'needs-review' })).toEqual(['O2']);
    expect(codes({ unit: 'กองคลัง', needsAttention: true })).toEqual([]);
  });
});
