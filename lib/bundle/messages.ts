/** Error codes of the bundle (zip) reader, checker, importer and exporter, with their { th, en } texts. */

import { defineMessages } from '../i18n/template';
import type { Lang } from '../i18n/language';

export const BUNDLE_MESSAGES = {
  'empty-file': { th: 'ไฟล์ว่างเปล่า', en: 'The file is empty' },
  'not-zip': { th: 'ไม่ใช่ไฟล์ zip', en: 'Not a zip file' },
  'zip-truncated': { th: 'ไฟล์ zip ไม่ครบหรือเสียหาย: {detail}', en: 'The zip file is truncated or damaged: {detail}' },
  'zip-unsupported': { th: 'ไฟล์ zip ใช้รูปแบบที่ไม่รองรับ: {detail}', en: 'Unsupported zip feature: {detail}' },
  'zip-inconsistent': {
    th: 'โครงสร้างไฟล์ zip ขัดแย้งกัน ({detail}) ไฟล์อาจมีการดัดแปลง',
    en: 'Inconsistent zip structure ({detail}); the file may have been tampered with',
  },
  'zip-encrypted': { th: 'ไฟล์เข้ารหัสไว้ ไม่รองรับ', en: 'The entry is encrypted; not supported' },
  'zip-method': { th: 'วิธีบีบอัดแบบ {method} ไม่รองรับ', en: 'Compression method {method} is not supported' },
  'too-many-entries': { th: 'มีไฟล์มากเกินไป ({count} > {limit})', en: 'Too many files ({count} > {limit})' },
  'too-large': {
    th: 'ขนาดรวมหลังแตกไฟล์ใหญ่เกินกำหนด ({bytes} > {limit} ไบต์)',
    en: 'Total uncompressed size too large ({bytes} > {limit} bytes)',
  },
  'ratio-too-high': {
    th: 'อัตราการบีบอัดสูงผิดปกติ ({ratio} เท่า) อาจเป็น zip bomb',
    en: 'Compression ratio too high ({ratio}×): possible zip bomb',
  },
  'size-mismatch': {
    th: 'ขนาดไฟล์ไม่ตรงกับที่ระบุ (ระบุ {expected} ได้ {actual} ไบต์)',
    en: 'Size differs from the declared one (declared {expected}, got {actual} bytes)',
  },
  'crc-mismatch': { th: 'ข้อมูลในไฟล์ zip เสียหาย (CRC ไม่ตรง)', en: 'Damaged data in the zip (CRC mismatch)' },
  'inflate-failed': { th: 'แตกไฟล์ไม่สำเร็จ: {detail}', en: 'Could not decompress: {detail}' },
  'path-unsafe': { th: 'ชื่อไฟล์ไม่ปลอดภัย ({reason})', en: 'Unsafe file path ({reason})' },
  'duplicate-entry': { th: 'มีไฟล์ชื่อซ้ำในไฟล์ zip', en: 'Duplicate entry in the zip' },
  'missing-manifest': { th: 'ไม่พบ manifest.json', en: 'manifest.json is missing' },
  'missing-sha256sums': { th: 'ไม่พบ SHA256SUMS', en: 'SHA256SUMS is missing' },
  'manifest-too-large': {
    th: 'manifest.json ใหญ่เกินกำหนด ({bytes} > {limit} ไบต์)',
    en: 'manifest.json is too large ({bytes} > {limit} bytes)',
  },
  'manifest-json': { th: 'manifest.json ไม่ใช่ JSON ที่ถูกต้อง: {detail}', en: 'manifest.json is not valid JSON: {detail}' },
  'manifest-not-object': { th: 'manifest.json ต้องเป็นออบเจกต์ JSON', en: 'manifest.json must be a JSON object' },
  'format-unknown': {
    th: 'ไม่ใช่ชุดหลักฐาน ITA (format = {format})',
    en: 'Not an ITA evidence bundle (format = {format})',
  },
  'format-version-unsupported': {
    th: 'รุ่นของรูปแบบ {version} ไม่รองรับ (รองรับถึงรุ่น {max})',
    en: 'Format version {version} is not supported (up to {max})',
  },
  'manifest-schema': {
    th: 'manifest.json ไม่ตรงตามโครงสร้างที่ {path}: {problem}',
    en: 'manifest.json does not match the schema at {path}: {problem}',
  },
  'duplicate-evidence-id': { th: 'รหัสหลักฐานซ้ำ: {id}', en: 'Duplicate evidence id: {id}' },
  'verification-unknown-evidence': {
    th: 'ผลการตรวจลิงก์อ้างถึงหลักฐานที่ไม่มีในชุดนี้: {id}',
    en: 'A re-verification result refers to evidence not in this bundle: {id}',
  },
  'duplicate-artifact-id': { th: 'รหัสไฟล์หลักฐานซ้ำ: {id}', en: 'Duplicate artifact id: {id}' },
  'artifact-id-conflict': {
    th: 'ไฟล์หลักฐาน {id} ของหลักฐาน {evidence} ใช้รหัสซ้ำกับไฟล์อื่นที่มีอยู่แล้วในเครื่อง ({owner}) จึงไม่นำเข้าชุดนี้',
    en: 'Artifact {id} of evidence {evidence} has the id of another file already stored here ({owner}); the bundle was not imported',
  },
  'verification-invalid': {
    th: 'ผลการตรวจลิงก์ {key} ไม่ถูกต้อง: {problem}',
    en: 'Re-verification result {key} is invalid: {problem}',
  },
  'path-conflict': { th: 'ไฟล์เดียวกันมีค่าแฮชต่างกันในรายการ', en: 'The same path is listed with different hashes' },
  'file-missing': { th: 'ไม่พบไฟล์ที่ระบุไว้ใน {source}', en: 'File listed in {source} is missing' },
  'file-unlisted': { th: 'มีไฟล์ที่ไม่ได้ระบุไว้ใน manifest.json', en: 'File not listed in manifest.json' },
  'hash-mismatch': { th: 'ค่าแฮช SHA-256 ไม่ตรง (ไฟล์มีการแก้ไข)', en: 'SHA-256 mismatch (the file was changed)' },
  'file-size-mismatch': {
    th: 'ขนาดไฟล์ไม่ตรงกับ manifest.json ({expected} / {actual} ไบต์)',
    en: 'File size differs from manifest.json ({expected} / {actual} bytes)',
  },
  'sums-bad-line': { th: 'SHA256SUMS บรรทัดที่ {line} ผิดรูปแบบ', en: 'SHA256SUMS line {line} is malformed' },
  'sums-missing-entry': { th: 'SHA256SUMS ไม่มีรายการของไฟล์นี้', en: 'SHA256SUMS has no line for this file' },
  'sums-extra-entry': {
    th: 'SHA256SUMS อ้างถึงไฟล์ที่ไม่มีใน zip: {entry}',
    en: 'SHA256SUMS lists a file not in the zip: {entry}',
  },
  'sums-disagree': {
    th: 'SHA256SUMS ระบุค่าแฮชของ {entry} ไม่ตรงกับไฟล์และ manifest.json',
    en: 'SHA256SUMS gives a wrong hash for {entry}',
  },
  'sums-not-canonical': {
    th: 'SHA256SUMS ไม่อยู่ในรูปแบบมาตรฐาน (อาจมีการแก้ไข)',
    en: 'SHA256SUMS is not in canonical form (edited?)',
  },
  'criteria-invalid': { th: 'ชุดเกณฑ์ในไฟล์ไม่ถูกต้อง', en: 'The bundled criteria set is invalid' },
  'bundle-other-year': {
    th: 'ชุดหลักฐานนี้เป็นของปีงบประมาณ พ.ศ. {bundle} ({set}) แต่ปีที่เปิดอยู่คือ พ.ศ. {current} จึงไม่นำเข้า หากต้องการทำงานของปี พ.ศ. {bundle} ให้เริ่มปีงบประมาณนั้นในหน้าตั้งค่าก่อน',
    en: 'This bundle belongs to fiscal year B.E. {bundle} ({set}), but the open year is B.E. {current}, so it was not imported. To work on B.E. {bundle}, start that fiscal year in the options page first.',
  },
  'unresolved-conflict': { th: 'ยังไม่ได้เลือกค่าสำหรับ {key} ({field})', en: 'No choice made for {key} ({field})' },
  'db-write-failed': {
    th: 'บันทึกลงฐานข้อมูลไม่สำเร็จ ไม่มีการเปลี่ยนแปลงข้อมูล: {detail}',
    en: 'Database write failed; nothing was changed: {detail}',
  },
  'export-aborted': { th: 'ยกเลิกการส่งออกแล้ว', en: 'Export cancelled' },
  'export-blob-missing': { th: 'ไม่พบข้อมูลไฟล์หลักฐาน {id}', en: 'Evidence bytes missing for artifact {id}' },
  'export-blob-corrupt': {
    th: 'ไฟล์หลักฐาน {id} ไม่ตรงกับค่าแฮชที่บันทึกไว้',
    en: 'Stored bytes of artifact {id} do not match their recorded hash',
  },
  'export-too-large': {
    th: 'ชุดหลักฐานใหญ่เกิน 4 GB ซึ่งรูปแบบ zip นี้ไม่รองรับ',
    en: 'The bundle would exceed 4 GB, which this zip format does not support',
  },
  zip64: {
    th: 'ไฟล์ zip มีส่วนแบบ ZIP64 ซึ่งชุดหลักฐานไม่ใช้ โปรแกรมแตกไฟล์แต่ละตัวอาจเห็นไฟล์ไม่ตรงกัน ไฟล์อาจมีการดัดแปลง',
    en: 'The zip holds ZIP64 records, which bundles never use; unzip tools could disagree on its files. It may have been tampered with',
  },
  'zip-appended-data': {
    th: 'มีข้อมูลต่อท้ายหลังส่วนท้ายของไฟล์ zip โปรแกรมแตกไฟล์แต่ละตัวอาจเห็นไฟล์ไม่ตรงกัน',
    en: 'Data follows the end of the zip; unzip tools could disagree on its files',
  },
  'zip-prepended-data': {
    th: 'มีข้อมูลแปลกปลอม {bytes} ไบต์อยู่ก่อนไฟล์แรกใน zip',
    en: '{bytes} bytes of unknown data come before the first file of the zip',
  },
  'zip-cd-not-at-end': {
    th: 'สารบัญของไฟล์ zip ไม่ได้จบที่ส่วนท้ายของไฟล์ (มีข้อมูลแทรก {bytes} ไบต์)',
    en: "The zip's central directory does not end at its end record ({bytes} bytes in between)",
  },
  'zip-unaccounted-bytes': {
    th: 'มีข้อมูล {bytes} ไบต์ต่อจากไฟล์นี้ที่ไม่เป็นของไฟล์ใดใน zip',
    en: '{bytes} bytes after this entry belong to no file of the zip',
  },
  'zip-entry-type': {
    th: 'ไม่ใช่ไฟล์หรือโฟลเดอร์ธรรมดา ({type}) จึงไม่รับ',
    en: 'Not a regular file or folder ({type}); refused',
  },
  'zip-entry-mode': {
    th: 'มีสิทธิ์พิเศษของไฟล์ (โหมด {mode}: สั่งรันได้หรือ set-uid) จึงไม่รับ',
    en: 'Carries special file permissions (mode {mode}: executable or set-uid); refused',
  },
  'name-collision': {
    th: 'ชื่อซ้ำกับ {other} เมื่อไม่แยกตัวพิมพ์เล็ก-ใหญ่ (Windows และ macOS จะเขียนทับกัน)',
    en: 'Collides with {other} when case is ignored (Windows and macOS would overwrite one with the other)',
  },
  'export-invalid-evidence': {
    th: 'ส่งออกไม่ได้: หลักฐาน "{title}" ({id}) จะนำเข้าไม่ได้ ({problem}) โปรดแก้ไขหรือลบรายการนี้แล้วส่งออกอีกครั้ง',
    en: 'Cannot export: evidence "{title}" ({id}) would be refused on import ({problem}). Fix or delete it, then export again',
  },
  'export-invalid-item': {
    th: 'ส่งออกไม่ได้: ข้อ {code} จะนำเข้าไม่ได้ ({problem}) โปรดแก้ไขข้อนี้แล้วส่งออกอีกครั้ง',
    en: 'Cannot export: item {code} would be refused on import ({problem}). Fix it, then export again',
  },
  'export-invalid-verification': {
    th: 'ส่งออกไม่ได้: ผลการตรวจลิงก์ {key} จะนำเข้าไม่ได้ ({problem}) โปรดตรวจลิงก์ซ้ำแล้วส่งออกอีกครั้ง',
    en: 'Cannot export: re-verification result {key} would be refused on import ({problem}). Re-verify, then export again',
  },
  'export-invalid-manifest': {
    th: 'ส่งออกไม่ได้: ข้อมูลที่ {path} จะนำเข้าไม่ได้ ({problem})',
    en: 'Cannot export: {path} would be refused on import ({problem})',
  },
  'export-self-check': {
    th: 'ไฟล์ที่ส่งออกไม่ผ่านการตรวจแบบเดียวกับการนำเข้า จึงไม่ได้บันทึกไฟล์: {detail}',
    en: 'The exported file failed the import check, so it was not saved: {detail}',
  },
  'snapshot-refused': {
    th: 'สำเนาหน้าเว็บ (HTML) ของหลักฐาน {evidence} มีส่วนที่อาจเรียกใช้สคริปต์ได้ จึงไม่รับชุดนี้: {reason}',
    en: 'The page snapshot (HTML) of evidence {evidence} holds active content, so the bundle is refused: {reason}',
  },
  'snapshot-neutralised': {
    th: 'สำเนาหน้าเว็บ (HTML) ของหลักฐาน {evidence} ทำด้วยรุ่นก่อนและยังโหลดจากเว็บจริง จะตัดส่วนนั้นออกเมื่อนำเข้า: {reason}',
    en: 'The page snapshot (HTML) of evidence {evidence} was made by an earlier version and still loads from the web; that is removed on import: {reason}',
  },
  'export-snapshot-refused': {
    th: 'สำเนาหน้าเว็บ (HTML) {id} มีส่วนที่อาจเรียกใช้สคริปต์ได้ จึงส่งออกไม่ได้: {reason}',
    en: 'Page snapshot {id} holds active content and cannot be exported: {reason}',
  },
} as const satisfies Record<string, { th: string; en: string }>;

export type BundleErrorCode = keyof typeof BUNDLE_MESSAGES;
const bundleTable = defineMessages(BUNDLE_MESSAGES);

export interface BundleError {
  code: BundleErrorCode;
  /** The zip entry the problem is about, when there is one. */
  file?: string;
  params?: Record<string, string | number>;
}

/** The reasons of `path-unsafe`, in words (lib/zip/paths.ts gives the codes). */
export const PATH_REASONS: Record<string, { th: string; en: string }> = {
  empty: { th: 'ชื่อว่าง', en: 'empty name' },
  absolute: { th: 'ขึ้นต้นด้วย /', en: 'absolute path' },
  drive: { th: 'ระบุไดรฟ์ เช่น C:', en: 'drive letter' },
  backslash: { th: 'มีเครื่องหมาย \\', en: 'backslash' },
  dotdot: { th: 'มี .. ซึ่งออกนอกโฟลเดอร์', en: '.. leaves the folder' },
  'dot-segment': { th: 'มีส่วนของชื่อที่ว่างหรือเป็น .', en: 'empty or . segment' },
  control: { th: 'มีอักขระควบคุม', en: 'control character' },
  'too-long': { th: 'ยาวเกิน 255 อักขระ', en: 'longer than 255 characters' },
  'not-ascii': { th: 'มีอักขระนอก ASCII', en: 'non-ASCII character' },
  url: { th: 'เป็นที่อยู่เว็บ (URL) ไม่ใช่ชื่อไฟล์', en: 'a URL, not a file name' },
  'windows-char': { th: 'มีอักขระที่ Windows ไม่รับ (: < > | ? * ")', en: 'a character Windows forbids (: < > | ? * ")' },
  'trailing-dot-space': { th: 'ลงท้ายด้วยจุดหรือช่องว่าง', en: 'ends in a dot or a space' },
  'device-name': { th: 'เป็นชื่ออุปกรณ์ของ Windows (CON, NUL, COM1 …)', en: 'a Windows device name (CON, NUL, COM1 …)' },
  reserved: { th: 'ชื่อสงวนของชุดหลักฐาน', en: 'a reserved bundle file name' },
  'directory-with-data': { th: 'โฟลเดอร์ที่มีข้อมูล', en: 'a folder entry holding data' },
};

export function bundleMessage(e: BundleError, lang: Lang): string {
  const reason = e.code === 'path-unsafe' ? PATH_REASONS[String(e.params?.reason)]?.[lang] : undefined;
  const text = bundleTable.format(e.code, lang, reason ? { ...e.params, reason } : e.params);
  return e.file ? `${e.file}: ${text}` : text;
}

/** Thrown by export and merge; carries one BundleError. */
export class BundleFailure extends Error {
  constructor(readonly error: BundleError) {
    super(bundleMessage(error, 'en'));
    this.name = 'BundleFailure';
  }
}
