/** Rendering of results: one JSON object per line, or an aligned table in Thai or English. */
import { problemMessage, refusalMessage } from './problems';
import type { LinkStep, VerifyResult } from './types';

export type Lang = 'th' | 'en';

export function toJsonLine(r: VerifyResult): string {
  const d = r.details;
  return JSON.stringify({
    key: r.key,
    url: r.url,
    criterion: r.criterion,
    kind: r.kind,
    ok: r.ok,
    status: r.status,
    finalUrl: r.finalUrl,
    redirects: r.redirects,
    problems: r.problems,
    similarity: r.similarity,
    linkPath: r.linkPath,
    ...(d.error ? { error: d.error } : {}),
    ...(d.blocked ? { blocked: d.blocked } : {}),
    ...(d.brokenDocuments ? { brokenDocuments: d.brokenDocuments } : {}),
    ...(d.yearsExpected ? { yearsExpected: d.yearsExpected, yearsFound: d.yearsFound ?? [] } : {}),
    ...(d.sha256 ? { sha256: d.sha256 } : {}),
  });
}

export const REPORT_TEXT = {
  criterion: { th: 'ข้อ', en: 'Item' },
  status: { th: 'รหัส', en: 'HTTP' },
  verdict: { th: 'ผลตรวจ', en: 'Verdict' },
  similarity: { th: 'ความเหมือน', en: 'Similar' },
  url: { th: 'URL', en: 'URL' },
  path: { th: 'เส้นทางเข้าถึงจากหน้าแรก', en: 'Link path from home' },
  home: { th: 'หน้าแรก', en: 'Home' },
  noPath: { th: '(ไม่พบ)', en: '(not found)' },
  ok: { th: 'ใช้ได้', en: 'OK' },
  summary: { th: 'ใช้ได้ {ok} จาก {total} ลิงก์', en: '{ok} of {total} links OK' },
  noTargets: { th: 'ไม่พบลิงก์ที่จะตรวจ', en: 'No links to verify' },
} as const;

export function reportText(
  key: keyof typeof REPORT_TEXT,
  lang: Lang,
  params: Record<string, string | number> = {},
): string {
  return REPORT_TEXT[key][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(params[k] ?? ''));
}

function pathText(steps: LinkStep[] | null, lang: Lang): string {
  if (!steps) return reportText('noPath', lang);
  return steps
    .map((s, i) => (i === 0 && !s.linkText ? reportText('home', lang) : s.linkText.trim() || s.url))
    .join(' → ');
}

/** The verdict cell: OK, or each problem, with the refused address or broken documents named. */
function verdictText(r: VerifyResult, lang: Lang): string {
  if (r.ok) return reportText('ok', lang);
  return r.problems
    .map((p) => {
      const msg = problemMessage(p, lang);
      if (p === 'blocked-address' && r.details.blocked) return `${msg}: ${refusalMessage(r.details.blocked, lang)}`;
      if (p === 'broken-document' && r.details.brokenDocuments?.length) {
        return `${msg}: ${r.details.brokenDocuments.map((d) => d.url).join(', ')}`;
      }
      return msg;
    })
    .join('; ');
}

/** One table row, computed as the result arrives so that the result itself need not be kept. */
export function tableRow(r: VerifyResult, lang: Lang, withPath: boolean): string[] {
  const row = [
    r.criterion || '-',
    r.status === null ? '-' : String(r.status),
    verdictText(r, lang),
    r.similarity === null ? '-' : r.similarity.toFixed(2),
    r.url,
  ];
  if (withPath) row.push(pathText(r.linkPath, lang));
  return row;
}

const ZERO_WIDTH = /[\u0300-\u036f\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200b-\u200d]/g;
const displayWidth = (s: string) => [...s.replace(ZERO_WIDTH, '')].length;
const padEndDisplay = (s: string, w: number) => s + ' '.repeat(Math.max(0, w - displayWidth(s)));

export function formatTableRows(
  rows: string[][],
  lang: Lang,
  withPath: boolean,
  okCount: number,
  total: number,
): string[] {
  const keys = [
    'criterion',
    'status',
    'verdict',
    'similarity',
    'url',
    ...(withPath ? (['path'] as const) : []),
  ] as const;
  const head = keys.map((k) => reportText(k, lang));
  const all = [head, ...rows];
  const widths = head.map((_, c) => Math.max(...all.map((row) => displayWidth(row[c] ?? ''))));
  const line = (row: string[]) =>
    row
      .map((cell, c) => (c === row.length - 1 ? cell : padEndDisplay(cell, widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [
    line(head),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    reportText('summary', lang, { ok: okCount, total }),
  ];
}
