/** Validation shared by the item and task repositories. Errors carry a code for the UI's message table. */
export type RecordErrorCode =
  | 'override-reason-required'
  | 'invalid-status'
  | 'invalid-date'
  | 'invalid-date-range'
  | 'invalid-url'
  | 'invalid-field'
  | 'title-required'
  | 'not-found';

export class RecordValidationError extends Error {
  constructor(
    readonly code: RecordErrorCode,
    /** The offending field, e.g. "dueDate" or "submitUrls[2]". */
    readonly field: string,
    readonly value?: unknown,
  ) {
    super(`${code}: ${field}`);
    this.name = 'RecordValidationError';
  }
}

export const RECORD_ERROR_MESSAGES: Record<RecordErrorCode, { th: string; en: string }> = {
  'override-reason-required': {
    th: 'ต้องระบุเหตุผลเมื่อกำหนดสถานะเอง',
    en: 'A reason is required to set a status by hand',
  },
  'invalid-status': { th: 'สถานะไม่ถูกต้อง', en: 'Invalid status' },
  'invalid-date': { th: 'วันที่ไม่ถูกต้อง', en: 'Invalid date' },
  'invalid-date-range': { th: 'วันเริ่มต้องไม่หลังวันสิ้นสุด', en: 'The start must not be after the end' },
  'invalid-url': { th: 'ลิงก์ต้องขึ้นต้นด้วย http:// หรือ https://', en: 'Links must start with http:// or https://' },
  'invalid-field': { th: 'ข้อมูลไม่ถูกต้อง', en: 'Invalid value' },
  'title-required': { th: 'ต้องระบุชื่องาน', en: 'A task title is required' },
  'not-found': { th: 'ไม่พบรายการ', en: 'Not found' },
};

/** A real calendar date written yyyy-mm-dd (Gregorian). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

export function requireString(value: unknown, field: string): string {
  if (typeof value !== 'string') throw new RecordValidationError('invalid-field', field, value);
  return value;
}
