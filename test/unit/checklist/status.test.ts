import { describe, expect, it } from 'vitest';
import type { ItemStatus } from '../../../lib/evidence/types';
import { STATUS_LABELS, deriveStatus, itasRow } from '../../../lib/checklist/status';
import { ITEM_STATUSES, isItemStatus } from '../../../lib/evidence/item-status';
import { criterion, evidence, item } from './fixtures';

const KEYS = ['address', 'phone', 'map'];
const O5 = criterion('O5', KEYS);

function subsets<T>(values: T[]): T[][] {
  return values.reduce<T[][]>((acc, v) => acc.concat(acc.map((s) => [...s, v])), [[]]);
}

/** Every way of spreading a tick subset over `count` records (each element on some record). */
function spreads(ticked: string[], count: number): string[][][] {
  if (count === 0) return [[]];
  if (count === 1) return [[ticked]];
  // Two records: each ticked key on the first, the second, or both.
  let out: string[][][] = [[[], []]];
  for (const key of ticked) {
    out = out.flatMap(([a, b]) => [
      [[...a!, key], b!],
      [a!, [...b!, key]],
      [
        [...a!, key],
        [...b!, key],
      ],
    ]);
  }
  return out;
}

function expected(ticked: string[], count: number): ItemStatus {
  if (count === 0) return 'unreviewed';
  if (ticked.length === KEYS.length) return 'complete';
  return ticked.length > 0 ? 'incomplete' : 'needs-review';
}

describe('deriveStatus', () => {
  const cases: { ticked: string[]; count: number; records: string[][]; override: boolean }[] = [];
  for (const ticked of subsets(KEYS)) {
    for (const count of [0, 1, 2]) {
      if (count === 0 && ticked.length > 0) continue; // no record can carry the ticks
      for (const records of spreads(ticked, count)) {
        for (const override of [false, true]) cases.push({ ticked, count, records, override });
      }
    }
  }

  it('enumerates every subset × count × spread × override case', () => {
    // 0 records: 1; 1 record: 8 subsets; 2 records: Σ 3^|s| over subsets = 4^3 = 64; ×2 overrides.
    expect(cases.length).toBe((1 + 8 + 64) * 2);
  });

  it.each(cases)(
    'ticks $ticked on $count record(s) $records, override $override',
    ({ ticked, count, records, override }) => {
      const ev = records.map((ticks) => evidence(['O5'], { O5: ticks }));
      const want = expected(ticked, count);
      // The override always differs from what the evidence says, so a test can tell them apart.
      const forced: ItemStatus = want === 'complete' ? 'missing' : 'complete';
      const rec = override ? item('O5', { statusOverride: { status: forced, reason: 'ลิงก์เสีย' } }) : item('O5');
      const info = deriveStatus(O5, ev, rec);
      expect(info.derived).toBe(want);
      expect(info.covered).toEqual(KEYS.filter((k) => ticked.includes(k)));
      expect(info.missing).toEqual(KEYS.filter((k) => !ticked.includes(k)));
      if (override) {
        expect(info).toMatchObject({ status: forced, overridden: true, reason: 'ลิงก์เสีย' });
      } else {
        expect(info.status).toBe(want);
        expect(info.overridden).toBe(false);
        expect(info.reason).toBeUndefined();
      }
    },
  );

  it('counts a criterion with no elements as complete once it has evidence', () => {
    const bare = criterion('O7', []);
    expect(deriveStatus(bare, []).status).toBe('unreviewed');
    expect(deriveStatus(bare, [evidence(['O7'])]).status).toBe('complete');
  });

  it('ignores ticks for keys the criterion lacks and ticks filed under other codes', () => {
    const ev = [evidence(['O5', 'O6'], { O5: ['address', 'fax'], O6: ['phone', 'map'] })];
    const info = deriveStatus(O5, ev);
    expect(info.status).toBe('incomplete');
    expect(info.covered).toEqual(['address']);
    expect(info.missing).toEqual(['phone', 'map']);
  });

  it('never derives ไม่มี: evidence with nothing ticked needs review', () => {
    expect(deriveStatus(O5, [evidence(['O5'])]).status).toBe('needs-review');
    expect(deriveStatus(O5, [evidence(['O5'], { O5: ['fax'] })]).status).toBe('needs-review');
  });

  it('counts required elements only: examples never make an item incomplete', () => {
    const o14 = criterion('O14', ['service', 'steps', 'duration'], {
      elements: [
        { key: 'service', th: 'ประเภทการให้บริการ', en: 'Service type', required: true },
        { key: 'steps', th: 'ขั้นตอน', en: 'Steps', required: true },
        { key: 'duration', th: 'ระยะเวลา', en: 'Duration', required: false },
      ],
    });
    expect(deriveStatus(o14, [evidence(['O14'], { O14: ['service', 'steps'] })])).toMatchObject({
      status: 'complete',
      covered: ['service', 'steps'],
      missing: [],
    });
    expect(deriveStatus(o14, [evidence(['O14'], { O14: ['service', 'duration'] })])).toMatchObject({
      status: 'incomplete',
      missing: ['steps'],
    });
    // A ticked example alone is a reviewed page, not an unreviewed one.
    expect(deriveStatus(o14, [evidence(['O14'], { O14: ['duration'] })]).status).toBe('incomplete');
  });

  it('any-of groups: one of the listed elements is enough, none leaves the group missing', () => {
    const o22 = criterion('O22', [], {
      elements: [
        { key: 'invitations', th: 'ประกาศเชิญชวน', en: 'Invitations', required: false },
        { key: 'winners', th: 'ประกาศผล', en: 'Award notices', required: false },
      ],
      anyOf: [
        { key: 'announcements', th: 'ประกาศ', en: 'Announcements', min: 1, elements: ['invitations', 'winners'] },
      ],
    });
    expect(deriveStatus(o22, [evidence(['O22'], { O22: ['winners'] })]).status).toBe('complete');
    expect(deriveStatus(o22, [evidence(['O22'], { O22: ['invitations', 'winners'] })]).status).toBe('complete');
    expect(deriveStatus(o22, [evidence(['O22'])]).status).toBe('needs-review');
    const two = { ...o22, anyOf: [{ ...o22.anyOf[0]!, min: 2 }] };
    expect(deriveStatus(two, [evidence(['O22'], { O22: ['winners'] })])).toMatchObject({
      status: 'incomplete',
      missing: ['announcements'],
    });
  });

  it('lets an override win over unreviewed and keeps the derived status', () => {
    const info = deriveStatus(O5, [], item('O5', { statusOverride: { status: 'complete', reason: 'ตรวจในระบบแล้ว' } }));
    expect(info).toMatchObject({
      status: 'complete',
      derived: 'unreviewed',
      overridden: true,
      reason: 'ตรวจในระบบแล้ว',
    });
  });

  it('accepts a null item', () => {
    expect(deriveStatus(O5, [], null).overridden).toBe(false);
  });
});

describe('status labels', () => {
  it('uses the memo words in Thai and plain English', () => {
    expect(STATUS_LABELS).toEqual({
      unreviewed: { th: 'ยังไม่ตรวจ', en: 'Not reviewed' },
      'needs-review': { th: 'รอตรวจองค์ประกอบ', en: 'Needs review' },
      complete: { th: 'มี', en: 'Complete' },
      incomplete: { th: 'ไม่สมบูรณ์', en: 'Incomplete' },
      missing: { th: 'ไม่มี', en: 'Missing' },
    });
  });

  it('recognises only the five statuses', () => {
    for (const s of ITEM_STATUSES) expect(isItemStatus(s)).toBe(true);
    expect(isItemStatus('done')).toBe(false);
    expect(isItemStatus(undefined)).toBe(false);
  });
});

describe('itasRow', () => {
  it('answers มี whenever there are URLs, with a note unless the item is complete', () => {
    expect(itasRow('complete', 2)).toEqual({ answer: 'มี', note: '' });
    expect(itasRow('needs-review', 1)).toEqual({ answer: 'มี', note: 'สถานะในระบบ: รอตรวจองค์ประกอบ — ตรวจก่อนส่ง' });
    expect(itasRow('incomplete', 1, ['หมายเลขโทรสาร'])).toEqual({
      answer: 'มี',
      note: 'สถานะในระบบ: ไม่สมบูรณ์ (ขาด หมายเลขโทรสาร) — ตรวจก่อนส่ง',
    });
    expect(itasRow('missing', 1).answer).toBe('มี');
  });

  it('never answers ไม่มี for an item the reviewer has not marked ไม่มี', () => {
    for (const s of ITEM_STATUSES) if (s !== 'missing') expect(itasRow(s, 0).answer).toBe('');
    expect(itasRow('unreviewed', 0).note).toBe('ยังไม่มีลิงก์ที่จะส่ง (สถานะ: ยังไม่ตรวจ)');
    expect(itasRow('missing', 0)).toEqual({ answer: 'ไม่มี', note: '' });
  });
});
