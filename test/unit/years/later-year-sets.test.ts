import { describe, expect, it } from 'vitest';
import schema from '../../../schemas/criteria-set.schema.json';
import raw2565 from '../../../lib/criteria/sets/nacc-ita-oit-2565.json';
import raw2566 from '../../../lib/criteria/sets/nacc-ita-oit-2566.json';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import { confidenceSummary, isUnconfirmedSet } from '../../../lib/criteria/provenance';

const props = (def: { properties: Record<string, unknown> }) => Object.keys(def.properties);
const s2565 = () => getBuiltInSet('nacc-ita-oit/2565/all')!;
const s2566 = () => getBuiltInSet('nacc-ita-oit/2566/all')!;
const item = (set: ReturnType<typeof s2565>, code: string) => set.items.find((i) => i.code === code)!;

describe('built-in sets for 2565 and 2566', () => {
  it('ship 43 items each; every item cites a source and carries a confidence', () => {
    for (const set of [s2565(), s2566()]) {
      expect(set.items).toHaveLength(43);
      for (const it of set.items) {
        expect(it.source?.document, `${set.id} ${it.code}`).toBeTruthy();
        expect(it.source?.quote, `${set.id} ${it.code}`).toBeTruthy();
        expect(['A', 'B', 'C']).toContain(it.confidence);
      }
      // No NACC manual was found: no item may claim one.
      expect(isUnconfirmedSet(set)).toBe(true);
      expect(confidenceSummary(set).A).toBe(0);
    }
  });

  it('use only keys the JSON schema knows', () => {
    for (const raw of [raw2565, raw2566]) {
      expect(props(schema)).toEqual(expect.arrayContaining(Object.keys(raw)));
      for (const it of raw.items) {
        expect(props(schema.$defs.criterion)).toEqual(expect.arrayContaining(Object.keys(it)));
        if (it.source) expect(props(schema.$defs.source)).toEqual(expect.arrayContaining(Object.keys(it.source)));
      }
    }
  });

  it('2565: O34 is the No Gift Policy, O36/O37 are renamed, periods are one year later', () => {
    const set = s2565();
    expect(item(set, 'O34')).toMatchObject({
      nameTh: 'นโยบายไม่รับของขวัญ (No Gift Policy)',
      mapsFrom: [],
      hintRules: [{ kind: 'signed-by-top-executive' }],
    });
    expect(item(set, 'O36').nameTh).toBe('การประเมินความเสี่ยงการทุจริตและประพฤติมิชอบประจำปี');
    expect(item(set, 'O37').nameTh).toBe('การดำเนินการเพื่อจัดการความเสี่ยงการทุจริตและประพฤติมิชอบ');
    expect(item(set, 'O11').periodText).toContain('1 ต.ค.64-31 มี.ค.65');
    expect(item(set, 'O12')).toMatchObject({ periodRule: { kind: 'fiscal-year', offset: -1 }, periodText: 'FY2564' });
    expect(JSON.stringify(set.items.map(({ source: _s, ...rest }) => rest))).not.toMatch(/2563/);
  });

  it('2566: renumbered and merged, with the three No Gift items and their wording', () => {
    const set = s2566();
    expect(item(set, 'O10')).toMatchObject({ nameTh: 'นโยบายคุ้มครองข้อมูลส่วนบุคคล', mapsFrom: [], confidence: 'C' });
    const o11 = item(set, 'O11');
    expect(o11.mapsFrom).toEqual(['O10', 'O18']);
    expect(o11.elements.map((e) => e.key)).toEqual(expect.arrayContaining(['projects', 'spending_plan']));
    const o31 = item(set, 'O31');
    expect(o31).toMatchObject({ mapsFrom: ['O34'], hintRules: [{ kind: 'signed-by-top-executive' }] });
    expect(o31.source!.quote).toContain('ลงนามโดยผู้บริหารสูงสุด');
    expect(o31.source!.quote).toContain('2566');
    expect(item(set, 'O32').nameTh).toBe('การสร้างวัฒนธรรม No Gift Policy');
    expect(item(set, 'O33').nameTh).toBe('รายงานผลตามนโยบาย No Gift Policy');
    expect(item(set, 'O40').elements.filter((e) => e.required)).toHaveLength(3);
    expect(item(set, 'O39').elements.find((e) => e.key === 'ethics_rules')!.required).toBe(false);
    expect(item(set, 'O21').periodRule).toEqual({ kind: 'first-half', monthly: true });
  });
});
