import type { Lang } from '../i18n/language';
import { defineMessages } from '../i18n/template';
/** Thai/English texts for capture errors and hint warnings; lib code returns codes + params. */

export type CaptureMessageCode =
  | 'restricted-page'
  | 'file-access-missing'
  | 'quota-exceeded'
  | 'permission-missing'
  | 'storage-full'
  | 'cancelled'
  | 'document-too-large'
  | 'capture-refused'
  | 'document-failed'
  | 'document-type'
  | 'tab-changed'
  | 'capture-busy'
  | 'capture-failed'
  | 'hint-only-other-years'
  | 'hint-placeholder'
  | 'hint-no-year'
  | 'hint-plan-too-short'
  | 'hint-year-only-in-site-chrome'
  | 'hint-first-half-incomplete'
  | 'hint-no-signature'
  | 'hint-not-current-executive';

type Params = Record<string, string | number>;

export const CAPTURE_MESSAGES: Record<CaptureMessageCode, { th: string; en: string }> = {
  'restricted-page': {
    th: 'หน้านี้บันทึกไม่ได้: เบราว์เซอร์ไม่อนุญาตให้ส่วนขยายเข้าถึงหน้า {url} (เช่น หน้าตั้งค่า chrome:// หรือ Chrome เว็บสโตร์)',
    en: 'This page cannot be captured: the browser does not let extensions access {url} (e.g. chrome:// pages or the Chrome Web Store).',
  },
  'file-access-missing': {
    th: 'ยังไม่ได้อนุญาตให้เข้าถึงไฟล์ในเครื่อง: เปิดหน้าจัดการส่วนขยายแล้วเปิด "อนุญาตให้เข้าถึง URL ของไฟล์"',
    en: 'Access to local files is off: open the extension details page and turn on "Allow access to file URLs".',
  },
  'quota-exceeded': {
    th: 'เบราว์เซอร์จำกัดจำนวนการบันทึกภาพหน้าจอต่อวินาที ลองใหม่อีกครั้งในอีกสักครู่',
    en: 'The browser limits how many screenshots can be taken per second. Try again in a moment.',
  },
  'permission-missing': {
    th: 'ส่วนขยายยังไม่ได้รับสิทธิ์บันทึกภาพหน้าจอหน้านี้ คลิกปุ่มส่วนขยายบนแถบเครื่องมือแล้วลองอีกครั้ง',
    en: 'The extension has no permission to capture this page. Click the extension button in the toolbar and try again.',
  },
  'storage-full': {
    th: 'พื้นที่จัดเก็บเต็ม: ส่งออกแล้วลบหลักฐานเก่าที่ไม่ใช้ก่อนบันทึกเพิ่ม',
    en: 'Storage is full: export, then delete old evidence you no longer need before capturing more.',
  },
  cancelled: {
    th: 'ยกเลิกการบันทึกแล้ว (มีการเปลี่ยนหรือปิดหน้าเว็บระหว่างบันทึก)',
    en: 'Capture cancelled (the tab navigated away or closed during the capture).',
  },
  'document-too-large': {
    th: 'ไฟล์มีขนาด {size} MB เกินขนาดสูงสุด {limit} MB ยังไม่ได้บันทึกหลักฐานนี้ เอาเครื่องหมายที่ไฟล์นั้นออกแล้วบันทึกใหม่ (ลิงก์ยังอยู่ในภาพหน้าเว็บ)',
    en: 'The file is {size} MB, over the {limit} MB limit, so nothing was saved. Untick it and save again (its link stays in the page capture).',
  },
  'capture-refused': {
    th: 'เบราว์เซอร์ปฏิเสธการบันทึกภาพหน้าจอหน้านี้',
    en: 'The browser refused to capture this page.',
  },
  // {detail} is the document's number in the list: never its URL or HTTP status (the page can read this text).
  'document-failed': {
    th: 'เก็บไฟล์เอกสารลำดับที่ {detail} ไม่สำเร็จ จึงยังไม่ได้บันทึกหลักฐานนี้ เอาเครื่องหมายที่ไฟล์นั้นออกแล้วบันทึกใหม่',
    en: 'Document {detail} could not be stored, so nothing was saved. Untick it and save again.',
  },
  'document-type': {
    th: 'ไฟล์เอกสารลำดับที่ {detail} ไม่ใช่เอกสาร PDF/Word/Excel/รูปภาพ จึงยังไม่ได้บันทึกหลักฐานนี้ เอาเครื่องหมายที่ไฟล์นั้นออกแล้วบันทึกใหม่',
    en: 'Document {detail} is not a PDF, Word, Excel or image file, so nothing was saved. Untick it and save again.',
  },
  'tab-changed': {
    th: 'ยกเลิกการบันทึกแล้ว เพราะมีการสลับไปแท็บอื่นระหว่างบันทึก (ภาพจะเป็นของแท็บอื่น) อยู่ที่แท็บนี้แล้วบันทึกใหม่',
    en: 'Capture cancelled: another tab was brought to the front during the capture (the screenshot would show that tab). Stay on this tab and save again.',
  },
  'capture-busy': {
    th: 'กำลังบันทึกหน้านี้อยู่อีกรายการหนึ่ง จึงยังไม่ได้บันทึก รอให้รายการนั้นเสร็จแล้วกดบันทึกอีกครั้ง',
    en: 'Another capture of this page is still running, so nothing was saved yet. Wait for it to finish, then save again.',
  },
  'capture-failed': {
    th: 'บันทึกหน้าไม่สำเร็จ: {detail}',
    en: 'Capture failed: {detail}',
  },
  'hint-only-other-years': {
    th: 'หน้านี้กล่าวถึงปี {years} แต่ไม่พบปี {year} ที่ต้องการ',
    en: 'This page mentions {years} but not the required year {year}.',
  },
  'hint-placeholder': {
    th: 'หน้านี้มีข้อความว่ายังไม่มีข้อมูล ("{match}") ผู้ประเมินอาจไม่นับ',
    en: 'This page says its content is not ready ("{match}"); assessors may not count it.',
  },
  'hint-no-year': {
    th: 'ไม่พบปี พ.ศ. บนหน้านี้ ตรวจสอบว่าเป็นข้อมูลปี {year}',
    en: 'No Buddhist Era year found on this page; check that it is data for {year}.',
  },
  'hint-plan-too-short': {
    th: 'แผนบนหน้านี้มีระยะ 1 ปี ข้อนี้ต้องการแผนที่มีระยะมากกว่า 1 ปีและครอบคลุมปี {year}',
    en: 'The plan on this page spans one year; this item needs a plan of more than one year covering {year}.',
  },
  'hint-year-only-in-site-chrome': {
    th: 'ปี {year} ปรากฏเฉพาะในเมนู ส่วนหัว หรือส่วนท้ายของเว็บไซต์ ไม่ใช่ในเนื้อหาของหน้านี้',
    en: "The year {year} appears only in the site menu, header or footer, not in this page's content.",
  },
  'hint-first-half-incomplete': {
    th: 'ยังไม่พบข้อมูลเดือน {months} (ต้องครบทุกเดือน ต.ค. – มี.ค.)',
    en: 'No data found for {months} (every month from October to March is needed).',
  },
  'hint-no-signature': {
    th: 'ไม่พบการลงนามของผู้บริหารสูงสุดบนหน้านี้',
    en: 'No signature of the top executive found on this page.',
  },
  'hint-not-current-executive': {
    th: 'ไม่พบชื่อผู้บริหารคนปัจจุบัน (ตามหลักฐานข้อข้อมูลผู้บริหาร) บนหน้านี้',
    en: 'The current executive named in the executives item is not on this page.',
  },
};

const captureTable = defineMessages(CAPTURE_MESSAGES);

export function captureMessage(code: CaptureMessageCode, lang: Lang, params: Params = {}): string {
  return captureTable.format(code, lang, params);
}
