/**
 * Structural validation of a (current-version) manifest, mirroring schemas/bundle-manifest.schema.json.
 * Hand-written so that lib/ needs no schema engine; test/unit/bundle checks both agree.
 */
import { validateEvidence } from '../evidence/validate';
import { BUNDLE_FORMAT_VERSION, toEvidenceRecord, type BundleManifest, type ManifestEvidence } from './manifest';
import type { BundleError } from './messages';
import { ITEM_STATUSES } from '../evidence/item-status';
import { isPlainObject } from '../util/guards';
import { ITEM_CODE_RE } from '../criteria/item-code';

type Obj = Record<string, unknown>;
const HEX64 = /^[0-9a-f]{64}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const STATUSES: readonly string[] = ITEM_STATUSES;
const ROLES = ['report', 'checklist-csv', 'itas-csv', 'font', 'criteria'];
const MAX_ERRORS = 50;

class Collector {
  readonly errors: BundleError[] = [];
  add(path: string, problem: string): void {
    if (this.errors.length < MAX_ERRORS) this.errors.push({ code: 'manifest-schema', file: 'manifest.json', params: { path, problem } });
  }
  str(o: Obj, k: string, path: string, opts: { nonEmpty?: boolean; re?: RegExp; nullable?: boolean } = {}): void {
    const v = o[k];
    if (v === null && opts.nullable) return;
    if (typeof v !== 'string') return this.add(`${path}.${k}`, 'expected text');
    if (opts.nonEmpty && v === '') this.add(`${path}.${k}`, 'must not be empty');
    else if (opts.re && !opts.re.test(v)) this.add(`${path}.${k}`, 'wrong format');
  }
  int(o: Obj, k: string, path: string, min = 0): void {
    const v = o[k];
    if (!Number.isSafeInteger(v) || (v as number) < min) this.add(`${path}.${k}`, `expected an integer ≥ ${min}`);
  }
  num(o: Obj, k: string, path: string): void {
    if (typeof o[k] !== 'number' || !Number.isFinite(o[k])) this.add(`${path}.${k}`, 'expected a number');
  }
  strings(o: Obj, k: string, path: string, nullable = false): void {
    const v = o[k];
    if (v === null && nullable) return;
    if (!Array.isArray(v) || !v.every((s) => typeof s === 'string')) this.add(`${path}.${k}`, 'expected a list of text');
  }
  obj(o: Obj, k: string, path: string): Obj | null {
    const v = o[k];
    if (!isPlainObject(v)) { this.add(`${path}.${k}`, 'expected an object'); return null; }
    return v;
  }
  list(o: Obj, k: string, path: string): unknown[] {
    const v = o[k];
    if (!Array.isArray(v)) { this.add(`${path}.${k}`, 'expected a list'); return []; }
    return v;
  }
}

function checkItem(c: Collector, it: unknown, p: string): void {
  if (!isPlainObject(it)) return c.add(p, 'expected an object');
  c.str(it, 'code', p, { re: ITEM_CODE_RE });
  for (const k of ['nameTh', 'nameEn', 'unit', 'assignee', 'notes', 'explanationText']) c.str(it, k, p);
  for (const k of ['status', 'derivedStatus']) if (!STATUSES.includes(it[k] as string)) c.add(`${p}.${k}`, 'unknown status');
  if (it.answer !== 'มี' && it.answer !== 'ไม่มี' && it.answer !== '') c.add(`${p}.answer`, 'expected มี, ไม่มี or empty');
  if (it.answerNote !== undefined) c.str(it, 'answerNote', p);
  c.str(it, 'dueDate', p, { re: DATE, nullable: true });
  c.str(it, 'explanation', p, { nullable: true });
  c.str(it, 'updatedAt', p, { nullable: true });
  c.strings(it, 'submitUrls', p, true);
  c.strings(it, 'urls', p);
  c.strings(it, 'evidenceIds', p);
  const ov = it.statusOverride;
  if (ov !== null && !(isPlainObject(ov) && STATUSES.includes(ov.status as string) && typeof ov.reason === 'string'))
    c.add(`${p}.statusOverride`, 'expected null or { status, reason }');
}

function checkEvidence(c: Collector, ev: unknown, p: string): void {
  if (!isPlainObject(ev)) return c.add(p, 'expected an object');
  const arts = c.list(ev, 'artifacts', p);
  arts.forEach((a, j) => {
    if (isPlainObject(a)) c.str(a, 'path', `${p}.artifacts[${j}]`, { nonEmpty: true });
  });
  if (c.errors.length >= MAX_ERRORS) return;
  for (const issue of validateEvidence(toEvidenceRecord(ev as unknown as ManifestEvidence)))
    c.add(issue.path ? `${p}.${issue.path}` : p, issue.problem);
}

export function validateManifest(m: Obj): BundleError[] {
  const c = new Collector();
  if (m.formatVersion !== BUNDLE_FORMAT_VERSION) c.add('.formatVersion', `expected ${BUNDLE_FORMAT_VERSION}`);
  c.str(m, 'exportedAt', '', { nonEmpty: true });
  if (typeof m.exportedAt === 'string' && Number.isNaN(Date.parse(m.exportedAt))) c.add('.exportedAt', 'not a time');
  c.str(m, 'extensionVersion', '');
  const agency = c.obj(m, 'agency', '');
  if (agency) {
    c.str(agency, 'name', '.agency');
    c.str(agency, 'homeUrl', '.agency');
    c.int(agency, 'fiscalYear', '.agency');
    c.strings(agency, 'units', '.agency');
  }
  const cs = c.obj(m, 'criteriaSet', '');
  if (cs) {
    for (const k of ['id', 'path']) c.str(cs, k, '.criteriaSet', { nonEmpty: true });
    for (const k of ['titleTh', 'titleEn']) c.str(cs, k, '.criteriaSet');
    c.str(cs, 'sha256', '.criteriaSet', { re: HEX64 });
    c.int(cs, 'fiscalYear', '.criteriaSet');
    c.int(cs, 'itemCount', '.criteriaSet');
  }
  if (m.subset !== null && !isPlainObject(m.subset)) c.add('.subset', 'expected null or an object');
  const sum = c.obj(m, 'summary', '');
  if (sum) {
    c.num(sum, 'score', '.summary');
    for (const k of ['complete', 'total', 'evidenceCount', 'artifactCount']) c.int(sum, k, '.summary');
  }
  c.list(m, 'items', '').forEach((it, i) => checkItem(c, it, `.items[${i}]`));
  c.list(m, 'evidence', '').forEach((ev, i) => checkEvidence(c, ev, `.evidence[${i}]`));
  c.list(m, 'files', '').forEach((f, i) => {
    const p = `.files[${i}]`;
    if (!isPlainObject(f)) return c.add(p, 'expected an object');
    c.str(f, 'path', p, { nonEmpty: true });
    c.str(f, 'mime', p, { nonEmpty: true });
    c.str(f, 'sha256', p, { re: HEX64 });
    c.int(f, 'bytes', p);
    if (!ROLES.includes(f.role as string)) c.add(`${p}.role`, 'unknown role');
  });
  if (m.verification !== undefined) {
    c.list(m, 'verification', '').forEach((v, i) => {
      const p = `.verification[${i}]`;
      if (!isPlainObject(v)) return c.add(p, 'expected an object');
      for (const k of ['key', 'evidenceId', 'checkedAt']) c.str(v, k, p, { nonEmpty: true });
      if (!isPlainObject(v.result)) c.add(`${p}.result`, 'expected an object');
    });
  }
  return c.errors;
}

export function asManifest(m: Obj): BundleManifest {
  return m as unknown as BundleManifest;
}
