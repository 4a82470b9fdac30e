/** `ita-evidence verify INPUT`: re-verify every evidence URL and linked document of a bundle or CSV. */
import { readFile } from 'node:fs/promises';
import { formatArgError, parseArgs, resolveLang } from '../args';
import type { CliCommand, CliLang } from '../types';
import { getBuiltInSet } from '../../criteria/registry';
import { guardedFetch } from '../../net/guarded-fetch.node';
import type { NetworkPolicy } from '../../net/network-policy';
import { InputError, periodLookupFrom, readInput, skippedText } from '../../verify/inputs';
import { DEFAULTS as NETWORK_DEFAULTS } from '../../verify/net-context';
import { formatTableRows, reportText, tableRow, toJsonLine } from '../../verify/report';
import { verifyTargets } from '../../verify/verify';

const USAGE =
  'ita-evidence verify INPUT [--home URL] [--json | --jsonl] [--path] [--allow-private] [--concurrency N] [--timeout S] [--max-bytes N] [--year BE] [--depth N] [--max-pages N] [--lang th|en]';

const T = {
  th: {
    help: [
      'ตรวจลิงก์หลักฐานซ้ำ: INPUT คือไฟล์ชุดหลักฐาน (.zip) หรือ CSV แถวละ "ข้อ,URL"',
      '  --home URL        ตรวจว่าแต่ละหน้ามีเส้นทางเข้าถึงจากหน้าแรกของเว็บไซต์หลัก',
      '  --path            แสดงเส้นทางเข้าถึงจากหน้าแรกในตาราง (แสดงเองเมื่อใช้ --home)',
      '  --json            พิมพ์ผลเป็น JSON บรรทัดละหนึ่งลิงก์ ตามลำดับในไฟล์ เมื่อตรวจครบ',
      '                    (เก็บผลทุกแถวไว้ในหน่วยความจำจนจบ รายการยาวมากให้ใช้ --jsonl)',
      '  --jsonl           พิมพ์ผลเป็น JSON บรรทัดละหนึ่งลิงก์ ทันทีที่ตรวจแต่ละลิงก์เสร็จ',
      '  --allow-private   อนุญาตให้ตรวจที่อยู่ในเครือข่ายภายใน (เช่น 10.x, 192.168.x, localhost)',
      '                    ที่อยู่ link-local (169.254.x), 0.0.0.0 และบริการ metadata ไม่อนุญาตเสมอ',
      '  --concurrency N   จำนวนคำขอพร้อมกันต่อเว็บไซต์ (ค่าเริ่มต้น 2)',
      '  --timeout S       เวลารวมสูงสุดต่อลิงก์ เป็นวินาที รวมการลองซ้ำและการเปลี่ยนเส้นทาง (ค่าเริ่มต้น 20)',
      '  --max-bytes N     ขนาดเนื้อหาสูงสุดต่อลิงก์หลังคลายการบีบอัด เช่น 20MB (ค่าเริ่มต้น 20MB)',
      '  --year BE         ปีงบประมาณ พ.ศ. (ค่าเริ่มต้น: จากชุดหลักฐาน หรือ 2564)',
      '  --depth N, --max-pages N   ขอบเขตการตรวจลิงก์ต่อเนื่องจากหน้าแรก (ค่าเริ่มต้น 3 และ 500)',
      'สถานะออก: 0 ทุกลิงก์ใช้ได้, 1 มีปัญหา, 2 ใช้คำสั่งผิด',
    ],
    missingInput: 'ต้องระบุไฟล์ INPUT (ชุดหลักฐาน .zip หรือ CSV)',
    badNumber: (opt: string) => `ค่าของ --${opt} ต้องเป็นจำนวนบวก`,
    badUrl: (u: string) => `ที่อยู่หน้าแรกไม่ถูกต้อง: ${u}`,
    readFail: (p: string, m: string) => `อ่านไฟล์ ${p} ไม่ได้: ${m}`,
    badBundle: (p: string) => `ไฟล์ ${p} ไม่ใช่ชุดหลักฐานที่อ่านได้ (ไม่พบ manifest.json ที่ถูกต้อง)`,
    bothJson: 'ใช้ --json หรือ --jsonl อย่างใดอย่างหนึ่ง',
  },
  en: {
    help: [
      'Re-verify evidence links. INPUT is a bundle (.zip) or a CSV of "criterion,url" rows.',
      "  --home URL        check that each page is linked from the main website's home page",
      '  --path            show the link path from the home page in the table (shown anyway with --home)',
      '  --json            print one JSON object per URL per line, in input order, at the end',
      '                    (keeps every result in memory until then; for very long lists use --jsonl)',
      '  --jsonl           print one JSON object per URL per line as soon as each is checked',
      '  --allow-private   allow private addresses (10.x, 192.168.x, localhost, fc00::/7)',
      '                    link-local (169.254.x, fe80::), 0.0.0.0 and metadata services are always refused',
      '  --concurrency N   requests in flight per host (default 2)',
      '  --timeout S       total time per URL in seconds, retries and redirects included (default 20)',
      '  --max-bytes N     largest body per URL, after decompression, e.g. 20MB (default 20MB)',
      '  --year BE         fiscal year, Buddhist Era (default: from the bundle, else 2564)',
      '  --depth N, --max-pages N   bounds of the crawl from the home page (defaults 3 and 500)',
      'Exit status: 0 all links OK, 1 some problem, 2 usage error.',
    ],
    missingInput: 'INPUT is required (a bundle .zip or a CSV file)',
    badNumber: (opt: string) => `--${opt} needs a positive number`,
    badUrl: (u: string) => `invalid home URL: ${u}`,
    readFail: (p: string, m: string) => `cannot read ${p}: ${m}`,
    badBundle: (p: string) => `${p} is not a readable bundle (no valid manifest.json)`,
    bothJson: 'use either --json or --jsonl, not both',
  },
};

function positive(v: string | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  const n = Number(v);
  return Number.isFinite(n) && n > 0 ? n : null;
}

/** "20MB", "512k", "1048576": bytes; null when not a positive size. */
export function parseByteSize(v: string | undefined): number | null | undefined {
  if (v === undefined) return undefined;
  const m = /^(\d+(?:\.\d+)?)\s*(k|m|g)?i?b?$/i.exec(v.trim());
  if (!m) return null;
  const unit = { k: 1024, m: 1024 ** 2, g: 1024 ** 3 }[(m[2] ?? '').toLowerCase() as 'k' | 'm' | 'g'] ?? 1;
  const n = Math.floor(Number(m[1]) * unit);
  return n > 0 ? n : null;
}

/** The numeric options and --home, checked; or the message for the first bad one. */
function numberOptions(
  options: Map<string, string>,
  t: (typeof T)[CliLang],
): { error: string } | { nums: Record<string, number | undefined>; maxBytes: number | undefined; home?: string } {
  const nums = {} as Record<string, number | undefined>;
  for (const opt of ['concurrency', 'timeout', 'year', 'depth', 'max-pages']) {
    const n = positive(options.get(opt));
    if (n === null) return { error: t.badNumber(opt) };
    nums[opt] = n;
  }
  const maxBytes = parseByteSize(options.get('max-bytes'));
  if (maxBytes === null) return { error: t.badNumber('max-bytes') };
  const home = options.get('home');
  if (home !== undefined && !/^https?:\/\/[^/]/i.test(home)) return { error: t.badUrl(home) };
  return { nums, maxBytes, ...(home !== undefined ? { home } : {}) };
}

/** Reads the bundle or list; the file's bytes are let go once read, so a long run does not hold them. */
async function loadInput(
  input: string,
  t: (typeof T)[CliLang],
): Promise<{ error: string } | ReturnType<typeof readInput>> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await readFile(input));
  } catch (e) {
    return { error: t.readFail(input, e instanceof Error ? e.message : String(e)) };
  }
  try {
    return readInput(bytes, periodLookupFrom(getBuiltInSet()));
  } catch (e) {
    if (e instanceof InputError) return { error: t.badBundle(input) };
    return { error: t.readFail(input, e instanceof Error ? e.message : String(e)) };
  }
}

export const verifyCommand: CliCommand = {
  name: 'verify',
  summaryTh: 'ตรวจลิงก์หลักฐานซ้ำ (ลิงก์เสีย, soft 404, เนื้อหาเปลี่ยน, เส้นทางเข้าถึงจากหน้าแรก)',
  summaryEn: 'Re-verify evidence links (dead links, soft 404s, drift, linked from home)',
  usage: USAGE,
  helpLines: (lang) => T[lang].help,
  async run(args, io) {
    const p = parseArgs(args, {
      flags: ['json', 'jsonl', 'path', 'allow-private'],
      options: ['home', 'concurrency', 'timeout', 'year', 'depth', 'max-pages', 'max-bytes'],
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
    if (p.flags.has('json') && p.flags.has('jsonl')) return usageError(t.bothJson);
    const opts = numberOptions(p.options, t);
    if ('error' in opts) return usageError(opts.error);
    const { nums, maxBytes, home } = opts;
    const parsed = await loadInput(input, t);
    if ('error' in parsed) return usageError(parsed.error);
    for (const s of parsed.skipped ?? []) io.stderr(skippedText(s, lang));
    if (parsed.targets.length === 0) {
      io.stderr(reportText('noTargets', lang));
      return 1;
    }
    const policy: NetworkPolicy = { allowPrivate: p.flags.has('allow-private'), allowHosts: [] };
    const withPath = p.flags.has('path') || home !== undefined;
    const mode = p.flags.has('jsonl') ? 'jsonl' : p.flags.has('json') ? 'json' : 'table';
    // Only what the chosen output needs is kept: nothing for --jsonl, one line or row per URL otherwise.
    const order =
      mode === 'jsonl' ? new Map<string, number>() : new Map(parsed.targets.map((tg, i) => [tg.key, i] as const));
    const kept: (string | string[])[] = [];
    let okCount = 0;
    let count = 0;
    await verifyTargets(parsed.targets, {
      fetch: guardedFetch({ policy }),
      policy,
      fiscalYear: nums.year ?? parsed.fiscalYear ?? 2564,
      ...(home ? { home } : {}),
      perHost: Math.floor(nums.concurrency ?? NETWORK_DEFAULTS.perHost),
      timeoutMs: Math.round((nums.timeout ?? NETWORK_DEFAULTS.timeoutMs / 1000) * 1000),
      ...(maxBytes ? { maxBytes } : {}),
      crawl: { depth: Math.floor(nums.depth ?? 3), maxPages: Math.floor(nums['max-pages'] ?? 500) },
      collect: false,
      onResult: (r) => {
        count++;
        if (r.ok) okCount++;
        if (mode === 'jsonl') return io.stdout(toJsonLine(r));
        const i = order.get(r.key) ?? kept.length;
        if (mode === 'json') kept[i] = toJsonLine(r);
        else kept[i] = tableRow(r, lang, withPath);
      },
    });
    const lines = kept.filter((x) => x !== undefined);
    if (mode === 'json') for (const l of lines) io.stdout(l as string);
    else if (mode === 'table')
      io.stdout(formatTableRows(lines as string[][], lang, withPath, okCount, count).join('\n'));
    return okCount === count ? 0 : 1;
  },
};
