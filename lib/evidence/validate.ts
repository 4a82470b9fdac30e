import type { Artifact, EvidenceRecord } from './types';

const METHODS = new Set([
  'viewport', 'fullpage-stitched', 'element-crop', 'rendered-html2canvas', 'document-bytes', 'dom-snapshot', 'text',
]);
const HEX64 = /^[0-9a-f]{64}$/;
const CODE = /^[A-Z]{1,3}\d{1,3}$/;

export interface ValidationIssue {
  path: string;
  problem: string;
}

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function isHttpUrl(s: unknown): s is string {
  if (typeof s !== 'string' || s.length > 8192) return false;
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}

function checkArtifact(a: unknown, path: string, out: ValidationIssue[]): void {
  if (!isObj(a)) return void out.push({ path, problem: 'not an object' });
  if (typeof a.id !== 'string' || !a.id) out.push({ path: `${path}.id`, problem: 'missing' });
  if (typeof a.method !== 'string' || !METHODS.has(a.method)) out.push({ path: `${path}.method`, problem: 'unknown method' });
  if (typeof a.mime !== 'string' || !a.mime) out.push({ path: `${path}.mime`, problem: 'missing' });
  if (!Number.isSafeInteger(a.bytes) || (a.bytes as number) < 0) out.push({ path: `${path}.bytes`, problem: 'not a size' });
  if (typeof a.sha256 !== 'string' || !HEX64.test(a.sha256)) out.push({ path: `${path}.sha256`, problem: 'not a SHA-256' });
}

/** Structural validation of a record before it is written; returns the issues (empty = valid). */
export function validateEvidence(r: unknown): ValidationIssue[] {
  const out: ValidationIssue[] = [];
  if (!isObj(r)) return [{ path: '', problem: 'not an object' }];
  if (r.schemaVersion !== 1) out.push({ path: 'schemaVersion', problem: 'unsupported' });
  if (typeof r.id !== 'string' || !r.id) out.push({ path: 'id', problem: 'missing' });
  if (!Array.isArray(r.criteria) || r.criteria.length === 0 || !r.criteria.every((c) => typeof c === 'string' && CODE.test(c)))
    out.push({ path: 'criteria', problem: 'needs at least one criterion code' });
  if (!isHttpUrl(r.requestedUrl)) out.push({ path: 'requestedUrl', problem: 'not an http(s) URL' });
  if (!isHttpUrl(r.url)) out.push({ path: 'url', problem: 'not an http(s) URL' });
  if (typeof r.title !== 'string') out.push({ path: 'title', problem: 'not text' });
  if (typeof r.capturedAt !== 'string' || Number.isNaN(Date.parse(r.capturedAt))) out.push({ path: 'capturedAt', problem: 'not a time' });
  if (typeof r.note !== 'string') out.push({ path: 'note', problem: 'not text' });
  if (!Array.isArray(r.artifacts)) out.push({ path: 'artifacts', problem: 'not a list' });
  else r.artifacts.forEach((a, i) => checkArtifact(a, `artifacts[${i}]`, out));
  if (!Array.isArray(r.clickPath)) out.push({ path: 'clickPath', problem: 'not a list' });
  if (!isObj(r.elementTicks)) out.push({ path: 'elementTicks', problem: 'not an object' });
  return out;
}

export function artifactsOf(r: EvidenceRecord, method: Artifact['method']): Artifact[] {
  return r.artifacts.filter((a) => a.method === method);
}
