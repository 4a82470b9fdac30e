import { describe, expect, it } from 'vitest';
import { CHECKLIST_MESSAGES, checklistMessage, confidenceNote, statusLabel } from '../../../lib/checklist/messages';

describe('checklist messages', () => {
  it('labels the score as an estimate', () => {
    expect(checklistMessage('score.estimate', 'th')).toBe('คะแนนโดยประมาณ (ไม่ใช่ผลคะแนนอย่างเป็นทางการ)');
  });

  it('fills parameters and leaves unknown ones visible', () => {
    expect(checklistMessage('urls.overCap', 'th', { available: 7, cap: 5 })).toBe(
      'มีลิงก์ 7 รายการ แต่ส่งในระบบได้ 5 รายการ: เลือกลิงก์ที่จะส่ง',
    );
    expect(checklistMessage('urls.overCap', 'en', { available: 7 })).toContain('{cap}');
  });

  it('flags placeholder and reconstructed wording, not sourced rows', () => {
    expect(confidenceNote('C')).toBe('confidence.C');
    expect(checklistMessage('confidence.C', 'th')).toBe('ชื่อข้อยังไม่ได้ตรวจกับคู่มือ');
    expect(confidenceNote('B')).toBe('confidence.B');
    expect(checklistMessage('confidence.B', 'th')).toBe('ชื่อข้อสรุปความ (ไม่ใช่ถ้อยคำในคู่มือ)');
    expect(confidenceNote('A')).toBeNull();
  });

  it('warns when an item rests only on pages opened directly', () => {
    expect(checklistMessage('item.unlinkedOnly', 'th')).toBe(
      'หลักฐานทุกรายการของข้อนี้เปิดจากลิงก์โดยตรง หากเข้าถึงจากหน้าแรกไม่ได้ ผู้ประเมินอาจไม่ให้คะแนน',
    );
    expect(checklistMessage('item.unlinkedOnly', 'en')).toMatch(
      /^Every piece of evidence for this item was opened directly/,
    );
  });

  it('has Thai and English for every message', () => {
    for (const [code, text] of Object.entries(CHECKLIST_MESSAGES)) {
      expect(text.th.trim(), code).not.toBe('');
      expect(text.en.trim(), code).not.toBe('');
    }
    expect(statusLabel('incomplete', 'th')).toBe('ไม่สมบูรณ์');
  });
});
