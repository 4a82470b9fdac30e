import { describe, expect, it } from 'vitest';
import { defineMessages, fillTemplate } from '../../../lib/i18n/template';

describe('message tables', () => {
  const m = defineMessages({
    saved: { th: 'บันทึกเป็นหลักฐานข้อ {code} แล้ว', en: 'Saved as {code}' },
    plain: { th: 'ไม่มีข้อมูล', en: 'No data' },
  });

  it('formats a code in either language, filling its placeholders', () => {
    expect(m.format('saved', 'th', { code: 'O5' })).toBe('บันทึกเป็นหลักฐานข้อ O5 แล้ว');
    expect(m.format('saved', 'en', { code: 'O5' })).toBe('Saved as O5');
    expect(m.format('plain', 'en')).toBe('No data');
  });

  it('leaves an unknown placeholder as written, so a missing parameter shows', () => {
    expect(m.format('saved', 'en')).toBe('Saved as {code}');
    expect(fillTemplate('{a} and {b}', { a: 1 })).toBe('1 and {b}');
  });

  it('tells its own codes from anything else', () => {
    expect(m.has('saved')).toBe(true);
    expect(m.has('toString')).toBe(false);
  });
});
