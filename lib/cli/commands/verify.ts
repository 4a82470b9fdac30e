/** `ita-evidence verify INPUT`: re-verify every evidence URL and linked document of a bundle or CSV. */
import { readFile } from 'node:fs/promises';
import { formatArgError, parseArgs, resolveLang } from '../args';
import type { CliCommand, CliLang } from '../types';
import { getBuiltInSet } from '../../criteria/registry';
import { InputError, periodLookupFrom, readInput } from '../../verify/inputs';
import { formatTable, reportText, toJsonLine } from '../../verify/report';
import { verifyTargets } from '../../verify/verify';

const USAGE =
  'ita-evidence verify INPUT [--home URL] [--json] [--concurrency N] [--timeout S] [--year BE] [--depth N] [--max-pages N] [--lang th|en]';

const T = {
  th: {
    help: [
      'ตรวจลิงก์หลักฐานซ้ำ: INPUT คือไฟล์ชุดหลักฐาน (.zip) หรือ CSV แถวละ "ข้อ,URL"',
      '  --home URL        ตรวจว่าแต่ละหน้ามีลิงก์จากหน้าแรกของเว็บไซต์หลัก',
      '  --json            พิมพ์ผลเป็น JSON บรรทัดละหนึ่ง URL',
      '  --concurrency N   จำนวนคำขอพร้อมกันต่อเว็บไซต์ (ค่าเริ่มต้น 2)',
      '  --timeout S       เวลารอสูงสุดต่อคำขอ เป็นวินาที (ค่าเริ่มต้น 20)',
      '  --year BE         ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: จากชุดหลักฐาน หรือ 2564)',
      '  --depth N, --max-pages N   ขอบเขตการไล่ลิงก์จากหน้าแรก (ค่าเริ่มต้น 3 และ 500)',
      'สถานะออก: 0 ทุกลิงก์ใช้ได้, 1 มีปัญหา, 2 ใช้คำสั่งผิด',
    ],
    missingInput: 'ต้องระบุไฟล์ INPUT (ชุดหลักฐาน .zip หรือ CSV)',
    badNumber: (opt: string) => `ค่าของ --${opt} ต้องเป็นจำนวนบวก`,
    badUrl: (u: string) => `URL หน้าแรกไม่ถูกต้อง: ${u}`,
    readFail: (p: string, m: string) => `อ่านไฟล์ ${p} ไม่ได้: ${m}`,
    badBundle: (p: string) => `ไฟล์ ${p} ไม่ใช่ชุดหลักฐานที่อ่านได้ (ไม่พบ manifest.json ที่ถูกต้อง)`,
  },
  en: {
    help: [
      'Re-verify evidence links. INPUT is a bundle (.zip) or a CSV of "criterion,url" rows.',
      '  --home URL        check that each page is linked from the main website\'s home page',
      '  --json            print one JSON object per URL per line',
      '  --concurrency N   requests in flight per host (default 2)',
      '  --timeout S       per-request timeout in seconds (default 20)',
      '  --year BE         fiscal year, Buddhist Era (default: from the bundle, else 2564)',
      '  --depth N, --max-pages N   bounds of the crawl from the home page (defaults 3 and 500)',
      'Exit status: 0 all links OK, 1 some problem, 2 usage error.',
    ],
    missingInput: 'INPUT is required (a bundle .zip or a CSV file)',
    badNumber: (opt: string) => `--${opt} needs a positive number`,
    badUrl: (u: string) => `invalid home URL: ${u}`,
    readFail: (p: string, m: string) => `cannot read ${p}: ${m}`,
    badBundle: (p: string) => `${p} is not a readable bundle (no valid manifest.json)`,
  },
};

function positive(v: string | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : null;
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summaryTh: 'ตรวจลิงก์หลักฐานซ้ำ (ลิงก์เสีย, soft 404, เนื้อหาเปลี่ยน, ลิงก์จากหน้าแรก)',
  summaryEn: 'Re-verify evidence links (dead links, soft 404s, drift, linked from home)',
  usage: USAGE,
  async run(args, io) {
    const p = parseArgs(args, {
      flags: ['json'],
      options: ['home', 'concurrency', 'timeout', 'year', 'depth', 'max-pages'],
    });
    const lang: CliLang = resolveLang(p.options.get('lang'), io.env);
    const t = T[lang];
    if (p.flags.has('help')) {
      io.stdout([USAGE, ...t.help].join('\n'));
      return 0;
    }
    const usageError = (msg: string) => {
      io.stderr(msg);
      io.stderr(USAGE);
      return 2;
    };
    const firstError = p.errors[0];
    if (firstError) return usageError(formatArgError(firstError, lang));
    const input = p.positionals[0];
    if (input === undefined || p.positionals.length > 1) return usageError(t.missingInput);
    const nums = {} as Record<string, number | undefined>;
    for (const opt of ['concurrency', 'timeout', 'year', 'depth', 'max-pages']) {
      const n = positive(p.options.get(opt));
      if (n === null) return usageError(t.badNumber(opt));
      nums[opt] = n;
    }
    const home = p.options.get('home');
    if (home !== undefined && !/^https?:\/\/[^/]/i.test(home)) return usageError(t.badUrl(home));

    let bytes: Uint8Array;
    try {
      bytes = new Uint8Array(await readFile(input));
    } catch (e) {
      return usageError(t.readFail(input, e instanceof Error ? e.message : String(e)));
    }
    let parsed;
    try {
      parsed = readInput(bytes, periodLookupFrom(getBuiltInSet()));
    } catch (e) {
      if (e instanceof InputError) return usageError(t.badBundle(input));
      return usageError(t.readFail(input, e instanceof Error ? e.message : String(e)));
    }
    if (parsed.targets.length === 0) {
      io.stderr(reportText('noTargets', lang));
      return 1;
    }
    const results = await verifyTargets(parsed.targets, {
      fetch: (u, init) => fetch(u, init),
      fiscalYear: nums.year ?? parsed.fiscalYear ?? 2564,
      ...(home ? { home } : {}),
      perHost: Math.floor(nums.concurrency ?? 2),
      timeoutMs: Math.round((nums.timeout ?? 20) * 1000),
      crawl: { depth: Math.floor(nums.depth ?? 3), maxPages: Math.floor(nums['max-pages'] ?? 500) },
    });
    if (p.flags.has('json')) for (const r of results) io.stdout(toJsonLine(r));
    else io.stdout(formatTable(results, lang).join('\n'));
    return results.every((r) => r.ok) ? 0 : 1;
  },
};
