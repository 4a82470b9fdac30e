/** Error codes produced while loading a criteria set, and their Thai/English messages. */

import { defineMessages } from '../i18n/template';
import type { Lang } from '../i18n/language';

export type CriteriaErrorCode =
  | 'json-syntax'
  | 'too-large'
  | 'not-object'
  | 'missing-field'
  | 'wrong-type'
  | 'format-version'
  | 'empty-string'
  | 'string-too-long'
  | 'bad-id'
  | 'empty-list'
  | 'duplicate-indicator'
  | 'bad-subindicator-code'
  | 'duplicate-subindicator'
  | 'unknown-indicator'
  | 'bad-code'
  | 'duplicate-code'
  | 'unknown-subindicator'
  | 'subindicator-mismatch'
  | 'bad-element-key'
  | 'duplicate-element-key'
  | 'bad-period-rule'
  | 'bad-date'
  | 'bad-confidence'
  | 'unknown-element'
  | 'group-element-required'
  | 'bad-group-min'
  | 'bad-hint-rule'
  | 'unknown-item'
  | 'oit-item-count'
  | 'oit-missing-code'
  | 'oit-wrong-subindicator';

export type CriteriaErrorParams = Record<string, string | number>;

export interface CriteriaError {
  code: CriteriaErrorCode;
  /** Field path such as "items[4].elements[1].key"; "" is the whole document. */
  path: string;
  params: CriteriaErrorParams;
  /** 1-based line in the source text, when the set was parsed from text and the field was found. */
  line?: number;
  column?: number;
}

export type CriteriaResult<T> = { ok: true; set: T } | { ok: false; errors: CriteriaError[] };

export const CRITERIA_MESSAGES: Record<CriteriaErrorCode, { th: string; en: string }> = {
  'json-syntax': { th: 'ไฟล์ JSON ไม่ถูกต้อง: {message}', en: 'Invalid JSON: {message}' },
  'too-large': { th: 'ไฟล์ใหญ่เกินไป ({size} ไบต์ สูงสุด {max})', en: 'File too large ({size} bytes, max {max})' },
  'not-object': { th: 'ต้องเป็นออบเจกต์', en: 'Must be an object' },
  'missing-field': { th: 'ไม่มีช่องข้อมูลที่จำเป็น "{field}"', en: 'Required field "{field}" is missing' },
  'wrong-type': {
    th: 'ชนิดข้อมูลไม่ถูกต้อง: ต้องเป็น {expected} แต่พบ {actual}',
    en: 'Wrong type: expected {expected}, found {actual}',
  },
  'format-version': {
    th: 'ไม่รองรับรูปแบบเวอร์ชัน {found} (รองรับ 1 และ 2)',
    en: 'Unsupported formatVersion {found} (1 and 2 are supported)',
  },
  'empty-string': { th: 'ต้องไม่เป็นข้อความว่าง', en: 'Must not be empty' },
  'string-too-long': {
    th: 'ข้อความยาวเกินไป ({length} ตัวอักษร สูงสุด {max})',
    en: 'Text too long ({length} characters, max {max})',
  },
  'bad-id': { th: 'รหัสชุดเกณฑ์ต้องเป็น "{expected}" แต่พบ "{found}"', en: 'Set id must be "{expected}", found "{found}"' },
  'empty-list': { th: 'รายการต้องมีอย่างน้อยหนึ่งรายการ', en: 'The list must not be empty' },
  'duplicate-indicator': { th: 'ตัวชี้วัดที่ {number} ซ้ำ', en: 'Duplicate indicator {number}' },
  'bad-subindicator-code': {
    th: 'รหัสตัวชี้วัดย่อย "{code}" ต้องขึ้นต้นด้วย "{indicator}."',
    en: 'Sub-indicator code "{code}" must start with "{indicator}."',
  },
  'duplicate-subindicator': { th: 'ตัวชี้วัดย่อย {code} ซ้ำ', en: 'Duplicate sub-indicator {code}' },
  'unknown-indicator': { th: 'ไม่พบตัวชี้วัดที่ {indicator}', en: 'Unknown indicator {indicator}' },
  'bad-code': { th: 'รหัสข้อ "{code}" ไม่ถูกต้อง (เช่น O1)', en: 'Invalid item code "{code}" (e.g. O1)' },
  'duplicate-code': { th: 'รหัสข้อ {code} ซ้ำ', en: 'Duplicate item code {code}' },
  'unknown-subindicator': { th: 'ไม่พบตัวชี้วัดย่อย {subindicator}', en: 'Unknown sub-indicator {subindicator}' },
  'subindicator-mismatch': {
    th: 'ตัวชี้วัดย่อย {subindicator} อยู่ในตัวชี้วัดที่ {expected} ไม่ใช่ {actual}',
    en: 'Sub-indicator {subindicator} belongs to indicator {expected}, not {actual}',
  },
  'bad-element-key': {
    th: 'คีย์องค์ประกอบ "{key}" ไม่ถูกต้อง (ใช้ A-Z a-z 0-9 _ - ขึ้นต้นด้วยตัวอักษร)',
    en: 'Invalid element key "{key}" (use A-Z a-z 0-9 _ -, starting with a letter)',
  },
  'duplicate-element-key': { th: 'คีย์องค์ประกอบ "{key}" ซ้ำในข้อเดียวกัน', en: 'Duplicate element key "{key}" in the item' },
  'bad-period-rule': { th: 'กฎช่วงเวลา "{kind}" ไม่ถูกต้อง', en: 'Invalid period rule "{kind}"' },
  'bad-date': {
    th: 'วันที่ "{value}" ต้องอยู่ในรูปแบบ ปปปป-ดด-วว (ค.ศ.)',
    en: 'Date "{value}" must be yyyy-mm-dd (Gregorian)',
  },
  'bad-confidence': { th: 'ระดับความมั่นใจ "{value}" ต้องเป็น A, B หรือ C', en: 'Confidence "{value}" must be A, B or C' },
  'unknown-element': { th: 'ไม่พบองค์ประกอบ "{key}" ในข้อนี้', en: 'No element "{key}" in this item' },
  'group-element-required': {
    th: 'องค์ประกอบ "{key}" อยู่ในกลุ่ม "อย่างน้อย … อย่าง" จึงต้องกำหนด required เป็น false',
    en: 'Element "{key}" is in an any-of group, so its "required" must be false',
  },
  'bad-group-min': {
    th: 'จำนวนขั้นต่ำ {min} ต้องอยู่ระหว่าง 1 ถึง {count}',
    en: 'Minimum {min} must be between 1 and {count}',
  },
  'bad-hint-rule': { th: 'กฎช่วยตรวจ "{kind}" ไม่ถูกต้อง', en: 'Invalid hint rule "{kind}"' },
  'unknown-item': { th: 'ไม่พบข้อ {code} ในชุดเกณฑ์นี้', en: 'Item {code} is not in this set' },
  'oit-item-count': {
    th: 'ชุดเกณฑ์ OIT 2564 ต้องมี 43 ข้อ แต่พบ {count}',
    en: 'The OIT 2564 set must have 43 items, found {count}',
  },
  'oit-missing-code': { th: 'ไม่พบข้อ {code}', en: 'Item {code} is missing' },
  'oit-wrong-subindicator': {
    th: 'ข้อ {code} ต้องอยู่ในตัวชี้วัดย่อย {expected} แต่พบ {actual}',
    en: 'Item {code} must be in sub-indicator {expected}, found {actual}',
  },
};

const criteriaTable = defineMessages(CRITERIA_MESSAGES);

export function formatCriteriaError(e: CriteriaError, lang: Lang): string {
  const text = criteriaTable.format(e.code, lang, e.params);
  const where = [e.path || (lang === 'th' ? '(ทั้งเอกสาร)' : '(document)')];
  if (e.line !== undefined) {
    where.push(lang === 'th' ? `บรรทัด ${e.line}` : `line ${e.line}`);
    if (e.column !== undefined) where.push(lang === 'th' ? `คอลัมน์ ${e.column}` : `column ${e.column}`);
  }
  return `${where.join(', ')}: ${text}`;
}
