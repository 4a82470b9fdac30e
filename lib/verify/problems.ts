/** The fixed problem vocabulary. Order is the display order. */
export const PROBLEM_CODES = [
  'broken',
  'timeout',
  'redirect-loop',
  'soft-404',
  'login-wall',
  'parked',
  'placeholder',
  'drifted',
  'year-missing',
  'unlinked',
  'document-changed',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];

export interface Bilingual {
  th: string;
  en: string;
}

export const PROBLEM_MESSAGES: Record<ProblemCode, Bilingual> = {
  broken: { th: 'ลิงก์เสีย (เปิดไม่ได้)', en: 'Broken link' },
  timeout: { th: 'หมดเวลารอการตอบกลับ', en: 'Timed out' },
  'redirect-loop': { th: 'เปลี่ยนเส้นทางวนซ้ำ', en: 'Redirect loop' },
  'soft-404': { th: 'หน้า "ไม่พบหน้า" (soft 404)', en: 'Not-found page (soft 404)' },
  'login-wall': { th: 'ต้องเข้าสู่ระบบก่อนจึงจะเห็น', en: 'Behind a login' },
  parked: { th: 'โดเมนถูกพัก/ขาย (parked)', en: 'Parked domain' },
  placeholder: { th: 'หน้ากำลังปรับปรุง ไม่มีข้อมูล', en: 'Placeholder page' },
  drifted: { th: 'เนื้อหาเปลี่ยนไปจากที่บันทึกไว้', en: 'Content changed since capture' },
  'year-missing': { th: 'ไม่พบปีงบประมาณที่กำหนด', en: 'Required fiscal year not mentioned' },
  unlinked: { th: 'ไม่มีลิงก์จากหน้าแรกของเว็บไซต์', en: 'Not linked from the main website' },
  'document-changed': { th: 'เอกสารถูกเปลี่ยน (SHA-256 ไม่ตรง)', en: 'Document changed (SHA-256 differs)' },
};

export function problemMessage(code: ProblemCode, lang: 'th' | 'en'): string {
  return PROBLEM_MESSAGES[code][lang];
}

export function sortProblems(codes: Iterable<ProblemCode>): ProblemCode[] {
  const set = new Set(codes);
  return PROBLEM_CODES.filter((c) => set.has(c));
}

export function isProblemCode(s: string): s is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(s);
}
