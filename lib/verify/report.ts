/** Rendering of results: one JSON object per line, or an aligned table in Thai or English. */
import { problemMessage } from './problems';
import type { VerifyResult } from './types';
import type { Lang } from '../i18n/language';


export function toJsonLine(r: VerifyResult): string {
  return JSON.stringify({
    key: r.key,
    url: r.url,
    criterion: r.criterion,
    ok: r.ok,
    status: r.status,
    finalUrl: r.finalUrl,
    redirects: r.redirects,
    problems: r.problems,
    similarity: r.similarity,
    linkPath: r.linkPath,
  });
}

export const REPORT_TEXT = {
  criterion: { th: 'ข้อ', en: 'Item' },
  status: { th: 'รหัส', en: 'HTTP' },
  verdict: { th: 'ผลตรวจ', en: 'Verdict' },
  similarity: { th: 'ความเหมือน', en: 'Similar' },
  url: { th: 'URL', en: 'URL' },
  ok: { th: 'ใช้ได้', en: 'OK' },
  summary: { th: 'ใช้ได้ {ok} จาก {total} ลิงก์', en: '{ok} of {total} links OK' },
  noTargets: { th: 'ไม่พบลิงก์ที่จะตรวจ', en: 'No links to verify' },
} as const;

export function reportText(key: keyof typeof REPORT_TEXT, lang: Lang, params: Record<string, string | number> = {}): string {
  return REPORT_TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

const ZERO_WIDTH = /[\u0300-\u036f\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200b-\u200d]/g;
const width = (s: string) => [...s.replace(ZERO_WIDTH, '')].length;
const pad = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - width(s)));

export function formatTable(results: VerifyResult[], lang: Lang): string[] {
  const rows = results.map((r) => [
    r.criterion || '-',
    r.status === null ? '-' : String(r.status),
    r.ok ? reportText('ok', lang) : r.problems.map((p) => problemMessage(p, lang)).join('; '),
    r.similarity === null ? '-' : r.similarity.toFixed(2),
    r.url,
  ]);
  const head = (['criterion', 'status', 'verdict', 'similarity', 'url'] as const).map((k) => reportText(k, lang));
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((row) => width(row[c] ?? ''))));
  const line = (row: string[]) =>
    row.map((cell, c) => (c === row.length - 1 ? cell : pad(cell, widths[c] ?? 0))).join('  ').trimEnd();
  const okCount = results.filter((r) => r.ok).length;
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    reportText('summary', lang, { ok: okCount, total: results.length }),
  ];
}
