/** Strings of the re-verify panel and the verdict badges. Both languages carry the same keys. */

import { fillTemplate } from './template';

const th = {
  title: 'ตรวจลิงก์หลักฐานซ้ำ',
  intro: 'ตรวจว่าลิงก์ (URL) ของหลักฐานทุกรายการและเอกสารที่เก็บไว้ยังเปิดได้ เนื้อหายังตรงกับที่บันทึกไว้ และยังมีลิงก์จากหน้าแรก',
  start: 'ตรวจลิงก์ซ้ำ',
  cancel: 'ยกเลิก',
  resume: 'ตรวจต่อจากเดิม',
  resumeOffer: 'การตรวจครั้งก่อนหยุดไว้ที่ {done} / {total} รายการ',
  crawl: 'ตรวจว่ามีลิงก์จากเว็บไซต์หลัก',
  crawlNoHome: 'ยังไม่ได้ตั้งค่าที่อยู่เว็บไซต์หลัก (URL) จึงข้ามการตรวจลิงก์จากหน้าแรก',
  progress: 'ความคืบหน้าการตรวจลิงก์',
  crawling: 'กำลังตรวจลิงก์ต่อเนื่องจากหน้าแรก…',
  checking: 'กำลังตรวจ…',
  finished: 'ตรวจเสร็จแล้ว: ใช้ได้ {ok} รายการ ต้องแก้ไข {bad} รายการ',
  cancelled: 'ยกเลิกการตรวจแล้ว เก็บผลที่ตรวจเสร็จแล้ว {done} / {total} รายการไว้',
  failed: 'การตรวจล้มเหลว: {detail}',
  nothing: 'ยังไม่มีหลักฐานให้ตรวจ เก็บหลักฐานจากหน้าเว็บก่อน',
  noResults: 'ยังไม่มีผลการตรวจ',
  results: 'ผลการตรวจลิงก์',
  needsAttentionOnly: 'แสดงเฉพาะรายการที่ต้องแก้ไข',
  colUrl: 'ลิงก์ (URL)',
  colCriterion: 'ข้อ',
  colVerdict: 'ผล',
  colProblems: 'ปัญหา',
  colSimilarity: 'ความตรงกับที่บันทึกไว้ (%)',
  colLinkPath: 'เส้นทางเข้าถึงจากหน้าแรก',
  colCheckedAt: 'ตรวจเมื่อ',
  verdictOk: 'ลิงก์ใช้ได้',
  verdictBad: 'ต้องแก้ไข',
  badgeBad: 'ต้องแก้ไข: {problems}',
  document: 'เอกสาร',
  home: 'หน้าแรก',
  pathNotFound: 'ไม่พบเส้นทาง',
  pathNotChecked: 'ไม่ได้ตรวจ',
  noPermission:
    'ส่วนขยายไม่มีสิทธิ์อ่านเว็บไซต์นี้ จึงตรวจไม่ได้ (ไม่ได้แปลว่าลิงก์เสีย) เปิดหน้าตั้งค่าแล้วกด "อนุญาตการบันทึกภาพหน้าจอจากปุ่มบนหน้าเว็บ" เพื่ออนุญาตทุกเว็บไซต์ แล้วตรวจซ้ำ',
  openSettings: 'เปิดหน้าตั้งค่า',
  shown: 'แสดง {shown} จาก {total} รายการ',
  showMore: 'แสดงเพิ่มอีก {count} รายการ',
};

const en: Record<keyof typeof th, string> = {
  title: 'Re-verify evidence links',
  intro:
    'Checks that every tagged URL and every stored document still opens, still shows what was captured, and is still linked from the home page.',
  start: 'Re-verify',
  cancel: 'Cancel',
  resume: 'Resume',
  resumeOffer: 'The last run stopped at {done} / {total}.',
  crawl: 'Check that pages are linked from the main website',
  crawlNoHome: 'No main website URL is set up, so the home-page link check is skipped.',
  progress: 'Re-verify progress',
  crawling: 'Following links from the home page…',
  checking: 'Checking…',
  finished: 'Finished: {ok} OK, {bad} need attention.',
  cancelled: 'Cancelled. The {done} / {total} results already checked are kept.',
  failed: 'Re-verify failed: {detail}',
  nothing: 'No evidence to check yet: tag some pages first.',
  noResults: 'No results yet.',
  results: 'Link check results',
  needsAttentionOnly: 'Needs attention only',
  colUrl: 'URL',
  colCriterion: 'Item',
  colVerdict: 'Verdict',
  colProblems: 'Problems',
  colSimilarity: 'Similarity',
  colLinkPath: 'Link path from home',
  colCheckedAt: 'Checked',
  verdictOk: 'Link OK',
  verdictBad: 'Needs attention',
  badgeBad: 'Needs attention: {problems}',
  document: 'Document',
  home: 'Home',
  pathNotFound: 'Not found',
  pathNotChecked: 'Not checked',
  noPermission:
    'The extension has no permission to read this site, so it could not be checked (this does not mean the link is broken). Open the settings page, allow access to all sites, then re-verify.',
  openSettings: 'Open settings',
  shown: 'Showing {shown} of {total}',
  showMore: 'Show {count} more',
};

export type VerifyUiKey = keyof typeof th;

export const VERIFY_UI_STRINGS: Record<'th' | 'en', Record<VerifyUiKey, string>> = { th, en };

export function verifyText(lang: 'th' | 'en', key: VerifyUiKey, params: Record<string, string | number> = {}): string {
  return fillTemplate(VERIFY_UI_STRINGS[lang][key], params);
}
