/**
 * Structural validation of a (current-version) manifest, mirroring schemas/bundle-manifest.schema.json.
 * Every object is closed (an unknown field is refused, not carried along), every number finite,
 * every time a real ISO 8601 instant, every date a real calendar date, every URL http(s), and every
 * list and text capped (MANIFEST_CAPS, documented in docs/bundle-format.md). Hand-written so that
 * lib/ needs no schema engine; test/unit/bundle checks both agree.
 */
import { ITEM_STATUSES } from '../evidence/item-status';
import { ITEM_CODE_RE } from '../criteria/item-code';
import { isIsoDate } from '../evidence/record-validation';
import { MAX_ARTIFACTS, MAX_CLICK_STEPS, validateEvidence } from '../evidence/validate';
import { isPlainObject } from '../util/guards';
import { isIsoInstant } from '../util/iso-time';
import { isHttpUrl } from '../util/url';
import { BUNDLE_FORMAT_VERSION, type BundleManifest } from './manifest';
import type { BundleError } from './messages';

type Obj = Record<string, unknown>;
const HEX64 = /^[0-9a-f]{64}$/;
const STATUSES: readonly string[] = ITEM_STATUSES;
const ROLES = ['report', 'checklist-csv', 'itas-csv', 'font', 'criteria'];
const MAX_ERRORS = 50;

/** The largest list or text each part of a manifest may hold. */
export const MANIFEST_CAPS = {
  items: 500,
  evidence: 20_000,
  files: 200,
  verification: 100_000,
  units: 200,
  urls: 50,
  shortText: 500,
  longText: 20_000,
} as const;

/** The fields each closed object of a manifest may hold (schemas/bundle-manifest.schema.json lists the same). */
export const MANIFEST_FIELDS = {
  top: [
    'format',
    'formatVersion',
    'exportedAt',
    'extensionVersion',
    'agency',
    'criteriaSet',
    'subset',
    'summary',
    'items',
    'evidence',
    'files',
    'verification',
  ],
  agency: ['name', 'homeUrl', 'fiscalYear', 'units'],
  criteriaSet: ['id', 'titleTh', 'titleEn', 'fiscalYear', 'itemCount', 'path', 'sha256'],
  subset: ['units', 'codes', 'changedSince'],
  summary: ['score', 'complete', 'total', 'evidenceCount', 'artifactCount'],
  item: [
    'code',
    'nameTh',
    'nameEn',
    'status',
    'derivedStatus',
    'answer',
    'unit',
    'dueDate',
    'assignee',
    'notes',
    'statusOverride',
    'submitUrls',
    'explanation',
    'urls',
    'explanationText',
    'evidenceIds',
    'updatedAt',
    'answerNote',
  ],
  override: ['status', 'reason'],
  file: ['path', 'role', 'mime', 'bytes', 'sha256'],
  verification: ['key', 'evidenceId', 'checkedAt', 'result'],
  evidence: [
    'schemaVersion',
    'id',
    'criteria',
    'requestedUrl',
    'url',
    'title',
    'httpStatus',
    'capturedAt',
    'timeZone',
    'userAgent',
    'extensionVersion',
    'viewport',
    'devicePixelRatio',
    'note',
    'artifacts',
    'clickPath',
    'reachedFromHome',
    'elementTicks',
    'updatedAt',
  ],
  artifact: [
    'id',
    'method',
    'mime',
    'bytes',
    'sha256',
    'width',
    'height',
    'part',
    'parts',
    'tiles',
    'sourceUrl',
    'fileName',
    'path',
  ],
  viewport: ['width', 'height'],
  step: ['url', 'linkText'],
} as const;
const KEYS = MANIFEST_FIELDS;

class Collector {
  readonly errors: BundleError[] = [];
  add(path: string, problem: string): void {
    if (this.errors.length < MAX_ERRORS)
      this.errors.push({ code: 'manifest-schema', file: 'manifest.json', params: { path, problem } });
  }
  closed(o: Obj, keys: readonly string[], path: string): void {
    for (const k of Object.keys(o)) if (!keys.includes(k)) this.add(`${path}.${k.slice(0, 40)}`, 'unknown field');
  }
  str(
    o: Obj,
    k: string,
    path: string,
    opts: { max?: number; nonEmpty?: boolean; re?: RegExp; nullable?: boolean } = {},
  ): void {
    const v = o[k];
    if (v === null && opts.nullable) return;
    const max = opts.max ?? MANIFEST_CAPS.shortText;
    if (typeof v !== 'string') return this.add(`${path}.${k}`, 'expected text');
    if (v.length > max) this.add(`${path}.${k}`, `longer than ${max} characters`);
    else if (opts.nonEmpty && v === '') this.add(`${path}.${k}`, 'must not be empty');
    else if (opts.re && !opts.re.test(v)) this.add(`${path}.${k}`, 'wrong format');
  }
  instant(o: Obj, k: string, path: string, nullable = false): void {
    if (o[k] === null && nullable) return;
    if (!isIsoInstant(o[k])) this.add(`${path}.${k}`, 'not a time (ISO 8601, e.g. 2021-03-01T03:00:00.000Z)');
  }
  date(o: Obj, k: string, path: string): void {
    if (o[k] !== null && !isIsoDate(o[k])) this.add(`${path}.${k}`, 'not a date (yyyy-mm-dd)');
  }
  url(o: Obj, k: string, path: string): void {
    if (!isHttpUrl(o[k])) this.add(`${path}.${k}`, 'not an http(s) URL');
  }
  int(o: Obj, k: string, path: string, min = 0, max = Number.MAX_SAFE_INTEGER): void {
    const v = o[k];
    if (!Number.isSafeInteger(v) || (v as number) < min || (v as number) > max)
      this.add(`${path}.${k}`, `expected a whole number from ${min} to ${max}`);
  }
  num(o: Obj, k: string, path: string, min: number, max: number): void {
    const v = o[k];
    if (typeof v !== 'number' || !Number.isFinite(v) || v < min || v > max)
      this.add(`${path}.${k}`, `expected a number from ${min} to ${max}`);
  }
  strings(
    o: Obj,
    k: string,
    path: string,
    opts: { maxItems: number; max?: number; nullable?: boolean; urls?: boolean },
  ): void {
    const v = o[k];
    if (v === null && opts.nullable) return;
    const max = opts.max ?? MANIFEST_CAPS.shortText;
    if (!Array.isArray(v)) return this.add(`${path}.${k}`, 'expected a list of text');
    if (v.length > opts.maxItems) return this.add(`${path}.${k}`, `more than ${opts.maxItems} entries`);
    v.forEach((s, i) => {
      if (typeof s !== 'string' || s.length > max)
        this.add(`${path}.${k}[${i}]`, `expected text of at most ${max} characters`);
      else if (opts.urls && !isHttpUrl(s)) this.add(`${path}.${k}[${i}]`, 'not an http(s) URL');
    });
  }
  obj(o: Obj, k: string, path: string, keys: readonly string[]): Obj | null {
    const v = o[k];
    if (!isPlainObject(v)) {
      this.add(`${path}.${k}`, 'expected an object');
      return null;
    }
    this.closed(v, keys, `${path}.${k}`);
    return v;
  }
  list(o: Obj, k: string, path: string, max: number): unknown[] {
    const v = o[k];
    if (!Array.isArray(v)) {
      this.add(`${path}.${k}`, 'expected a list');
      return [];
    }
    if (v.length > max) {
      this.add(`${path}.${k}`, `more than ${max} entries`);
      return [];
    }
    return v;
  }
  get full(): boolean {
    return this.errors.length >= MAX_ERRORS;
  }
}

function checkItem(c: Collector, it: unknown, p: string): void {
  if (!isPlainObject(it)) return c.add(p, 'expected an object');
  c.closed(it, KEYS.item, p);
  c.str(it, 'code', p, { re: ITEM_CODE_RE });
  for (const k of ['nameTh', 'nameEn']) c.str(it, k, p, { max: 2000 });
  for (const k of ['unit', 'assignee']) c.str(it, k, p);
  for (const k of ['notes', 'explanationText']) c.str(it, k, p, { max: MANIFEST_CAPS.longText });
  c.str(it, 'explanation', p, { nullable: true, max: MANIFEST_CAPS.longText });
  for (const k of ['status', 'derivedStatus'])
    if (!STATUSES.includes(it[k] as string)) c.add(`${p}.${k}`, 'unknown status');
  if (it.answer !== 'มี' && it.answer !== 'ไม่มี' && it.answer !== '') c.add(`${p}.answer`, 'expected มี, ไม่มี or empty');
  if (it.answerNote !== undefined) c.str(it, 'answerNote', p, { max: 2000 });
  c.date(it, 'dueDate', p);
  c.instant(it, 'updatedAt', p, true);
  c.strings(it, 'submitUrls', p, { maxItems: MANIFEST_CAPS.urls, max: 8192, nullable: true, urls: true });
  c.strings(it, 'urls', p, { maxItems: MANIFEST_CAPS.urls, max: 8192, urls: true });
  c.strings(it, 'evidenceIds', p, { maxItems: MANIFEST_CAPS.evidence, max: 1000 });
  const ov = it.statusOverride;
  if (ov === null) return;
  if (!isPlainObject(ov) || !STATUSES.includes(ov.status as string))
    return c.add(`${p}.statusOverride`, 'expected null or { status, reason }');
  c.closed(ov, KEYS.override, `${p}.statusOverride`);
  c.str(ov, 'reason', `${p}.statusOverride`, { max: 2000 });
}

function checkEvidence(c: Collector, ev: unknown, p: string): void {
  if (!isPlainObject(ev)) return c.add(p, 'expected an object');
  c.closed(ev, KEYS.evidence, p);
  if (isPlainObject(ev.viewport)) c.closed(ev.viewport, KEYS.viewport, `${p}.viewport`);
  if (Array.isArray(ev.clickPath) && ev.clickPath.length <= MAX_CLICK_STEPS) {
    ev.clickPath.forEach((s, j) => isPlainObject(s) && c.closed(s, KEYS.step, `${p}.clickPath[${j}]`));
  }
  if (Array.isArray(ev.artifacts) && ev.artifacts.length <= MAX_ARTIFACTS) {
    ev.artifacts.forEach((a, j) => {
      if (!isPlainObject(a)) return;
      c.closed(a, KEYS.artifact, `${p}.artifacts[${j}]`);
      c.str(a, 'path', `${p}.artifacts[${j}]`, { nonEmpty: true, max: 255 });
    });
  }
  if (c.full) return;
  // validateEvidence checks the record's own fields, closedness included; `path` is the one
  // field a manifest artifact adds.
  const record = { ...ev, artifacts: Array.isArray(ev.artifacts) ? ev.artifacts.map(withoutPath) : ev.artifacts };
  for (const issue of validateEvidence(record)) c.add(issue.path ? `${p}.${issue.path}` : p, issue.problem);
}

function withoutPath(a: unknown): unknown {
  if (!isPlainObject(a)) return a;
  const { path: _path, ...rest } = a;
  return rest;
}

export function validateManifest(m: Obj): BundleError[] {
  const c = new Collector();
  c.closed(m, KEYS.top, '');
  if (m.formatVersion !== BUNDLE_FORMAT_VERSION) c.add('.formatVersion', `expected ${BUNDLE_FORMAT_VERSION}`);
  c.instant(m, 'exportedAt', '');
  c.str(m, 'extensionVersion', '', { max: 100 });
  const agency = c.obj(m, 'agency', '', KEYS.agency);
  if (agency) {
    c.str(agency, 'name', '.agency');
    if (agency.homeUrl !== '') c.url(agency, 'homeUrl', '.agency');
    c.int(agency, 'fiscalYear', '.agency', 0, 9999);
    c.strings(agency, 'units', '.agency', { maxItems: MANIFEST_CAPS.units });
  }
  const cs = c.obj(m, 'criteriaSet', '', KEYS.criteriaSet);
  if (cs) {
    c.str(cs, 'id', '.criteriaSet', { nonEmpty: true, max: 200 });
    c.str(cs, 'path', '.criteriaSet', { nonEmpty: true, max: 255 });
    for (const k of ['titleTh', 'titleEn']) c.str(cs, k, '.criteriaSet');
    c.str(cs, 'sha256', '.criteriaSet', { re: HEX64 });
    c.int(cs, 'fiscalYear', '.criteriaSet', 0, 9999);
    c.int(cs, 'itemCount', '.criteriaSet', 0, MANIFEST_CAPS.items);
  }
  if (m.subset !== null) {
    const sub = c.obj(m, 'subset', '', KEYS.subset);
    if (sub) {
      if (sub.units !== undefined) c.strings(sub, 'units', '.subset', { maxItems: MANIFEST_CAPS.units });
      if (sub.codes !== undefined) c.strings(sub, 'codes', '.subset', { maxItems: MANIFEST_CAPS.items, max: 10 });
      if (sub.changedSince !== undefined) c.instant(sub, 'changedSince', '.subset');
    }
  }
  const sum = c.obj(m, 'summary', '', KEYS.summary);
  if (sum) {
    c.num(sum, 'score', '.summary', 0, 100);
    for (const k of ['complete', 'total', 'evidenceCount', 'artifactCount']) c.int(sum, k, '.summary');
  }
  c.list(m, 'items', '', MANIFEST_CAPS.items).forEach((it, i) => !c.full && checkItem(c, it, `.items[${i}]`));
  c.list(m, 'evidence', '', MANIFEST_CAPS.evidence).forEach(
    (ev, i) => !c.full && checkEvidence(c, ev, `.evidence[${i}]`),
  );
  c.list(m, 'files', '', MANIFEST_CAPS.files).forEach((f, i) => {
    const p = `.files[${i}]`;
    if (!isPlainObject(f)) return c.add(p, 'expected an object');
    c.closed(f, KEYS.file, p);
    c.str(f, 'path', p, { nonEmpty: true, max: 255 });
    c.str(f, 'mime', p, { nonEmpty: true, max: 200 });
    c.str(f, 'sha256', p, { re: HEX64 });
    c.int(f, 'bytes', p);
    if (!ROLES.includes(f.role as string)) c.add(`${p}.role`, 'unknown role');
  });
  if (m.verification !== undefined) {
    c.list(m, 'verification', '', MANIFEST_CAPS.verification).forEach((v, i) => {
      const p = `.verification[${i}]`;
      if (!isPlainObject(v)) return c.add(p, 'expected an object');
      c.closed(v, KEYS.verification, p);
      // The rest is rebuilt from a whitelist (verification-check.ts), which names what is wrong.
    });
  }
  return c.errors;
}

export function asManifest(m: Obj): BundleManifest {
  return m as unknown as BundleManifest;
}
