/** `ita-evidence check BUNDLE.zip`: verifies a checklist bundle offline with the same code as the extension. */
import { stat } from 'node:fs/promises';
import type { CliCommand, CliLang } from '../types';
import { formatArgError, parseArgs, resolveLang } from '../args';
import { checkBundle, DEFAULT_BUNDLE_LIMITS } from '../../bundle/check';
import { bundleMessage } from '../../bundle/messages';
import { fileSource, nodeSha256 } from '../file-source';

const USAGE = 'ita-evidence check <BUNDLE.zip> [--json] [--lang th|en]';

const T = {
  th: {
    needFile: 'ต้องระบุไฟล์ชุดหลักฐาน (zip) หนึ่งไฟล์',
    readFail: (p: string, m: string) => `อ่านไฟล์ ${p} ไม่ได้: ${m}`,
    tooBig: (p: string) => `ไฟล์ ${p} ใหญ่เกินกว่าจะตรวจได้`,
    ok: (p: string) => `ผ่าน: ${p} ถูกต้องครบถ้วน`,
    detail: (files: number, items: number, evidence: number, agency: string) =>
      `${agency || '(ไม่ระบุหน่วยงาน)'} · ไฟล์ ${files} ไฟล์ · ${items} ข้อ · หลักฐาน ${evidence} รายการ`,
    migrated: (v: number) => `รูปแบบรุ่นเก่า (รุ่น ${v}) อ่านได้โดยแปลงเป็นรุ่นปัจจุบัน`,
    bad: (p: string, n: number) => `ไม่ผ่าน: ${p} มีปัญหา ${n} รายการ`,
    warning: 'คำเตือน',
  },
  en: {
    needFile: 'exactly one bundle file (zip) is required',
    readFail: (p: string, m: string) => `cannot read ${p}: ${m}`,
    tooBig: (p: string) => `${p} is too large to check`,
    ok: (p: string) => `OK: ${p} is a valid bundle`,
    detail: (files: number, items: number, evidence: number, agency: string) =>
      `${agency || '(no agency)'} · ${files} files · ${items} items · ${evidence} evidence records`,
    migrated: (v: number) => `older format (version ${v}), read through migration`,
    bad: (p: string, n: number) => `INVALID: ${p} has ${n} ${n === 1 ? 'problem' : 'problems'}`,
    warning: 'warning',
  },
};

/** A finding with its message in both languages, for --json. */
function withMessage<E extends Parameters<typeof bundleMessage>[0]>(e: E): E & { message: { th: string; en: string } } {
  return { ...e, message: { th: bundleMessage(e, 'th'), en: bundleMessage(e, 'en') } };
}

const jsonReport = (report: Record<string, unknown>): string => JSON.stringify(report, null, 2);

export const checkCommand: CliCommand = {
  name: 'check',
  summaryTh: 'ตรวจสอบไฟล์ชุดหลักฐาน (zip): โครงสร้าง ค่าแฮชทุกไฟล์ และ SHA256SUMS',
  summaryEn: 'Check a checklist bundle (zip): schema, every hash and SHA256SUMS',
  usage: USAGE,
  async run(args, io) {
    const parsed = parseArgs(args, { flags: ['json'] });
    const lang: CliLang = resolveLang(parsed.options.get('lang'), io.env);
    const t = T[lang];
    const usageError = (msg: string) => {
      io.stderr(msg);
      io.stderr(USAGE);
      return 2;
    };
    if (parsed.errors[0]) return usageError(formatArgError(parsed.errors[0], lang));
    const lo = parsed.options.get('lang');
    if (lo !== undefined && lo !== 'th' && lo !== 'en')
      return usageError(lang === 'th' ? `ภาษา "${lo}" ไม่รองรับ` : `unsupported language "${lo}"`);
    if (parsed.flags.has('help')) {
      io.stdout(`${lang === 'th' ? this.summaryTh : this.summaryEn}\n\n${USAGE}`);
      return 0;
    }
    if (parsed.positionals.length !== 1) return usageError(t.needFile);
    const path = parsed.positionals[0]!;
    const json = parsed.flags.has('json');

    let src: Awaited<ReturnType<typeof fileSource>>;
    try {
      const s = await stat(path);
      if (s.size > DEFAULT_BUNDLE_LIMITS.maxTotalBytes) {
        const err = {
          code: 'too-large',
          params: { bytes: s.size, limit: DEFAULT_BUNDLE_LIMITS.maxTotalBytes },
        } as const;
        if (json) io.stdout(jsonReport({ file: path, valid: false, errors: [withMessage(err)] }));
        else io.stderr(t.tooBig(path));
        return 1;
      }
      src = await fileSource(path);
    } catch (e) {
      io.stderr(t.readFail(path, e instanceof Error ? e.message : String(e)));
      return 2;
    }

    // Read from disk in slices, each file hashed as it streams: memory stays bounded whatever the zip holds.
    let report: Awaited<ReturnType<typeof checkBundle>>;
    try {
      report = await checkBundle(src, {}, { sha256: nodeSha256 });
    } finally {
      await src.close();
    }
    if (json) {
      io.stdout(
        jsonReport({
          file: path,
          valid: report.ok,
          summary: report.summary ?? null,
          errors: report.errors.map(withMessage),
          warnings: (report.warnings ?? []).map(withMessage),
        }),
      );
      return report.ok ? 0 : 1;
    }
    if (report.ok && report.summary) {
      const s = report.summary;
      io.stdout(t.ok(path));
      io.stdout(`  ${t.detail(s.files, s.items, s.evidence, s.agency)}`);
      if (s.fromVersion !== s.formatVersion) io.stdout(`  ${t.migrated(s.fromVersion)}`);
      for (const w of report.warnings ?? []) io.stdout(`  ${t.warning} [${w.code}] ${bundleMessage(w, lang)}`);
      return 0;
    }
    io.stderr(t.bad(path, report.errors.length));
    for (const e of report.errors) io.stderr(`  [${e.code}] ${bundleMessage(e, lang)}`);
    return 1;
  },
};
