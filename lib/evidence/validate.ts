import { ALLOWED_DOCUMENT_MIMES } from './document-types';
import { isPlainObject } from '../util/guards';
import { isHttpUrl } from '../util/url';
import { ITEM_CODE_RE } from '../criteria/item-code';
import { isIsoInstant } from '../util/iso-time';

const METHODS = new Set([
  'viewport',
  'fullpage-stitched',
  'element-crop',
  'rendered-html2canvas',
  'document-bytes',
  'dom-snapshot',
  'text',
]);
const HEX64 = /^[0-9a-f]{64}$/;

export interface ValidationIssue {
  path: string;
  problem: string;
}

export const MAX_TITLE = 2000;
export const MAX_NOTE = 5000;
export const MAX_FILE_NAME = 255;
export const MAX_LINK_TEXT = 500;
export const MAX_TICK_KEY = 200;
export const MAX_TICKS = 200;
/** Caps of the record's lists (docs/bundle-format.md): capture keeps 50 click-path steps. */
export const MAX_CLICK_STEPS = 100;
export const MAX_CRITERIA = 50;
export const MAX_ARTIFACTS = 200;
export const MAX_TICK_CODES = 100;
export const MAX_VIEWPORT = 100_000;
export const MAX_SHORT = 1000;

const SCREENSHOT_METHODS = new Set(['viewport', 'fullpage-stitched', 'element-crop', 'rendered-html2canvas']);

/** The MIME types a stored document may have (what the capture sniffs from the bytes). */
/** The one allowlist of stored document types, shared with capture (lib/capture/documents.ts). */
const DOCUMENT_MIMES: ReadonlySet<string> = new Set(ALLOWED_DOCUMENT_MIMES);

const normMime = (m: string) => m.toLowerCase().replace(/\s+/g, '');

/** Whether `mime` is one that artifacts of `method` may carry. */
export function mimeAllowed(method: string, mime: string): boolean {
  const m = normMime(mime);
  if (SCREENSHOT_METHODS.has(method)) return m === 'image/png';
  if (method === 'dom-snapshot') return m === 'text/html' || m === 'text/html;charset=utf-8';
  if (method === 'text') return m === 'text/plain' || m === 'text/plain;charset=utf-8';
  if (method === 'document-bytes') return DOCUMENT_MIMES.has(m);
  return false;
}

const isText = (v: unknown, max: number): v is string => typeof v === 'string' && v.length <= max;
const isCount = (v: unknown) => Number.isSafeInteger(v) && (v as number) >= 0;
const isSize = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= MAX_VIEWPORT;

function checkArtifact(a: unknown, path: string, out: ValidationIssue[]): void {
  if (!isPlainObject(a)) return void out.push({ path, problem: 'not an object' });
  if (typeof a.id !== 'string' || !a.id || a.id.length > MAX_SHORT)
    out.push({ path: `${path}.id`, problem: 'missing' });
  if (typeof a.method !== 'string' || !METHODS.has(a.method))
    out.push({ path: `${path}.method`, problem: 'unknown method' });
  if (typeof a.mime !== 'string' || !a.mime) out.push({ path: `${path}.mime`, problem: 'missing' });
  else if (typeof a.method === 'string' && METHODS.has(a.method) && !mimeAllowed(a.method, a.mime))
    out.push({ path: `${path}.mime`, problem: `not allowed for ${a.method}` });
  if (!isCount(a.bytes)) out.push({ path: `${path}.bytes`, problem: 'not a size' });
  if (typeof a.sha256 !== 'string' || !HEX64.test(a.sha256))
    out.push({ path: `${path}.sha256`, problem: 'not a SHA-256' });
  for (const k of ['width', 'height', 'part', 'parts', 'tiles']) {
    if (a[k] !== undefined && !isCount(a[k])) out.push({ path: `${path}.${k}`, problem: 'not a count' });
  }
  if (a.sourceUrl !== undefined && !isHttpUrl(a.sourceUrl))
    out.push({ path: `${path}.sourceUrl`, problem: 'not an http(s) URL' });
  if (a.fileName !== undefined && !isText(a.fileName, MAX_FILE_NAME))
    out.push({ path: `${path}.fileName`, problem: `not text of at most ${MAX_FILE_NAME} characters` });
}

function checkClickPath(v: unknown, out: ValidationIssue[]): void {
  if (!Array.isArray(v)) return void out.push({ path: 'clickPath', problem: 'not a list' });
  if (v.length > MAX_CLICK_STEPS)
    return void out.push({ path: 'clickPath', problem: `more than ${MAX_CLICK_STEPS} steps` });
  v.forEach((step, i) => {
    if (!isPlainObject(step)) return void out.push({ path: `clickPath[${i}]`, problem: 'not an object' });
    if (!isHttpUrl(step.url)) out.push({ path: `clickPath[${i}].url`, problem: 'not an http(s) URL' });
    if (!isText(step.linkText, MAX_LINK_TEXT))
      out.push({ path: `clickPath[${i}].linkText`, problem: `not text of at most ${MAX_LINK_TEXT} characters` });
  });
}

function checkTicks(v: unknown, out: ValidationIssue[]): void {
  if (!isPlainObject(v)) return void out.push({ path: 'elementTicks', problem: 'not an object' });
  if (Object.keys(v).length > MAX_TICK_CODES)
    return void out.push({ path: 'elementTicks', problem: `more than ${MAX_TICK_CODES} criteria` });
  for (const [code, keys] of Object.entries(v)) {
    if (!ITEM_CODE_RE.test(code)) out.push({ path: 'elementTicks', problem: 'keys must be criterion codes' });
    else if (!Array.isArray(keys) || keys.length > MAX_TICKS || !keys.every((k) => isText(k, MAX_TICK_KEY)))
      out.push({ path: `elementTicks.${code.slice(0, 20)}`, problem: 'not a list of short text' });
  }
}

/** Structural validation of a record before it is written (saving and import); returns the issues (empty = valid). */
export function validateEvidence(r: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (!isPlainObject(r)) return [{ path: '', problem: 'not an object' }];
  if (r.schemaVersion !== 1) out.push({ path: 'schemaVersion', problem: 'unsupported' });
  if (typeof r.id !== 'string' || !r.id || r.id.length > MAX_SHORT) out.push({ path: 'id', problem: 'missing' });
  if (
    !Array.isArray(r.criteria) ||
    r.criteria.length === 0 ||
    r.criteria.length > MAX_CRITERIA ||
    !r.criteria.every((c) => typeof c === 'string' && ITEM_CODE_RE.test(c))
  )
    out.push({ path: 'criteria', problem: 'needs at least one criterion code' });
  if (!isHttpUrl(r.requestedUrl)) out.push({ path: 'requestedUrl', problem: 'not an http(s) URL' });
  if (!isHttpUrl(r.url)) out.push({ path: 'url', problem: 'not an http(s) URL' });
  if (!isText(r.title, MAX_TITLE)) out.push({ path: 'title', problem: `not text of at most ${MAX_TITLE} characters` });
  if (
    r.httpStatus !== null &&
    !(Number.isSafeInteger(r.httpStatus) && (r.httpStatus as number) >= 0 && (r.httpStatus as number) < 1000)
  )
    out.push({ path: 'httpStatus', problem: 'not an HTTP status' });
  if (!isIsoInstant(r.capturedAt)) out.push({ path: 'capturedAt', problem: 'not a time' });
  if (!isIsoInstant(r.updatedAt)) out.push({ path: 'updatedAt', problem: 'not a time' });
  for (const k of ['timeZone', 'userAgent', 'extensionVersion'])
    if (!isText(r[k], MAX_SHORT)) out.push({ path: k, problem: 'not text' });
  if (!isPlainObject(r.viewport) || !isSize(r.viewport.width) || !isSize(r.viewport.height))
    out.push({ path: 'viewport', problem: 'not { width, height }' });
  if (
    typeof r.devicePixelRatio !== 'number' ||
    !Number.isFinite(r.devicePixelRatio) ||
    r.devicePixelRatio <= 0 ||
    r.devicePixelRatio > 100
  )
    out.push({ path: 'devicePixelRatio', problem: 'not a number' });
  if (typeof r.reachedFromHome !== 'boolean') out.push({ path: 'reachedFromHome', problem: 'not true/false' });
  if (!isText(r.note, MAX_NOTE)) out.push({ path: 'note', problem: `not text of at most ${MAX_NOTE} characters` });
  if (!Array.isArray(r.artifacts)) out.push({ path: 'artifacts', problem: 'not a list' });
  else if (r.artifacts.length > MAX_ARTIFACTS)
    out.push({ path: 'artifacts', problem: `more than ${MAX_ARTIFACTS} files` });
  else r.artifacts.forEach((a, i) => checkArtifact(a, `artifacts[${i}]`, out));
  checkClickPath(r.clickPath, out);
  checkTicks(r.elementTicks, out);
  return out;
}
