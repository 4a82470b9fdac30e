import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BANNED_THAI_TERMS, bannedTermsIn } from '../../../lib/i18n/glossary';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** Every Thai string of a table: values under a `th` key, at any depth ({th: {...}} or {code: {th}}). */
function thaiStrings(value: unknown, where: string, underTh = false, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') {
    if (underTh) out.push([where, value]);
  } else if (value && typeof value === 'object' && !Array.isArray(value)) {
    for (const [k, v] of Object.entries(value)) thaiStrings(v, `${where}.${k}`, underTh || k === 'th', out);
  }
  return out;
}

// The Thai string tables: the UI (lib/i18n), and the messages that lib/ modules render for the UI and the CLI.
const modules = import.meta.glob(
  [
    '../../../lib/i18n/*.ts',
    '../../../lib/**/messages.ts',
    '../../../lib/**/errors.ts',
    '../../../lib/verify/problems.ts',
    '../../../lib/checklist/status.ts',
    '../../../lib/storage/storage-health.ts',
  ],
  { eager: true },
) as Record<string, Record<string, unknown>>;

function allTables(): [string, string][] {
  const out: [string, string][] = [];
  for (const [file, mod] of Object.entries(modules)) {
    for (const [name, value] of Object.entries(mod)) thaiStrings(value, `${path.basename(file)}:${name}`, false, out);
  }
  return out;
}

/** Thai lines of a file that is not a table (README, the report template, CLI help). */
function thaiLines(rel: string): [string, string][] {
  return readFileSync(path.join(ROOT, rel), 'utf8')
    .split('\n')
    .map((line, i): [string, string] => [`${rel}:${i + 1}`, line])
    .filter(([, line]) => /[\u0E00-\u0E7F]/.test(line));
}

function violations(strings: [string, string][]): string[] {
  return strings.flatMap(([where, s]) => bannedTermsIn(s).map((b) => `${where}: "${s.slice(0, 80)}" → ${b.use}`));
}

describe('Thai wording follows the glossary (shared/domain/thai-ui-glossary.md)', () => {
  it('finds the Thai string tables', () => {
    const strings = allTables();
    expect(strings.length).toBeGreaterThan(300);
    expect(strings.some(([w]) => w.startsWith('ui.ts:UI_STRINGS.th.'))).toBe(true);
    expect(strings.some(([w]) => w.startsWith('overlay-strings.ts:OVERLAY_STRINGS.th.'))).toBe(true);
    expect(strings.some(([w]) => w.includes('messages.ts:CHECKLIST_MESSAGES.'))).toBe(true);
  });

  it('catches each banned term (the check can fail)', () => {
    const samples = [
      'ตั้งค่าข้อมูลองค์กร',
      'หลักฐาน 3 ชิ้น',
      'จับภาพหน้าจอ',
      'เส้นทางการคลิก',
      'ไม่มีฟิลด์',
      'จนกว่าคุณจะกด',
      'เก็บค่าของฉัน',
      'ติ๊กไว้ล่วงหน้า',
      'กำลังไล่ลิงก์',
      'ไฟล์ถูกแก้ไข',
      'URL เว็บไซต์หลัก',
      'เฉพาะหน่วยงาน',
      'ฟอร์มของส่วนขยาย',
    ];
    for (const s of samples) expect(bannedTermsIn(s), s).not.toEqual([]);
    for (const ok of ['ความถูกต้อง', 'การประเมินคุณธรรมและความโปร่งใส', 'ที่อยู่เว็บไซต์หลัก (URL)', 'แบบฟอร์ม', 'หน่วยงานที่รับผิดชอบ'])
      expect(bannedTermsIn(ok), ok).toEqual([]);
    expect(BANNED_THAI_TERMS.length).toBeGreaterThanOrEqual(12);
  });

  it('no banned term in any Thai string table', () => {
    expect(violations(allTables())).toEqual([]);
  });

  it('no banned term in the report template, the CLI help or the README', () => {
    const files = [
      'lib/bundle/report-html.ts',
      'lib/cli/main.ts',
      'lib/cli/commands/verify.ts',
      'lib/cli/commands/check.ts',
      'lib/cli/commands/criteria.ts',
      'README.md',
    ];
    expect(violations(files.flatMap(thaiLines))).toEqual([]);
  });
});
