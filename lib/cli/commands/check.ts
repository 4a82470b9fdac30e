// STUB — owned by the bundle engineer, who replaces this whole file with the real `check` command.
import type { CliCommand } from '../types';

export const checkCommand: CliCommand = {
  name: 'check',
  summaryTh: 'ตรวจสอบไฟล์ชุดหลักฐาน (zip)',
  summaryEn: 'Check a checklist bundle (zip)',
  usage: 'ita-evidence check <bundle.zip>',
  async run(_args, io) {
    io.stderr('check: not implemented yet / ยังไม่พร้อมใช้งาน');
    return 2;
  },
};
