/**
 * Terms the Thai UI must not use (shared/domain/thai-ui-glossary.md): one term for each thing,
 * impersonal official style. Checked over every Thai string table by test/unit/i18n/glossary.test.ts.
 */
export interface BannedTerm {
  /** What is wrong, matched against one Thai string. */
  re: RegExp;
  use: string;
}

export const BANNED_THAI_TERMS: readonly BannedTerm[] = [
  { re: /องค์กร/, use: 'หน่วยงาน (the agency)' },
  {
    re: /หน่วยงานภายใน|เฉพาะหน่วยงาน|ตามหน่วยงาน|ทุกหน่วยงาน|แบ่งงานระหว่างหน่วยงาน/,
    use: 'กอง/สำนัก (ส่วนราชการภายใน) for an internal unit',
  },
  { re: /ชิ้น(?!ส่วน)/, use: 'รายการ (count evidence with รายการ)' },
  { re: /จับภาพ|ถ่ายภาพ/, use: 'บันทึกภาพหน้าจอ' },
  { re: /เส้นทางการคลิก|เส้นทางจากหน้าแรก/, use: 'เส้นทางเข้าถึงจากหน้าแรก' },
  { re: /ฟิลด์|ออบเจ็กต์/, use: 'ช่องข้อมูล / ออบเจกต์' },
  { re: /คุณ(?!ธรรม|ภาพ|สมบัติ|ค่า)/, use: 'impersonal wording (no คุณ)' },
  { re: /ของฉัน/, use: 'ในเครื่องนี้' },
  { re: /ติ๊ก/, use: 'เลือก / ทำเครื่องหมาย' },
  { re: /ไล่ลิงก์/, use: 'ตรวจลิงก์ต่อเนื่อง' },
  { re: /(?<!เครื่องหมาย)ถูก(?!ต้อง)/, use: 'active voice (no ถูก… passive)' },
  { re: /(?<!แบบ)ฟอร์ม/, use: 'แบบฟอร์ม' },
  // "URL" inside Thai running text; "(URL)" after a Thai word is right, and so is Chrome's own "URL ของไฟล์".
  {
    re: /[\u0E00-\u0E7F] ?URL(?! ?\)| ของไฟล์)|(?<!\()URL ?(?!ของไฟล์)[\u0E00-\u0E7F]/,
    use: 'ลิงก์ (URL): URL only in parentheses after a Thai word',
  },
];

/** The banned terms found in one Thai string. */
export function bannedTermsIn(text: string): BannedTerm[] {
  return BANNED_THAI_TERMS.filter((t) => t.re.test(text));
}
