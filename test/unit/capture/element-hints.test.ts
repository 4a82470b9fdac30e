import { describe, expect, it } from 'vitest';
import type { Criterion, PeriodRule } from '../../../lib/criteria/types';
import { detectHints, hintWarningMessages } from '../../../lib/capture/element-hints';

function criterion(
  code: string,
  elements: [string, string][],
  periodRule: PeriodRule = { kind: 'current' },
  noneRule: string | null = null,
): Criterion {
  return {
    code,
    indicator: 9,
    subindicator: '9.1',
    subgroupTh: 'ข้อมูลพื้นฐาน',
    nameTh: code,
    nameEn: code,
    elements: elements.map(([key, en]) => ({ key, th: key, en, required: true })),
    anyOf: [],
    conditions: '',
    hintRules: [],
    periodRule,
    periodText: '',
    noneRule,
    source: null,
    confidence: 'A',
  };
}

const O5 = criterion('O5', [
  ['address', 'Address'],
  ['phone', 'Telephone'],
  ['fax', 'Fax'],
  ['email', 'E-mail'],
  ['map', 'Location map'],
]);
const ctx = { fiscalYear: 2564 };
const kinds = (text: string, c: Criterion = O5, hasMap = false) =>
  detectHints(text, c, { ...ctx, hasMap }).findings.map((f) => `${f.kind}:${f.match}`);

describe('detectHints — contact details', () => {
  const page = `สำนักงานเทศบาลตำบลบางตัวอย่าง เลขที่ 99 หมู่ที่ 3 ถนนเพชรเกษม ตำบลบางตัวอย่าง อำเภอเมือง จังหวัดสมุทรสงคราม 75000
    โทร. 034-711-111 ต่อ 101 โทรสาร 034-711-112 E-mail: saraban@bangtuayang.go.th
    แผนที่ตั้งสำนักงาน`;

  it('ticks all five O5 elements', () => {
    const hints = detectHints(page, O5, ctx);
    expect(hints.ticks).toEqual({ address: true, phone: true, fax: true, email: true, map: true });
    expect(hints.findings).toContainEqual({ kind: 'phone', match: '034-711-111' });
    expect(hints.findings).toContainEqual({ kind: 'fax', match: '034-711-112' });
    expect(hints.findings).toContainEqual({ kind: 'email', match: 'saraban@bangtuayang.go.th' });
    expect(hints.findings.find((f) => f.kind === 'address')?.match).toMatch(
      /หมู่ที่ 3 ถนนเพชรเกษม.*จังหวัดสมุทรสงคราม 75000$/,
    );
    expect(hints.warnings).toEqual([]);
  });

  it('does not count a fax number as a phone number', () => {
    const hints = detectHints('โทรสาร 0 3471 1112', O5, ctx);
    expect(hints.ticks.fax).toBe(true);
    expect(hints.ticks.phone).toBe(false);
  });

  it('recognises Bangkok, provincial and mobile numbers, Thai digits and Tel labels', () => {
    expect(kinds('โทรศัพท์ 0 2123 4567')).toContain('phone:0 2123 4567');
    expect(kinds('Tel: 02-123-4567')).toContain('phone:02-123-4567');
    expect(kinds('มือถือ 081-234-5678')).toContain('phone:081-234-5678');
    expect(kinds('โทร. ๐๓๔-๗๑๑-๑๑๑')).toContain('phone:034-711-111');
    expect(kinds('Fax. 02 123 4568')).toContain('fax:02 123 4568');
    expect(kinds('โทรศัพท์/โทรสาร 034-711-111')).toEqual(
      expect.arrayContaining(['fax:034-711-111', 'phone:034-711-111']),
    );
  });

  it('does not take years, amounts or postcodes for phone numbers', () => {
    const found = kinds('งบประมาณ 2564 จำนวน 1,250,000 บาท รหัสไปรษณีย์ 75000 เลขที่ 123456789 วันที่ 01/02/2564');
    expect(found.filter((k) => /^(phone|fax|address)/.test(k))).toEqual([]);
  });

  it('leaves elements without a detector to the reviewer', () => {
    const c = criterion('O1', [
      ['chart', 'Organisation chart'],
      ['units', 'Internal units'],
    ]);
    expect(detectHints('แผนภูมิโครงสร้าง สำนักปลัด กองคลัง', c, ctx).ticks).toEqual({ chart: false, units: false });
  });

  it('uses the map flag from the content script', () => {
    expect(detectHints('ที่ตั้ง', O5, { ...ctx, hasMap: true }).ticks.map).toBe(true);
    expect(detectHints('ที่ตั้ง', O5, ctx).ticks.map).toBe(false);
    expect(detectHints('ดูบน Google Maps', O5, ctx).ticks.map).toBe(true);
  });
});

describe('detectHints — executives', () => {
  const O2 = criterion('O2', [
    ['name', 'Full name'],
    ['position', 'Position'],
    ['photo', 'Photo'],
  ]);
  it('finds titled names near executive positions', () => {
    const hints = detectHints('นายสมชาย ใจดี\nนายกเทศมนตรีตำบลบางตัวอย่าง\nนางสาวสมหญิง รักงาน ปลัดเทศบาล', O2, ctx);
    const people = hints.findings.filter((f) => f.kind === 'person').map((f) => f.match);
    expect(people).toEqual(['นายสมชาย ใจดี — นายกเทศมนตรีตำบลบางตัวอย่าง', 'นางสาวสมหญิง รักงาน — ปลัดเทศบาล']);
    expect(hints.ticks).toEqual({ name: true, position: true, photo: false });
  });

  it('does not read นายก as a title', () => {
    const hints = detectHints('นายกเทศมนตรี ผู้อำนวยการกองคลัง', O2, ctx);
    expect(hints.findings.filter((f) => f.kind === 'person')).toEqual([]);
  });
});

describe('detectHints — periods', () => {
  const O7 = criterion('O7', [['news', 'News items']], { kind: 'fiscal-year', offset: 0 });
  const O11 = criterion('O11', [['progress', 'Progress']], { kind: 'range', from: '2020-10-01', to: '2021-03-31' });

  it('finds the fiscal year in Arabic and Thai digits', () => {
    expect(kinds('แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564', O7)).toContain('fiscal-year:2564');
    expect(kinds('ข่าวประชาสัมพันธ์ ๑๕ ม.ค. ๒๕๖๔', O7)).toContain('fiscal-year:2564');
    expect(detectHints('ปีงบประมาณ 64', O7, ctx).warnings).toEqual([]);
  });

  it('warns when only other years appear, or none', () => {
    const hints = detectHints('ข่าวกิจกรรม ปี 2562 และ 2563', O7, ctx);
    expect(hints.warnings).toEqual(['only-other-years']);
    expect(hints.years).toEqual([2562, 2563]);
    expect(detectHints('ข่าวกิจกรรม', O7, ctx).warnings).toEqual(['no-year']);
    // Items without a period rule get no year warnings (laws cite old years).
    expect(detectHints('พ.ร.บ.เทศบาล พ.ศ. 2496', O5, ctx).warnings).toEqual([]);
  });

  it('checks the previous year for an annual report', () => {
    const report = criterion('O30', [['r', 'Report']], { kind: 'fiscal-year', offset: -1 });
    expect(detectHints('รายงานประจำปี 2563', report, ctx).warnings).toEqual([]);
    expect(detectHints('รายงานประจำปี 2564', report, ctx).warnings).toEqual(['only-other-years']);
  });

  it('finds the first half of the fiscal year in several spellings', () => {
    for (const text of [
      'รายงานรอบ 6 เดือน (ต.ค. 2563 – มี.ค. 2564)',
      'ตั้งแต่วันที่ 1 ตุลาคม 2563 ถึงวันที่ 31 มีนาคม 2564',
      'ระหว่าง ๑ ต.ค. ๖๓ - ๓๑ มี.ค. ๖๔',
    ]) {
      expect(detectHints(text, O11, ctx).findings.some((f) => f.kind === 'first-half')).toBe(true);
    }
    expect(detectHints('ต.ค. 2562 – มี.ค. 2563', O11, ctx).findings.some((f) => f.kind === 'first-half')).toBe(false);
  });
});

describe('detectHints — none statements and placeholders', () => {
  const O23 = criterion(
    'O23',
    [['summary', 'Monthly summary']],
    { kind: 'range', from: '2020-10-01', to: '2021-03-31', monthly: true },
    'ประกาศว่าไม่มีการจัดซื้อจัดจ้าง',
  );
  it('reports "ไม่มี…" statements only for items with a none rule', () => {
    expect(kinds('เดือนมกราคม 2564 ไม่มีการจัดซื้อจัดจ้าง', O23)).toContain('none-statement:ไม่มีการจัดซื้อจัดจ้าง');
    expect(kinds('ไม่มีเรื่องร้องเรียน', O23)).toContain('none-statement:ไม่มีเรื่องร้องเรียน');
    expect(kinds('ไม่มีการจัดซื้อจัดจ้าง', O5).some((k) => k.startsWith('none-statement'))).toBe(false);
  });

  it('warns about placeholders', () => {
    expect(detectHints('หน้านี้กำลังปรับปรุงข้อมูล', O5, ctx).warnings).toEqual(['placeholder']);
    expect(detectHints('Under Construction', O5, ctx).warnings).toEqual(['placeholder']);
    expect(kinds('อยู่ระหว่างดำเนินการ ปี 2564', O23)).toContain('placeholder:อยู่ระหว่างดำเนินการ');
  });
});

describe('hintWarningMessages', () => {
  it('renders warnings with the years involved', async () => {
    const { hintWarningMessages } = await import('../../../lib/capture/element-hints');
    const O7 = criterion('O7', [['news', 'News items']], { kind: 'fiscal-year', offset: 0 });
    const hints = detectHints('ข่าว ปี 2562 และ 2563 กำลังปรับปรุงข้อมูล', O7, ctx);
    expect(hintWarningMessages(hints, 'th')).toEqual([
      'หน้านี้กล่าวถึงปี 2562, 2563 แต่ไม่พบปี 2564 ที่ต้องการ',
      'หน้านี้มีข้อความว่ายังไม่มีข้อมูล ("กำลังปรับปรุงข้อมูล") ผู้ประเมินอาจไม่นับ',
    ]);
    const O11 = criterion('O11', [['p', 'Progress']], { kind: 'range', from: '2020-10-01', to: '2021-03-31' });
    expect(hintWarningMessages(detectHints('รายงาน', O11, ctx), 'en')).toEqual([
      'No Buddhist Era year found on this page; check that it is data for 2563 or 2564.',
    ]);
  });
});

describe('detectHints — period kinds from lib/criteria/period', () => {
  const O4 = criterion('O4', [['strategies', 'Strategies']], { kind: 'covers', minYears: 2 });
  const O39 = criterion('O39', [['projects', 'Projects']], { kind: 'covers' });
  const O25 = criterion('O25', [['policy', 'Policy']], { kind: 'in-force' });

  it('a 2561–2565 plan covers 2564: no warning, though "2564" is never printed', () => {
    expect(detectHints('แผนพัฒนาท้องถิ่น (พ.ศ. ๒๕๖๑-๒๕๖๕)', O4, ctx).warnings).toEqual([]);
    expect(detectHints('แผนป้องกันการทุจริต ปี ๒๕๖๑-๒๕๖๕', O39, ctx).warnings).toEqual([]);
    expect(detectHints('แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)', O4, ctx).warnings).toEqual(['only-other-years']);
  });

  it('O4: a one-year plan is too short', () => {
    const hints = detectHints('แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2564', O4, ctx);
    expect(hints.warnings).toEqual(['plan-too-short']);
    expect(hintWarningMessages(hints, 'en')).toEqual([
      'The plan on this page spans one year; this item needs a plan of more than one year covering 2564.',
    ]);
  });

  it('in force: a 2563 policy passes, a 2565 one does not', () => {
    expect(detectHints('นโยบายการบริหารทรัพยากรบุคคล ประกาศ ณ วันที่ 1 ตุลาคม 2563', O25, ctx).warnings).toEqual([]);
    expect(detectHints('นโยบาย ประกาศ 2565', O25, ctx).warnings).toEqual(['only-other-years']);
  });

  it('first half: names the missing months', () => {
    const O31 = criterion('O31', [['total', 'Total']], { kind: 'first-half' });
    const hints = detectHints('สถิติเรื่องร้องเรียน ต.ค. 63 พ.ย. 63 ธ.ค. 63 ม.ค. 64 มี.ค. 64', O31, ctx);
    expect(hints.warnings).toEqual(['first-half-incomplete']);
    expect(hints.missingMonths).toEqual([4]);
    expect(hintWarningMessages(hints, 'th')).toEqual(['ยังไม่พบข้อมูลเดือน ก.พ. (ต้องครบทุกเดือน ต.ค. – มี.ค.)']);
    expect(detectHints('สถิติเรื่องร้องเรียน รอบ 6 เดือน (ต.ค. 2563 – มี.ค. 2564)', O31, ctx).warnings).toEqual([]);
  });
});

describe("detectHints — the year message names the item's years, not the fiscal year", () => {
  it('an annual report (offset -1) asks for 2563', () => {
    const O12 = criterion('O12', [['results', 'Results']], { kind: 'fiscal-year', offset: -1 });
    const hints = detectHints('รายงานผลการดำเนินงาน ประจำปี 2564', O12, ctx);
    expect(hintWarningMessages(hints, 'th')).toEqual(['หน้านี้กล่าวถึงปี 2564 แต่ไม่พบปี 2563 ที่ต้องการ']);
    expect(hintWarningMessages(hints, 'th').join()).not.toContain('mentions 2564 but 2564');
  });
});

describe('detectHints — years only in the site menu or footer', () => {
  const O7 = criterion('O7', [['news', 'News items']], { kind: 'fiscal-year', offset: 0 });
  const page = 'เมนู แผนพัฒนาท้องถิ่น 2561-2565 ข่าวประจำปี 2564\nข่าวกิจกรรม ปลูกต้นไม้\nสงวนลิขสิทธิ์ 2564';
  const content = 'ข่าวกิจกรรม ปลูกต้นไม้';

  it('warns when the required year is only in the chrome', () => {
    const hints = detectHints(page, O7, { ...ctx, contentText: content });
    expect(hints.warnings).toEqual(['year-only-in-site-chrome']);
    expect(hintWarningMessages(hints, 'en')).toEqual([
      "The year 2564 appears only in the site menu, header or footer, not in this page's content.",
    ]);
    // Without the content text (the form could not tell), the whole page counts as before.
    expect(detectHints(page, O7, ctx).warnings).toEqual([]);
  });

  it('passes when the content itself has the year', () => {
    expect(detectHints(page, O7, { ...ctx, contentText: 'ข่าวกิจกรรม 15 ม.ค. 2564' }).warnings).toEqual([]);
  });
});

describe('detectHints — addresses in English, and a postcode with a road or district word', () => {
  const O5 = criterion('O5', [
    ['address', 'Address'],
    ['phone', 'Telephone'],
    ['fax', 'Fax'],
    ['email', 'E-mail'],
    ['map', 'Location map'],
  ]);
  it('reads an English contact block', () => {
    const hints = detectHints(
      'Mailing Address: 99 Moo 3, Phetkasem Rd., Mueang District, Samut Songkhram 75000 Tel. 034-711-111 Fax 034-711-112',
      O5,
      ctx,
    );
    expect(hints.ticks).toMatchObject({ address: true, phone: true, fax: true });
    expect(hints.findings.find((f) => f.kind === 'address')?.match).toMatch(/^Mailing Address: 99 Moo 3.*75000$/);
  });

  it('a postcode after an address label and one road or district word', () => {
    expect(detectHints('ที่อยู่ 99 ถนนเพชรเกษม 75000', O5, ctx).ticks.address).toBe(true);
    expect(detectHints('Address: 12 Sukhumvit Road 10110', O5, ctx).ticks.address).toBe(true);
    expect(detectHints('99 ถนนเพชรเกษม 75000', O5, ctx).ticks.address).toBe(false);
  });
});

describe('detectHints — examples, groups and hint rules', () => {
  it('pre-ticks examples but not the members of an any-of group', () => {
    const c: Criterion = {
      ...criterion('O22', []),
      elements: [
        { key: 'invitations', th: 'ประกาศเชิญชวน', en: 'Invitations', required: false },
        { key: 'winners', th: 'ประกาศผล', en: 'Award notices', required: false },
        { key: 'note', th: 'หมายเหตุ', en: 'Note', required: false },
      ],
      anyOf: [
        { key: 'announcements', th: 'ประกาศ', en: 'Announcements', min: 1, elements: ['invitations', 'winners'] },
      ],
    };
    expect(detectHints('ประกาศ', c, ctx).ticks).toEqual({ invitations: false, winners: false, note: true });
  });

  it('signed by the top executive, and the current executive from O2', () => {
    const O34: Criterion = {
      ...criterion('O34', [['pledge', 'Pledge']]),
      hintRules: [{ kind: 'signed-by-top-executive' }, { kind: 'current-executive', item: 'O2' }],
    };
    const signed = 'ประกาศเจตจำนงสุจริต ประกาศ ณ วันที่ 1 ตุลาคม 2563 (นายสมชาย ใจดี) นายกเทศมนตรีตำบลบางตัวอย่าง';
    expect(detectHints(signed, O34, { ...ctx, currentExecutives: ['นายสมชาย ใจดี'] }).warnings).toEqual([]);
    expect(detectHints(signed, O34, { ...ctx, currentExecutives: ['นายสมศักดิ์ ใหม่'] }).warnings).toEqual([
      'not-current-executive',
    ]);
    expect(detectHints('ประกาศเจตจำนงสุจริตของผู้บริหาร', O34, ctx).warnings).toEqual(['no-signature']);
  });
});
