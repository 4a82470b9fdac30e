import { describe, expect, it } from 'vitest';
import { firstHalfCoverage } from '../../../lib/criteria/first-half';

describe('firstHalfCoverage', () => {
  it('a monthly table with every month from October to March is complete', () => {
    const text = 'ต.ค. 63 | พ.ย. 63 | ธ.ค. 63 | ม.ค. 64 | ก.พ. 64 | มี.ค. 64';
    expect(firstHalfCoverage([text])).toEqual({ present: [0, 1, 2, 3, 4, 5], missing: [], complete: true });
  });

  it('a first half missing February is incomplete', () => {
    const text = 'เดือนตุลาคม 2563 … เดือนพฤศจิกายน 2563 … เดือนธันวาคม 2563 … เดือนมกราคม 2564 … เดือนมีนาคม 2564';
    const c = firstHalfCoverage([text]);
    expect(c.complete).toBe(false);
    expect(c.missing).toEqual([4]);
  });

  it('two quarterly reports together make up the six months', () => {
    expect(firstHalfCoverage(['รายงานไตรมาสที่ 1 (ต.ค. – ธ.ค. 2563)']).complete).toBe(false);
    expect(firstHalfCoverage(['รายงานไตรมาสที่ 1', 'รายงานไตรมาสที่ 2']).complete).toBe(true);
    expect(firstHalfCoverage(['ผลการดำเนินงาน ต.ค. – ธ.ค. 2563', 'ผลการดำเนินงาน ม.ค. – มี.ค. 2564']).complete).toBe(true);
  });

  it('a half-year report and a month range count as all six months', () => {
    expect(firstHalfCoverage(['รายงานรอบ 6 เดือน']).complete).toBe(true);
    expect(firstHalfCoverage(['ระหว่าง ๑ ต.ค. ๖๓ - ๓๑ มี.ค. ๖๔']).complete).toBe(true);
    expect(firstHalfCoverage(['1 October 2020 – 31 March 2021']).complete).toBe(true);
  });

  it('monthly items (O23) accept only month-by-month tables', () => {
    expect(firstHalfCoverage(['รายงานรอบ 6 เดือน', 'ไตรมาสที่ 1'], { monthly: true }).present).toEqual([]);
    expect(firstHalfCoverage(['ต.ค. – มี.ค.'], { monthly: true }).missing).toEqual([1, 2, 3, 4]);
  });
});
