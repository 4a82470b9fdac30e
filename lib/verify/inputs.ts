/**
 * Inputs for the CLI: a bundle zip (read defensively: its manifest format is young) or a CSV of
 * `criterion,url` rows. Both become VerifyTargets.
 */
import { DEFAULT_ZIP_LIMITS, extractEntry, readCentralDirectory, type ZipLimits } from '../zip/read';
import type { CriteriaSet, PeriodRule } from '../criteria/types';
import { scanHtml } from './html-scan';
import type { VerifyTarget } from './types';
import { readCsvRows } from '../util/csv-read';
import { isHttpUrl } from '../util/url';

export interface VerifyInput {
  targets: VerifyTarget[];
  fiscalYear: number | null;
  homeUrl: string | null;
  /** What gave no target, so that nothing is dropped silently. */
  skipped?: SkippedInput[];
}

export type PeriodLookup = (criterion: string) => PeriodRule | undefined;

export function periodLookupFrom(set: CriteriaSet | undefined): PeriodLookup {
  const map = new Map((set?.items ?? []).map((c) => [c.code.toUpperCase(), c.periodRule] as const));
  return (code) => map.get(code.trim().toUpperCase());
}

/** Of several criteria, the first that asks for a period decides (a 'current' rule asks nothing). */
function ruleFor(criteria: string[], lookup: PeriodLookup): PeriodRule | undefined {
  const rules = criteria.map(lookup).filter((r): r is PeriodRule => r !== undefined);
  return rules.find((r) => r.kind !== 'current') ?? rules[0];
}

function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

export function readInput(bytes: Uint8Array, lookup: PeriodLookup = () => undefined): VerifyInput {
  return isZip(bytes) ? readBundle(bytes, lookup) : readCsv(new TextDecoder().decode(bytes), lookup);
}

type Json = Record<string, unknown>;
const obj = (v: unknown): Json | null => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Json) : null);
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

/**
 * Entries of the zip under the bundle reader's limits (sizes, ratios, overlapping data, local
 * headers), inflated only on demand. A zip the reader refuses is a 'bad-zip' InputError.
 */
function openZip(
  bytes: Uint8Array,
  limits: ZipLimits,
): { names: string[]; read(name: string): Uint8Array | undefined } {
  const cd = readCentralDirectory(bytes, limits);
  if (!cd.ok) throw new InputError('bad-zip');
  const byName = new Map(cd.value.map((e) => [e.name, e]));
  return {
    names: [...byName.keys()],
    read(name) {
      const entry = byName.get(name);
      if (!entry) return undefined;
      const r = extractEntry(bytes, entry);
      if (!r.ok) throw new InputError('bad-zip');
      return r.value;
    },
  };
}

function readBundle(
  bytes: Uint8Array,
  lookup: PeriodLookup = () => undefined,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): VerifyInput {
  const zip = openZip(bytes, limits);
  const manifestName = zip.names
    .filter((n) => n === 'manifest.json' || /^[^/]+\/manifest\.json$/.test(n))
    .sort((a, b) => a.length - b.length)[0];
  if (!manifestName) throw new InputError('no-manifest');
  const prefix = manifestName.slice(0, -'manifest.json'.length);
  const manifestBytes = zip.read(manifestName);
  let manifest: Json | null;
  try {
    manifest = obj(JSON.parse(new TextDecoder().decode(manifestBytes)));
  } catch {
    manifest = null;
  }
  if (!manifest) throw new InputError('bad-manifest');
  const readText = (path: string): string | null => {
    const data = zip.read(prefix + path.replace(/^\.?\//, '')) ?? zip.read(path);
    return data ? new TextDecoder().decode(data) : null;
  };
  const targets: VerifyTarget[] = [];
  const skipped: SkippedInput[] = [];
  const evidence = Array.isArray(manifest.evidence) ? manifest.evidence : [];
  evidence.forEach((raw, i) => {
    const e = obj(raw);
    const url = str(e?.url) ?? str(e?.requestedUrl);
    if (!e || !url) return;
    const id = str(e.id) ?? `evidence-${i + 1}`;
    // A bundle is untrusted: only http(s) addresses are fetched, the rest is reported.
    if (!isHttpUrl(url)) return void skipped.push({ evidenceId: id.slice(0, 200), reason: 'not-http' });
    const criteria = Array.isArray(e.criteria) ? e.criteria.filter((c): c is string => typeof c === 'string') : [];
    const criterion = criteria.join(',');
    const artifacts = (Array.isArray(e.artifacts) ? e.artifacts : []).map(obj).filter((a): a is Json => a !== null);
    let capturedText: string | null = null;
    for (const a of artifacts) if (a.method === 'text' && str(a.path)) capturedText ??= readText(a.path as string);
    if (capturedText === null) {
      const snap = artifacts.find((a) => a.method === 'dom-snapshot' && str(a.path));
      const html = snap ? readText(snap.path as string) : null;
      if (html) capturedText = scanHtml(html).text;
    }
    const periodRule = ruleFor(criteria, lookup);
    targets.push({ key: id, url, criterion, evidenceId: id, capturedText, ...(periodRule ? { periodRule } : {}) });
    artifacts.forEach((a, j) => {
      const src = str(a.sourceUrl);
      const sha = str(a.sha256);
      if (a.method !== 'document-bytes' || !src || !sha) return;
      if (!isHttpUrl(src)) return void skipped.push({ evidenceId: id.slice(0, 200), reason: 'not-http' });
      const artId = str(a.id) ?? str(a.path) ?? String(j);
      targets.push({ key: `${id}#${artId}`, url: src, criterion, evidenceId: id, document: { sha256: sha, url: src } });
    });
  });
  const agency = obj(manifest.agency);
  const fy = manifest.fiscalYear ?? obj(manifest.criteriaSet)?.fiscalYear;
  return {
    targets,
    fiscalYear: typeof fy === 'number' && Number.isInteger(fy) ? fy : null,
    homeUrl: str(agency?.homeUrl),
    skipped,
  };
}

/** A CSV record or bundle entry that gave no target, with the line (CSV) or evidence (bundle) it came from. */
export interface SkippedInput {
  line?: number;
  evidenceId?: string;
  reason: 'unclosed-quote' | 'text-after-quote' | 'no-url' | 'not-http';
}

const SKIP_TEXT: Record<SkippedInput['reason'], { th: string; en: string }> = {
  'unclosed-quote': { th: 'เครื่องหมายคำพูดไม่ปิด', en: 'a quote is not closed' },
  'text-after-quote': { th: 'มีข้อความต่อจากเครื่องหมายคำพูดปิด', en: 'text follows a closing quote' },
  'no-url': { th: 'ไม่มีลิงก์ (URL)', en: 'no URL' },
  'not-http': { th: 'ลิงก์ไม่ได้ขึ้นต้นด้วย http:// หรือ https://', en: 'the link is not http(s)' },
};

export function skippedText(s: SkippedInput, lang: 'th' | 'en'): string {
  const where =
    s.line !== undefined
      ? lang === 'th'
        ? `บรรทัด ${s.line}`
        : `line ${s.line}`
      : lang === 'th'
        ? `หลักฐาน ${s.evidenceId}`
        : `evidence ${s.evidenceId}`;
  return lang === 'th' ? `ข้าม${where}: ${SKIP_TEXT[s.reason].th}` : `skipped ${where}: ${SKIP_TEXT[s.reason].en}`;
}

/**
 * A CSV of `criterion,url` rows (either order), read as RFC 4180 (lib/util/csv-read.ts). The first
 * record without a URL is the header; every other record that gives no target is reported.
 */
export function readCsv(text: string, lookup: PeriodLookup = () => undefined): VerifyInput {
  const targets: VerifyTarget[] = [];
  const read = readCsvRows(text);
  const skipped: SkippedInput[] = read.skipped.map((s) => ({ line: s.line, reason: s.reason }));
  read.rows.forEach((row, i) => {
    const cells = row.cells.map((c) => c.trim());
    if (cells.every((c) => c === '')) return;
    const [a = '', b = ''] = cells;
    const [criterion, url] = /^https?:\/\//i.test(a) && !/^https?:\/\//i.test(b) ? [b, a] : [a, b];
    if (!isHttpUrl(url)) {
      if (i > 0) skipped.push({ line: row.line, reason: /^[a-z][a-z0-9+.-]*:/i.test(url) ? 'not-http' : 'no-url' });
      return; // the header, or a row without a URL
    }
    const periodRule = ruleFor(criterion ? [criterion] : [], lookup);
    targets.push({
      key: `line-${row.line}`,
      url,
      criterion,
      capturedText: null,
      ...(periodRule ? { periodRule } : {}),
    });
  });
  skipped.sort((x, y) => (x.line ?? 0) - (y.line ?? 0));
  return { targets, fiscalYear: null, homeUrl: null, skipped };
}

export class InputError extends Error {
  constructor(readonly code: 'no-manifest' | 'bad-manifest' | 'bad-zip') {
    super(code);
  }
}
