/** A criterion in words (Thai or English): its elements, period rule, conditions and source. */
import type { Criterion, HintRule, PeriodRule } from './types';
import { periodYears } from './period';

import type { Lang } from '../i18n/language';

const W = {
  th: {
    required: 'ต้องมี',
    example: 'ตัวอย่าง',
    perPerson: 'ทุกคน',
    anyOf: (min: number) => `อย่างน้อย ${min} อย่าง จาก`,
    elements: 'องค์ประกอบ',
    period: 'ช่วงเวลา',
    conditions: 'เงื่อนไข',
    hints: 'ระบบช่วยตรวจ',
    none: 'กรณีไม่มีข้อมูล',
    source: 'ที่มา',
    confidence: 'ความมั่นใจ',
    noSource: 'ยังไม่พบแหล่งอ้างอิง',
  },
  en: {
    required: 'required',
    example: 'example',
    perPerson: 'each person',
    anyOf: (min: number) => `at least ${min} of`,
    elements: 'Elements',
    period: 'Period',
    conditions: 'Conditions',
    hints: 'Checked by the tool',
    none: 'When there is nothing',
    source: 'Source',
    confidence: 'Confidence',
    noSource: 'no source found',
  },
};

function describePeriod(rule: PeriodRule, fiscalYear: number, lang: Lang): string {
  const years = periodYears(rule, fiscalYear);
  const th = lang === 'th';
  switch (rule.kind) {
    case 'current':
      return th ? 'ข้อมูลปัจจุบัน' : 'current data';
    case 'fiscal-year':
      return th ? `ข้อมูลปี พ.ศ. ${years![0]}` : `data of B.E. ${years![0]}`;
    case 'range': {
      const monthly = rule.monthly ? (th ? ' แยกรายเดือน' : ', month by month') : '';
      return th ? `${rule.from} ถึง ${rule.to} (ค.ศ.)${monthly}` : `${rule.from} to ${rule.to}${monthly}`;
    }
    case 'covers': {
      const min = rule.minYears
        ? th
          ? ` และมีระยะอย่างน้อย ${rule.minYears} ปี`
          : `, spanning at least ${rule.minYears} years`
        : '';
      return th
        ? `ระยะเวลาของเอกสารครอบคลุมปี พ.ศ. ${fiscalYear}${min}`
        : `the document's period covers B.E. ${fiscalYear}${min}`;
    }
    case 'in-force':
      return th ? `ยังใช้บังคับในปี พ.ศ. ${fiscalYear}` : `still in force in B.E. ${fiscalYear}`;
    case 'first-half': {
      const how = rule.monthly
        ? th
          ? 'แยกรายเดือน'
          : 'month by month'
        : th
          ? 'รายเดือน รายไตรมาส หรือรอบ 6 เดือน'
          : 'monthly, quarterly or half-year';
      return th
        ? `ครบทุกเดือน ต.ค. ${fiscalYear - 1} – มี.ค. ${fiscalYear} (${how})`
        : `every month Oct ${fiscalYear - 1} – Mar ${fiscalYear} (${how})`;
    }
  }
}

function describeHint(rule: HintRule, lang: Lang): string {
  if (rule.kind === 'signed-by-top-executive')
    return lang === 'th' ? 'ลงนามโดยผู้บริหารสูงสุด' : 'signed by the top executive';
  return lang === 'th'
    ? `เป็นผู้บริหารคนปัจจุบัน (ตรงกับข้อ ${rule.item})`
    : `the current executive (as listed under ${rule.item})`;
}

export function describeItem(c: Criterion, fiscalYear: number, lang: Lang): string[] {
  const w = W[lang];
  const name = lang === 'th' ? c.nameTh : c.nameEn || c.nameTh;
  const label = (x: { th: string; en: string }) => (lang === 'th' ? x.th : x.en || x.th);
  const out = [`${c.code} ${name}`, `${w.elements}:`];
  for (const e of c.elements) {
    const tags = [e.required ? w.required : w.example, ...(e.perPerson ? [w.perPerson] : [])];
    out.push(`  - ${e.key}: ${label(e)} [${tags.join(', ')}]`);
  }
  for (const g of c.anyOf) out.push(`  * ${g.key}: ${label(g)} [${w.anyOf(g.min)} ${g.elements.join(', ')}]`);
  out.push(`${w.period}: ${describePeriod(c.periodRule, fiscalYear, lang)}${c.periodText ? ` (${c.periodText})` : ''}`);
  if (c.conditions) out.push(`${w.conditions}: ${c.conditions}`);
  if (c.hintRules.length > 0) out.push(`${w.hints}: ${c.hintRules.map((h) => describeHint(h, lang)).join('; ')}`);
  if (c.noneRule) out.push(`${w.none}: ${c.noneRule}`);
  if (c.source) {
    out.push(`${w.source}: ${c.source.document}${c.source.date ? `, ${c.source.date}` : ''}`);
    out.push(`  "${c.source.quote}"`);
  } else out.push(`${w.source}: ${w.noSource}`);
  out.push(`${w.confidence}: ${c.confidence}`);
  return out;
}
