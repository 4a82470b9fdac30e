import type { TaskRecord } from '../evidence/types';
import { BE_OFFSET } from '../i18n/buddhist-era';

const PERSON_A = 'นายชานนท์ ธนุรเวท';
const PERSON_B = 'นายปรินทร์ พรามสุภา';
const PERSON_C = 'นายณัฐวรราช บุญนิ่ม';

/** [title, start mm-dd, end mm-dd, people], from the calendar (เอกสารหมายเลข ๒) of the 2564 memo. */
const MEMO_CALENDAR: readonly [string, string, string, string][] = [
  ['แจ้งหน่วยงานที่เกี่ยวข้องจัดทำข้อมูลผู้มีส่วนได้เสียภายนอก', '02-01', '02-18', 'ทุกหน่วยงาน'],
  ['นำเข้าข้อมูลผู้มีส่วนได้เสียภายใน', '02-01', '02-18', PERSON_A],
  ['นำเข้าข้อมูลผู้มีส่วนได้เสียภายนอก', '02-19', '03-15', PERSON_A],
  ['ตรวจสอบข้อมูลการเปิดเผยข้อมูลทางเว็บไซต์ ตามเกณฑ์ O1–O43', '02-19', '02-28', `${PERSON_A}, ${PERSON_B}`],
  ['แจ้งหน่วยงานที่เกี่ยวข้องจัดทำ/จัดส่งข้อมูลตามเกณฑ์การประเมิน O1–O43', '03-01', '03-15', `${PERSON_A}, ${PERSON_B}`],
  [
    'รวบรวมข้อมูลตามเกณฑ์การประเมิน O1–O43 จัดทำเป็นไฟล์ PDF ส่งกองวิชาการและแผนงานเผยแพร่ในเว็บไซต์',
    '03-01',
    '03-15',
    `${PERSON_A}, ${PERSON_B}`,
  ],
  ['แจ้งบุคลากรและผู้มีส่วนได้เสียภายนอกตอบแบบประเมิน และติดตามให้ได้ตามเกณฑ์ขั้นต่ำ', '03-01', '04-20', PERSON_A],
  ['ตอบแบบเปิดเผยข้อมูล (OIT) ในระบบ', '03-01', '04-20', PERSON_A],
  ['ตรวจสอบการตอบแบบสอบถาม OIT และรายงานให้ปลัดเทศบาลทราบ', '04-21', '04-25', PERSON_C],
  ['ตรวจสอบผลการให้คะแนนแบบวัด OIT ของคณะกรรมการ และชี้แจงเพิ่มเติม', '06-01', '06-15', PERSON_A],
];

/**
 * The memo's task calendar for fiscal year `fiscalYear` (Buddhist Era). Every date falls between
 * February and June, i.e. in Gregorian year fiscalYear − 543 (FY 2564 runs Oct 2020 – Sep 2021).
 * Ids are stable so that seeding twice does not duplicate.
 */
export function memoTasks(fiscalYear: number): TaskRecord[] {
  const year = String(fiscalYear - BE_OFFSET).padStart(4, '0');
  return MEMO_CALENDAR.map(([title, start, end, people], index) => ({
    id: `memo-${fiscalYear}-${String(index + 1).padStart(2, '0')}`,
    title,
    start: `${year}-${start}`,
    end: `${year}-${end}`,
    people,
    done: false,
  }));
}
