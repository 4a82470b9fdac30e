#!/usr/bin/env node
// One-off generator: builds lib/criteria/sets/nacc-ita-oit-2564.json from the domain CSV plus the
// element table below. The committed JSON is the source of truth; rerun only to regenerate it.
// Usage: node scripts/gen-criteria.mjs [path/to/ita-2564-oit.csv]
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const csvPath = process.argv[2] ?? '/work/shared/domain/ita-2564-oit.csv';
const outPath = fileURLToPath(new URL('../lib/criteria/sets/nacc-ita-oit-2564.json', import.meta.url));

function parseCsv(text) {
  const rows = [];
  let row = [], field = '', quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); field = '';
      if (row.some((f) => f !== '')) rows.push(row);
      row = [];
    } else field += c;
  }
  row.push(field);
  if (row.some((f) => f !== '')) rows.push(row);
  return rows;
}

const e = (key, th, en) => ({ key, th, en });
const results = [
  e('results', 'ผลการดำเนินงาน', 'Results'),
  e('problems', 'ปัญหา อุปสรรค', 'Problems and obstacles'),
  e('suggestions', 'ข้อเสนอแนะ', 'Suggestions'),
];
const plan = [
  e('projects', 'โครงการหรือกิจกรรม', 'Projects or activities'),
  e('budget', 'งบประมาณที่ใช้', 'Budget'),
  e('timeframe', 'ระยะเวลาในการดำเนินการ', 'Timeframe'),
];

/** @type {Record<string, {key:string,th:string,en:string}[]>} */
const ELEMENTS = {
  O1: [
    e('org_chart', 'แผนผังโครงสร้างการแบ่งส่วนราชการ', 'Organisation chart of divisions'),
    e('key_positions', 'ตำแหน่งที่สำคัญ', 'Key positions'),
    e('internal_units', 'การแบ่งส่วนงานภายใน (สำนัก/กอง/ฝ่าย/งาน)', 'Internal units (bureau/division/section)'),
  ],
  O2: [
    e('top_executive', 'ผู้บริหารสูงสุด', 'Top executive'),
    e('executives', 'ผู้ดำรงตำแหน่งประเภทบริหาร', 'Executive-position holders'),
    e('full_name', 'ชื่อ-นามสกุล', 'Full name'),
    e('position', 'ตำแหน่ง', 'Position'),
    e('photo', 'รูปถ่าย', 'Photo'),
    e('contact', 'ช่องทางการติดต่อ', 'Contact channel'),
  ],
  O3: [e('duties', 'หน้าที่และอำนาจตามที่กฎหมายกำหนด', 'Duties and powers under the law')],
  O4: [
    e('strategies', 'ยุทธศาสตร์หรือแนวทาง', 'Strategies or approaches'),
    e('targets', 'เป้าหมาย', 'Targets'),
    e('indicators', 'ตัวชี้วัด', 'Indicators'),
  ],
  O5: [
    e('address', 'ที่อยู่', 'Address'),
    e('phone', 'หมายเลขโทรศัพท์', 'Telephone number'),
    e('fax', 'หมายเลขโทรสาร', 'Fax number'),
    e('email', 'ไปรษณีย์อิเล็กทรอนิกส์ (E-mail)', 'E-mail address'),
    e('map', 'แผนที่ตั้ง', 'Location map'),
  ],
  O6: [e('laws', 'กฎหมายที่เกี่ยวข้องกับการดำเนินงาน', 'Laws and regulations governing the work')],
  O7: [e('news', 'ข่าวประชาสัมพันธ์เกี่ยวกับภารกิจของหน่วยงาน', 'News about the agency\'s mission')],
  O8: [
    e('qa_channel', 'ช่องทางถาม-ตอบ (เช่น Web board กล่องข้อความ)', 'Q&A channel (e.g. web board, message box)'),
    e('two_way', 'หน่วยงานตอบคำถามได้ (สื่อสารสองทาง)', 'Agency can reply (two-way)'),
  ],
  O9: [e('social_link', 'ลิงก์สื่อสังคมออนไลน์ของหน่วยงาน', 'Link to the agency\'s social media')],
  O10: plan,
  O11: [
    e('progress', 'ความก้าวหน้าของโครงการหรือกิจกรรม', 'Progress of projects or activities'),
    e('budget_used', 'งบประมาณที่ใช้ดำเนินงาน', 'Budget used'),
  ],
  O12: [
    e('results', 'ผลการดำเนินโครงการหรือกิจกรรม', 'Results of projects or activities'),
    e('budget_used', 'ผลการใช้จ่ายงบประมาณ', 'Budget used'),
    results[1], results[2],
  ],
  O13: [
    e('manual', 'คู่มือหรือมาตรฐานการปฏิบัติงาน', 'Work manual or standard'),
    e('procedures', 'ขั้นตอนการปฏิบัติงาน', 'Work procedures'),
  ],
  O14: [
    e('service', 'ประเภทการให้บริการ', 'Service type'),
    e('steps', 'ขั้นตอนการให้บริการ', 'Service steps'),
    e('duration', 'ระยะเวลาที่ใช้', 'Time taken'),
    e('channel', 'ช่องทางหรือสถานที่ให้บริการ', 'Channel or place'),
    e('documents', 'เอกสารหลักฐานที่ต้องใช้', 'Required documents'),
  ],
  O15: [
    e('service_count', 'จำนวนการให้บริการหรือผู้รับบริการ', 'Number of services or users'),
    e('period', 'จำแนกตามช่วงเวลา (เช่น รายเดือน)', 'Per period (e.g. per month)'),
  ],
  O16: [
    e('satisfaction', 'ระดับความพึงพอใจ', 'Satisfaction level'),
    e('topics', 'ประเด็นที่สำรวจ', 'Survey topics'),
  ],
  O17: [e('online_service', 'ช่องทางให้บริการออนไลน์ที่ใช้งานได้', 'Working online service channel')],
  O18: [
    e('spending_plan', 'แผนการใช้จ่ายงบประมาณประจำปี', 'Annual spending plan'),
    e('breakdown', 'งบประมาณจำแนกตามแหล่งเงิน แผนงาน หรือโครงการ', 'Budget by source, programme or project'),
  ],
  O19: [e('progress', 'ความก้าวหน้าการใช้จ่ายงบประมาณเทียบกับแผน', 'Spending progress against the plan')],
  O20: [e('results', 'ผลการใช้จ่ายงบประมาณ', 'Spending results'), results[1], results[2]],
  O21: [
    e('items', 'รายการจัดซื้อจัดจ้าง', 'Procurement items'),
    e('budget', 'งบประมาณ', 'Budget'),
    e('announce_period', 'ช่วงเวลาที่คาดว่าจะประกาศจัดซื้อจัดจ้าง', 'Expected announcement period'),
  ],
  O22: [
    e('invitations', 'ประกาศเชิญชวน', 'Invitations to bid'),
    e('winners', 'ประกาศผลการจัดซื้อจัดจ้าง', 'Award announcements'),
  ],
  O23: [
    e('item', 'งานที่จัดซื้อจัดจ้าง', 'Item bought or hired'),
    e('budget', 'วงเงินงบประมาณ', 'Budget'),
    e('reference_price', 'ราคากลาง', 'Reference price'),
    e('method', 'วิธีจัดซื้อจัดจ้าง', 'Procurement method'),
    e('bidders', 'รายชื่อผู้เสนอราคาและราคาที่เสนอ', 'Bidders and their prices'),
    e('winner', 'ผู้ได้รับการคัดเลือกและราคาที่ตกลง', 'Selected vendor and agreed price'),
    e('reason', 'เหตุผลที่คัดเลือก', 'Reason for selection'),
    e('contract', 'เลขที่และวันที่ของสัญญา', 'Contract number and date'),
  ],
  O24: [e('budget_used', 'งบประมาณที่ใช้ในการจัดซื้อจัดจ้าง', 'Procurement budget used'), results[1], results[2]],
  O25: [e('policy', 'นโยบายหรือแผนการบริหารทรัพยากรบุคคล', 'HR policy or plan')],
  O26: [e('activities', 'การดำเนินการตามนโยบายการบริหารทรัพยากรบุคคล', 'Activities under the HR policy')],
  O27: [
    e('recruitment', 'การสรรหาและคัดเลือกบุคลากร', 'Recruitment and selection'),
    e('appointment', 'การบรรจุและแต่งตั้งบุคลากร', 'Appointment'),
    e('development', 'การพัฒนาบุคลากร', 'Staff development'),
    e('appraisal', 'การประเมินผลการปฏิบัติงานบุคลากร', 'Performance appraisal'),
    e('reward_discipline', 'การให้คุณให้โทษและการสร้างขวัญกำลังใจ', 'Reward, discipline and morale'),
  ],
  O28: results,
  O29: [
    e('complaint_channels', 'รูปแบบและช่องทางการร้องเรียน', 'Complaint forms and channels'),
    e('steps', 'ขั้นตอนการจัดการเรื่องร้องเรียน', 'Handling steps'),
    e('responsible_unit', 'ส่วนงานที่รับผิดชอบ', 'Responsible unit'),
    e('timeframe', 'ระยะเวลาดำเนินการ', 'Time frame'),
    e('follow_up', 'การติดตามและแจ้งผล', 'Follow-up and notification'),
  ],
  O30: [e('online_channel', 'ช่องทางออนไลน์แจ้งเรื่องร้องเรียนการทุจริต', 'Online corruption-complaint channel')],
  O31: [
    e('total', 'จำนวนเรื่องร้องเรียน', 'Number of complaints'),
    e('completed', 'เรื่องที่ดำเนินการแล้วเสร็จ', 'Completed'),
    e('in_progress', 'เรื่องที่อยู่ระหว่างดำเนินการ', 'In progress'),
  ],
  O32: [e('opinion_channel', 'ช่องทางออนไลน์รับฟังความคิดเห็น', 'Online opinion channel')],
  O33: [e('activities', 'กิจกรรมที่ผู้มีส่วนได้ส่วนเสียมีส่วนร่วม', 'Stakeholder participation activities')],
  O34: [
    e('pledge', 'การแสดงเจตจำนงสุจริตของผู้บริหารสูงสุดคนปัจจุบัน', 'Integrity pledge by the current top executive'),
    e('pledge_th', 'ฉบับภาษาไทย', 'Thai version'),
    e('pledge_en', 'ฉบับภาษาอังกฤษ', 'English version'),
  ],
  O35: [e('activities', 'กิจกรรมที่ผู้บริหารสูงสุดมีส่วนร่วม', 'Activities with the top executive taking part')],
  O36: [
    e('risk_events', 'เหตุการณ์ความเสี่ยง', 'Risk events'),
    e('risk_level', 'ระดับความเสี่ยง', 'Risk level'),
    e('measures', 'มาตรการในการจัดการความเสี่ยง', 'Mitigation measures'),
  ],
  O37: [e('actions', 'การดำเนินการตามมาตรการจัดการความเสี่ยง', 'Actions under the risk measures')],
  O38: [e('activities', 'กิจกรรมเสริมสร้างทัศนคติและค่านิยมสุจริต', 'Activities building integrity values')],
  O39: plan,
  O40: [e('progress', 'ความก้าวหน้าของโครงการหรือกิจกรรมตามแผน', 'Progress of planned projects or activities')],
  O41: results,
  O42: [
    e('analysis', 'การวิเคราะห์ผลการประเมิน ITA ปีที่ผ่านมา', 'Analysis of the previous ITA result'),
    e('weak_points', 'ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อน', 'Weak points to fix'),
    e('improvements', 'ประเด็นที่ต้องพัฒนาให้ดีขึ้น', 'Points to improve'),
    e('measures', 'มาตรการส่งเสริมคุณธรรมและความโปร่งใส', 'Integrity and transparency measures'),
    e('responsible', 'ผู้รับผิดชอบ', 'Responsible persons'),
    e('steps', 'ขั้นตอนหรือวิธีการปฏิบัติ', 'Steps or methods'),
    e('monitoring', 'การกำกับติดตามและรายงานผล', 'Monitoring and reporting'),
  ],
  O43: [e('actions', 'การดำเนินการตามมาตรการภายในหน่วยงาน', 'Actions under the internal measures')],
};

function periodRule(text) {
  const t = text.trim();
  if (t === 'current') return { kind: 'current' };
  if (/^\d{4}-\d{2}-\d{2}\.\.\d{4}-\d{2}-\d{2}/.test(t)) {
    const [from, to] = t.slice(0, 22).split('..');
    return { kind: 'range', from, to };
  }
  if (/^2020-10\.\.2021-03/.test(t)) return { kind: 'range', from: '2020-10-01', to: '2021-03-31', monthly: true };
  if (/FY2563/.test(t)) return { kind: 'fiscal-year', offset: -1 };
  if (/FY2564/.test(t)) return { kind: 'fiscal-year', offset: 0 };
  throw new Error(`unmapped period rule: ${t}`);
}

const rows = parseCsv(readFileSync(csvPath, 'utf8'));
const header = rows.shift();
const items = rows.map((cells) => {
  const r = Object.fromEntries(header.map((h, i) => [h, (cells[i] ?? '').trim()]));
  const elements = ELEMENTS[r.id];
  if (!elements) throw new Error(`no elements for ${r.id}`);
  return {
    code: r.id,
    indicator: Number(r.indicator),
    subindicator: r.subindicator,
    subgroupTh: r.subgroup_th,
    nameTh: r.name_th,
    nameEn: r.name_en,
    elements,
    conditions: r.conditions,
    periodRule: periodRule(r.period_rule),
    periodText: r.period_rule,
    noneRule: r.none_rule === '' ? null : r.none_rule,
    confidence: r.confidence,
  };
});

const set = {
  formatVersion: 1,
  id: 'nacc-ita-oit/2564/all',
  framework: 'nacc-ita-oit',
  fiscalYear: 2564,
  agencyType: 'all',
  titleTh: 'แบบวัดการเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2564',
  titleEn: 'Open Data Integrity and Transparency Assessment (OIT), fiscal year B.E. 2564',
  indicators: [
    { number: 9, nameTh: 'การเปิดเผยข้อมูล', nameEn: 'Open data' },
    { number: 10, nameTh: 'การป้องกันการทุจริต', nameEn: 'Corruption prevention' },
  ],
  subindicators: [
    { code: '9.1', indicator: 9, nameTh: 'ข้อมูลพื้นฐาน', nameEn: 'Basic information' },
    { code: '9.2', indicator: 9, nameTh: 'การบริหารงาน', nameEn: 'Administration' },
    { code: '9.3', indicator: 9, nameTh: 'การบริหารเงินงบประมาณ', nameEn: 'Budget management' },
    { code: '9.4', indicator: 9, nameTh: 'การบริหารและพัฒนาทรัพยากรบุคคล', nameEn: 'Human resource management and development' },
    { code: '9.5', indicator: 9, nameTh: 'การส่งเสริมความโปร่งใส', nameEn: 'Promoting transparency' },
    { code: '10.1', indicator: 10, nameTh: 'การดำเนินการเพื่อป้องกันการทุจริต', nameEn: 'Anti-corruption actions' },
    { code: '10.2', indicator: 10, nameTh: 'มาตรการภายในเพื่อป้องกันการทุจริต', nameEn: 'Internal anti-corruption measures' },
  ],
  items,
};

writeFileSync(outPath, JSON.stringify(set, null, 2) + '\n');
console.log(`wrote ${items.length} items to ${outPath}`);
