/**
 * Inputs for the CLI: a bundle zip (read defensively: its manifest format is young) or a CSV of
 * `criterion,url` rows. Both become VerifyTargets.
 */
import { DEFAULT_ZIP_LIMITS, extractEntry, readCentralDirectory, type ZipLimits } from '../zip/read';
import type { CriteriaSet, PeriodRule } from '../criteria/types';
import { scanHtml } from './html-scan';
import type { VerifyTarget } from './types';

export interface VerifyInput {
  targets: VerifyTarget[];
  fiscalYear: number | null;
  homeUrl: string | null;
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

export function isZip(bytes: Uint8Array): boolean {
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
function openZip(bytes: Uint8Array, limits: ZipLimits): { names: string[]; read(name: string): Uint8Array | undefined } {
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

export function readBundle(bytes: Uint8Array, lookup: PeriodLookup = () => undefined, limits: ZipLimits = DEFAULT_ZIP_LIMITS): VerifyInput {
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
  const evidence = Array.isArray(manifest.evidence) ? manifest.evidence : [];
  evidence.forEach((raw, i) => {
    const e = obj(raw);
    const url = str(e?.url) ?? str(e?.requestedUrl);
    if (!e || !url) return;
    const id = str(e.id) ?? `evidence-${i + 1}`;
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
  };
}

export function readCsv(text: string, lookup: PeriodLookup = () => undefined): VerifyInput {
  const targets: VerifyTarget[] = [];
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  lines.forEach((line, i) => {
    if (!line.trim()) return;
    const cells = splitCsvLine(line).map((c) => c.trim());
    const [a = '', b = ''] = cells;
    const [criterion, url] = /^https?:\/\//i.test(a) && !/^https?:\/\//i.test(b) ? [b, a] : [a, b];
    if (!/^https?:\/\//i.test(url)) return; // the header, or a row without a URL
    const periodRule = ruleFor(criterion ? [criterion] : [], lookup);
    targets.push({ key: `line-${i + 1}`, url, criterion, capturedText: null, ...(periodRule ? { periodRule } : {}) });
  });
  return { targets, fiscalYear: null, homeUrl: null };
}

function splitCsvLine(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') {
        cur += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

export class InputError extends Error {
  constructor(readonly code: 'no-manifest' | 'bad-manifest' | 'bad-zip') {
    super(code);
  }
}
