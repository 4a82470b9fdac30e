import type { Confidence } from '../criteria/types';
import type { ItemStatus } from '../evidence/types';
import { STATUS_LABELS } from './status';
import { defineMessages } from '../i18n/template';
import type { Lang } from '../i18n/language';

/** Labels used by the checklist dashboard. `{name}` marks a parameter. */
export const CHECKLIST_MESSAGES = {
  'status.unreviewed': STATUS_LABELS.unreviewed,
  'status.complete': STATUS_LABELS.complete,
  'status.incomplete': STATUS_LABELS.incomplete,
  'status.missing': STATUS_LABELS.missing,
  'status.needs-review': STATUS_LABELS['needs-review'],
  'status.counts': { th: 'จำนวนข้อตามสถานะ', en: 'Items by status' },
  'status.overridden': { th: 'กำหนดสถานะเอง: {reason}', en: 'Status set by hand: {reason}' },
  'score.estimate': { th: 'คะแนนโดยประมาณ (ไม่ใช่ผลคะแนนอย่างเป็นทางการ)', en: 'Estimated score (not the official score)' },
  'score.detail': {
    th: 'มีครบ {complete} จาก {total} ข้อ',
    en: '{complete} of {total} items complete',
  },
  'progress.unit': { th: 'กอง/สำนักที่รับผิดชอบ', en: 'Responsible unit' },
  'progress.unassigned': { th: 'ยังไม่กำหนดกอง/สำนัก', en: 'No unit assigned' },
  'item.overdue': { th: 'เลยกำหนด', en: 'Overdue' },
  'item.noEvidence': { th: 'ยังไม่มีหลักฐาน', en: 'No evidence yet' },
  'item.needsAttention': { th: 'ต้องติดตาม', en: 'Needs attention' },
  'item.unlinkedOnly': {
    th: 'หลักฐานทุกรายการของข้อนี้เปิดจากลิงก์โดยตรง หากเข้าถึงจากหน้าแรกไม่ได้ ผู้ประเมินอาจไม่ให้คะแนน',
    en: 'Every piece of evidence for this item was opened directly: assessors may not count it if it cannot be reached from the main website',
  },
  'item.missingElements': { th: 'ขาดองค์ประกอบ: {elements}', en: 'Missing elements: {elements}' },
  'confidence.C': { th: 'ชื่อข้อยังไม่ได้ตรวจกับคู่มือ', en: 'Wording not verified' },
  'confidence.B': { th: 'ชื่อข้อสรุปความ (ไม่ใช่ถ้อยคำในคู่มือ)', en: 'Wording reconstructed' },
  'urls.overCap': {
    th: 'มีลิงก์ {available} รายการ แต่ส่งในระบบได้ {cap} รายการ: เลือกลิงก์ที่จะส่ง',
    en: '{available} links found but only {cap} can be submitted: choose which to send',
  },
  'urls.none': { th: 'ยังไม่มีลิงก์ที่จะส่ง', en: 'No link to submit yet' },
  'explanation.draft': { th: 'ร่างอัตโนมัติจากเส้นทางเข้าถึง', en: 'Draft from the click-paths' },
  'tasks.upcoming': { th: 'กำหนดการถัดไป', en: 'Next deadlines' },
  'tasks.overdue': { th: 'งานที่เลยกำหนด', en: 'Overdue tasks' },
  'orphans.title': {
    th: 'หลักฐานของข้อที่ไม่มีในชุดเกณฑ์นี้',
    en: 'Evidence for items not in this criteria set',
  },
  'orphans.detail': { th: 'รหัสข้อที่ไม่พบ: {codes}', en: 'Unknown item codes: {codes}' },
  'orphans.untagged': { th: 'ยังไม่ได้ระบุข้อ', en: 'Not tagged to any item' },
} as const satisfies Record<string, { th: string; en: string }>;

export type ChecklistMessageCode = keyof typeof CHECKLIST_MESSAGES;
const checklistTable = defineMessages(CHECKLIST_MESSAGES);

export function checklistMessage(
  code: ChecklistMessageCode,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return checklistTable.format(code, lang, params);
}

export function statusLabel(status: ItemStatus, lang: Lang): string {
  return STATUS_LABELS[status][lang];
}

/**
 * C rows are placeholders, so their wording must be flagged; B rows carry a lighter note;
 * A rows (seen in a source) need none.
 */
export function confidenceNote(confidence: Confidence): ChecklistMessageCode | null {
  if (confidence === 'C') return 'confidence.C';
  if (confidence === 'B') return 'confidence.B';
  return null;
}
