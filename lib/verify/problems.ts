/** The fixed problem vocabulary. Order is the display order. */
import type { AddressRefusal } from '../net/network-policy';

export const PROBLEM_CODES = [
  'broken',
  'timeout',
  'redirect-loop',
  'blocked-address',
  'too-large',
  'soft-404',
  'login-wall',
  'parked',
  'placeholder',
  'drifted',
  'year-missing',
  'unlinked',
  'document-changed',
  'broken-document',
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
  'blocked-address': { th: 'ไม่ตรวจ: ที่อยู่เป็นเครือข่ายภายในหรือไม่ปลอดภัย', en: 'Not checked: private or unsafe address' },
  'too-large': { th: 'ไม่ตรวจ: เนื้อหาใหญ่เกินขนาดที่กำหนด', en: 'Not checked: larger than the size limit' },
  'soft-404': { th: 'หน้า "ไม่พบหน้า" (soft 404)', en: 'Not-found page (soft 404)' },
  'login-wall': { th: 'ต้องเข้าสู่ระบบก่อนจึงจะเห็น', en: 'Behind a login' },
  parked: { th: 'โดเมนพักไว้หรือประกาศขาย (parked)', en: 'Parked domain' },
  placeholder: { th: 'หน้ากำลังปรับปรุง ไม่มีข้อมูล', en: 'Placeholder page' },
  drifted: { th: 'เนื้อหาเปลี่ยนไปจากที่บันทึกไว้', en: 'Content changed since capture' },
  'year-missing': { th: 'ไม่พบปีงบประมาณที่กำหนด', en: 'Required fiscal year not mentioned' },
  unlinked: { th: 'ไม่มีลิงก์จากหน้าแรกของเว็บไซต์', en: 'Not linked from the main website' },
  'document-changed': { th: 'เอกสารเปลี่ยนไป (SHA-256 ไม่ตรง)', en: 'Document changed (SHA-256 differs)' },
  'broken-document': { th: 'เอกสารที่หน้านี้ลิงก์ไว้เปิดไม่ได้', en: 'A document this page links to is broken' },
};

export function problemMessage(code: ProblemCode, lang: 'th' | 'en'): string {
  return PROBLEM_MESSAGES[code][lang];
}

const REFUSAL_REASONS: Record<AddressRefusal['reason'], Bilingual> = {
  'not-http': { th: 'ไม่ใช่ http หรือ https', en: 'not http or https' },
  'invalid-url': { th: 'ลิงก์ไม่ถูกต้อง', en: 'invalid link' },
  public: { th: 'ที่อยู่สาธารณะ', en: 'public address' },
  loopback: {
    th: 'เครื่องนี้เอง (loopback) ใช้ --allow-private หากตั้งใจ',
    en: 'this machine (loopback); use --allow-private if intended',
  },
  private: { th: 'เครือข่ายภายใน ใช้ --allow-private หากตั้งใจ', en: 'private network; use --allow-private if intended' },
  'unique-local': {
    th: 'เครือข่ายภายใน IPv6 ใช้ --allow-private หากตั้งใจ',
    en: 'private IPv6 network; use --allow-private if intended',
  },
  'link-local': {
    th: 'link-local (169.254.x.x, fe80::) ไม่อนุญาตเสมอ',
    en: 'link-local (169.254.x.x, fe80::), always refused',
  },
  unspecified: { th: 'ที่อยู่ว่าง (0.0.0.0, ::) ไม่อนุญาตเสมอ', en: 'unspecified address (0.0.0.0, ::), always refused' },
  metadata: { th: 'บริการ metadata ของคลาวด์ ไม่อนุญาตเสมอ', en: 'cloud metadata service, always refused' },
  reserved: { th: 'ที่อยู่สงวนหรือ multicast ไม่อนุญาตเสมอ', en: 'reserved or multicast address, always refused' },
};

/** "169.254.169.254: link-local (…), always refused" — which address, and why. */
export function refusalMessage(r: { reason: string; host: string; address: string | null }, lang: 'th' | 'en'): string {
  const what = r.address && r.address !== r.host ? `${r.host} → ${r.address}` : r.host;
  const why = (REFUSAL_REASONS as Record<string, Bilingual | undefined>)[r.reason]?.[lang] ?? r.reason;
  return what ? `${what}: ${why}` : why;
}

export function sortProblems(codes: Iterable<ProblemCode>): ProblemCode[] {
  const set = new Set(codes);
  return PROBLEM_CODES.filter((c) => set.has(c));
}

export function isProblemCode(s: string): s is ProblemCode {
  return (PROBLEM_CODES as readonly string[]).includes(s);
}
