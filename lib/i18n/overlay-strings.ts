/**
 * The only strings the always-injected overlay shows itself (the tag button, the picker's hint, a
 * form that did not load): it imports these alone, so that its script stays small.
 */
export const PAGE_STRINGS = {
  th: {
    tagButton: 'เก็บหลักฐานหน้านี้',
    pickElement: 'คลิกเลือกส่วนของหน้า หรือลากเป็นกรอบ (↑/↓ ขยายหรือย่อส่วนที่เลือก, Enter เลือก, Esc ยกเลิก)',
    formFailed: 'เปิดแบบฟอร์มเก็บหลักฐานไม่ได้ โปรดโหลดหน้านี้ใหม่แล้วลองอีกครั้ง หรือคลิกไอคอนส่วนขยายบนแถบเครื่องมือ',
  },
  en: {
    tagButton: 'Tag this page',
    pickElement:
      'Click a block of the page or drag a rectangle (↑/↓ to widen or narrow, Enter to choose, Esc to cancel)',
    formFailed:
      'The tagging form could not open. Reload the page and try again, or click the extension icon in the toolbar.',
  },
} as const satisfies Record<'th' | 'en', Record<string, string>>;

/** Strings of the overlay and of the tagging form it frames. */
export const OVERLAY_STRINGS = {
  th: {
    ...PAGE_STRINGS.th,
    dialog: 'เก็บหน้านี้เป็นหลักฐาน',
    criterion: 'ข้อการประเมิน (O1–O43)',
    criterionHint: 'พิมพ์รหัสข้อ เช่น O5 หรือ ๕ หรือคำค้น',
    selected: 'ข้อที่เลือก',
    remove: 'เอาออก',
    note: 'หมายเหตุ',
    capture: 'ภาพหน้าจอ',
    modeViewport: 'เฉพาะที่เห็นบนจอ',
    modeFullpage: 'ทั้งหน้า',
    modeElement: 'เลือกบางส่วน',
    elements: 'องค์ประกอบที่ต้องมี',
    elementsHint: 'ระบบเลือกไว้ให้จากข้อความบนหน้าเว็บ โปรดตรวจสอบอีกครั้ง',
    documents: 'เก็บไฟล์เอกสาร',
    clickPath: 'เส้นทางเข้าถึงจากหน้าแรก',
    directOpen: 'หน้านี้เปิดจากลิงก์โดยตรง ไม่ได้เข้าจากหน้าแรก ผู้ประเมินอาจหาไม่พบ',
    onlyOtherYears: 'หน้านี้กล่าวถึงเฉพาะปีอื่น ไม่พบปี {year}',
    placeholder: 'หน้านี้ดูเหมือนยังเป็นข้อความรอปรับปรุง',
    save: 'บันทึกหลักฐาน',
    cancel: 'ยกเลิก',
    close: 'ปิด',
    saving: 'กำลังบันทึก…',
    progress: 'กำลังบันทึกภาพหน้าจอ {done}/{total}',
    saved: 'บันทึกหลักฐานแล้ว ({count} ไฟล์)',
    needCriterion: 'โปรดเลือกอย่างน้อยหนึ่งข้อ',
    noMatch: 'ไม่พบข้อที่ตรงกัน',
    unverified: 'ชื่อข้อยังไม่ได้ตรวจกับคู่มือ',
  },
  en: {
    ...PAGE_STRINGS.en,
    dialog: 'Tag this page as evidence',
    criterion: 'Criterion',
    criterionHint: 'Type a code (O5) or words',
    selected: 'Selected criteria',
    remove: 'Remove',
    note: 'Note',
    capture: 'Capture',
    modeViewport: 'Visible area',
    modeFullpage: 'Full page',
    modeElement: 'Element',
    elements: 'Required elements',
    elementsHint: 'Pre-ticked from the page text — please check them yourself',
    documents: 'Store documents',
    clickPath: 'Path from the home page',
    directOpen: 'This page was opened directly; it may not be reachable from the main website',
    onlyOtherYears: 'This page mentions only other years, not {year}',
    placeholder: 'This page looks like an "under construction" placeholder',
    save: 'Save evidence',
    cancel: 'Cancel',
    close: 'Close',
    saving: 'Saving…',
    progress: 'Capturing {done}/{total}',
    saved: 'Evidence saved ({count} files)',
    needCriterion: 'Choose at least one criterion',
    noMatch: 'No criterion found',
    unverified: 'Wording unverified',
  },
} as const satisfies Record<'th' | 'en', Record<string, string>>;

/**
 * Strings of the tagging form only (an extension page in a frame): kept apart from the ones the
 * always-injected overlay needs, so that script stays small.
 */
export const FORM_STRINGS = {
  th: {
    ...PAGE_STRINGS.th,
    removeItem: 'เอาข้อ {code} ออก',
    added: 'เลือกข้อ {code} แล้ว',
    removedItem: 'เอาข้อ {code} ออกแล้ว',
    suggested: 'เลือกข้อ {code} ไว้ให้จากหน้านี้ ตรวจสอบแล้วกดบันทึกได้เลย',
    savedAs: 'บันทึกหลักฐานเป็นข้อ {codes} แล้ว ({count} ไฟล์)',
    undo: 'เลิกทำ',
    undone: 'ลบหลักฐานที่เพิ่งบันทึกออกแล้ว',
    openChecklist: 'เปิดในรายการตรวจ',
    dismiss: 'ปิดข้อความ',
    duplicate: 'หน้านี้เป็นหลักฐานของข้อ {codes} อยู่แล้ว (บันทึกเมื่อ {time}) ถ้าบันทึกอีกครั้งจะได้หลักฐานใหม่ของหน้าเดิมเพิ่มอีก 1 รายการ',
    notVisible:
      'ยังไม่ได้บันทึก: ขณะกดบันทึก มีสิ่งอื่นบังแบบฟอร์มหรือมองเห็นแบบฟอร์มไม่ครบ ข้อมูลที่กรอกยังอยู่ ตรวจดูว่ามองเห็นแบบฟอร์มครบแล้วกดบันทึกอีกครั้ง',
    restarted: 'ส่วนขยายเริ่มทำงานใหม่ระหว่างบันทึก จึงยังไม่ได้บันทึก ข้อมูลที่กรอกยังอยู่ โปรดกดบันทึกอีกครั้ง',
    noAnswer: 'ไม่ได้รับคำตอบจากส่วนขยายภายในเวลาที่กำหนด ข้อมูลที่กรอกยังอยู่ ตรวจดูในรายการตรวจ แล้วกดบันทึกอีกครั้งหากยังไม่มี',
    retry: 'ลองอีกครั้ง',
    willCapture: 'ภาพหน้าจอ: {mode}',
    elementNote: 'เลือกแบบเฉพาะส่วน: หลังกดบันทึก ให้คลิกส่วนของหน้า หรือกด Tab เพื่อเลื่อนไปทีละส่วนแล้วกด Enter',
    noCaptureHere:
      'ปุ่มบนหน้าเว็บบันทึกภาพหน้าจอของหน้านี้ไม่ได้ เพราะส่วนขยายยังไม่ได้รับสิทธิ์อ่านทุกเว็บไซต์ วิธีแก้: คลิกขวาที่หน้าแล้วเลือก "แท็กหน้านี้เป็นหลักฐาน ITA" หรือคลิกไอคอนส่วนขยายบนแถบเครื่องมือ หรืออนุญาตทุกเว็บไซต์ครั้งเดียวในหน้าตั้งค่า',
    restrictedHere: 'เบราว์เซอร์ไม่อนุญาตให้ส่วนขยายบันทึกภาพหน้าจอของหน้านี้',
    keyboardPath: 'เปิดแบบฟอร์มนี้จากแป้นพิมพ์ได้ด้วย Alt+Shift+E หรือเมนูคลิกขวา',
    draftRestored: 'นำข้อมูลที่กรอกค้างไว้ในหน้านี้กลับมาแล้ว',
    gaveUp:
      'หน้านี้ลบปุ่ม "เก็บหลักฐานหน้านี้" ซ้ำหลายครั้ง จึงหยุดแสดงปุ่ม ใช้เมนูคลิกขวา "แท็กหน้านี้เป็นหลักฐาน ITA" หรือคลิกไอคอนส่วนขยายบนแถบเครื่องมือแทน',
  },
  en: {
    ...PAGE_STRINGS.en,
    removeItem: 'Remove {code}',
    added: 'Chose {code}',
    removedItem: 'Removed {code}',
    suggested: '{code} is chosen from what this page says. Check it, then Save.',
    savedAs: 'Evidence saved as {codes} ({count} files)',
    undo: 'Undo',
    undone: 'The capture just saved was removed',
    openChecklist: 'Open in checklist',
    dismiss: 'Dismiss',
    duplicate:
      'This page is already evidence for {codes} (captured {time}). Saving again adds a new capture of the same page.',
    notVisible:
      'Not saved yet: the form was covered or not fully visible when Save was pressed. Your input is kept. Make sure the whole form is visible, then save again.',
    restarted: 'The extension restarted while saving, so nothing was saved. Your input is kept: please save again.',
    noAnswer:
      'The extension did not answer in time. Your input is kept: check the checklist, and save again if the capture is not there.',
    retry: 'Try again',
    willCapture: 'Screenshot: {mode}',
    elementNote:
      'Element mode: after Save, click a block of the page, or press Tab to step through blocks and Enter to choose.',
    noCaptureHere:
      'The on-page button cannot take a screenshot of this page: the extension does not have access to all sites. Instead, right-click the page and choose "Tag this page as ITA evidence", or click the extension icon in the toolbar, or grant all sites once in the settings.',
    restrictedHere: 'The browser does not let extensions take screenshots of this page.',
    keyboardPath: 'From the keyboard, Alt+Shift+E or the right-click menu opens this form.',
    draftRestored: 'Your unsaved input for this page was restored.',
    gaveUp:
      'This page kept removing the "Tag this page" button, so it is no longer shown. Right-click the page and choose "Tag this page as ITA evidence", or click the extension icon in the toolbar.',
  },
} as const satisfies Record<'th' | 'en', Record<string, string>>;

/** The context-menu item, in both languages: the menu is made before any language is chosen. */
export const PAGE_MENU_TITLE = 'แท็กหน้านี้เป็นหลักฐาน ITA / Tag this page as ITA evidence';

export type OverlayKey = keyof typeof OVERLAY_STRINGS.th;

export { fillTemplate as fill } from './template';
