/** checklist.csv and itas.csv: UTF-8 with a BOM (so Excel reads Thai), CRLF, RFC 4180 quoting. */
import { formatDateBE } from '../i18n/buddhist-era';
import type { ManifestItem } from './manifest';
import { STATUS_LABELS } from '../checklist/status';

const BOM = '\uFEFF';

/**
 * A formula start (= + - @), at the start of the cell or after a `;`, tab or line break inside it:
 * spreadsheets that split cells on `;` or tabs (other locales, pasting) would start a new cell there.
 */
const FORMULA_AFTER_SPLIT = /([;\t\r\n])([ ]*)([=+\-@])/g;

/** Quotes when needed; neutralises spreadsheet formulas in text that came from pages or people. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === 'string') {
    s = s.replace(FORMULA_AFTER_SPLIT, "$1$2'$3");
    if (/^[ ]*[=+\-@\t\r]/.test(s)) s = `'${s}`;
  }
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return BOM + rows.map((r) => r.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function checklistCsv(items: readonly ManifestItem[]): string {
  const header = [
    'ข้อ',
    'รายการ',
    'สถานะ',
    'มี/ไม่มี',
    'หน่วยงานที่รับผิดชอบ',
    'ผู้รับผิดชอบ',
    'กำหนดส่ง',
    'จำนวนหลักฐาน',
    'URL',
    'หมายเหตุ',
  ];
  const rows = items.map((i) => [
    i.code,
    i.nameTh,
    STATUS_LABELS[i.status].th,
    i.answer,
    i.unit,
    i.assignee,
    i.dueDate ? formatDateBE(i.dueDate, 'th') : '',
    i.evidenceIds.length,
    i.urls.join('\n'),
    i.statusOverride ? `${i.notes}${i.notes ? '\n' : ''}กำหนดสถานะเอง: ${i.statusOverride.reason}` : i.notes,
  ]);
  return toCsv([header, ...rows]);
}

/**
 * One row per item with the answer, up to `urlCap` URL columns and คำอธิบายเพิ่มเติม, as ITAS asks, then a
 * note for the coordinator (incomplete, needs review, no URL) that is not typed into ITAS.
 */
export function itasCsv(items: readonly ManifestItem[], urlCap: number): string {
  const cols = Math.max(1, urlCap);
  const header = [
    'ข้อ',
    'คำตอบ',
    ...Array.from({ length: cols }, (_, k) => `URL ${k + 1}`),
    'คำอธิบายเพิ่มเติม',
    'หมายเหตุ (ไม่ต้องส่ง)',
  ];
  const rows = items.map((i) => [
    i.code,
    i.answer,
    ...Array.from({ length: cols }, (_, k) => i.urls[k] ?? ''),
    i.explanationText,
    i.answerNote ?? '',
  ]);
  return toCsv([header, ...rows]);
}
