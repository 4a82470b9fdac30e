/**
 * Re-verification results travel in bundles and replace local ones when newer. An imported result
 * is therefore rebuilt field by field from a whitelist, never passed through: it must be about
 * evidence in the same bundle (its own key: the evidence id, or `id#artifactId` of one of that
 * evidence's documents), dated at a real time not in the future, and hold only known values of the
 * right types. Whatever else the bundle put in the object is dropped.
 */
import { isIsoInstant } from '../util/iso-time';
import { isPlainObject } from '../util/guards';
import { isHttpUrl } from '../util/url';
import { isProblemCode } from '../verify/problems';
import type { RedirectHop, LinkStep, VerifyDetails, VerifyResult } from '../verify/types';
import type { ManifestVerification } from './manifest';

/** Results may be dated up to this far ahead of the importer's clock (clock skew between machines). */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;
/** Caps of the lists and texts inside a result (documented in docs/bundle-format.md). */
export const VERIFY_CAPS = {
  redirects: 20,
  linkPath: 100,
  problems: 20,
  years: 50,
  documents: 100,
  text: 500,
  url: 8192,
} as const;

type Obj = Record<string, unknown>;
class Bad extends Error {}
const bad = (why: string): never => {
  throw new Bad(why);
};

const text = (v: unknown, field: string, max: number = VERIFY_CAPS.text): string =>
  typeof v === 'string' && v.length <= max ? v : bad(`${field} is not text of at most ${max} characters`);
const url = (v: unknown, field: string): string => (isHttpUrl(v) ? v : bad(`${field} is not an http(s) URL`));
const int = (v: unknown, field: string, min: number, max: number): number =>
  Number.isSafeInteger(v) && (v as number) >= min && (v as number) <= max
    ? (v as number)
    : bad(`${field} is not a whole number from ${min} to ${max}`);
const unit = (v: unknown, field: string): number =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 1 ? v : bad(`${field} is not a number from 0 to 1`);
function list<T>(v: unknown, field: string, max: number, each: (x: unknown, f: string) => T): T[] {
  if (!Array.isArray(v) || v.length > max) return bad(`${field} is not a list of at most ${max}`);
  return v.map((x, i) => each(x, `${field}[${i}]`));
}
const obj = (v: unknown, field: string): Obj => (isPlainObject(v) ? v : bad(`${field} is not an object`));

function hop(v: unknown, f: string): RedirectHop {
  const o = obj(v, f);
  return { url: url(o.url, `${f}.url`), status: int(o.status, `${f}.status`, 0, 999) };
}

function step(v: unknown, f: string): LinkStep {
  const o = obj(v, f);
  return { url: url(o.url, `${f}.url`), linkText: text(o.linkText, `${f}.linkText`) };
}

const HEX64 = /^[0-9a-f]{64}$/;
const ENUMS = {
  redirectMode: ['manual', 'follow'],
  soft404Reason: ['sibling-similar', 'sibling-same-final-url', 'phrase'],
} as const;

function details(v: unknown): VerifyDetails {
  const o = obj(v, 'result.details');
  const out: VerifyDetails = {};
  const f = (k: string) => `result.details.${k}`;
  if (o.error !== undefined) out.error = text(o.error, f('error'), 100);
  if (o.contentType !== undefined) out.contentType = text(o.contentType, f('contentType'), 200);
  if (o.charset !== undefined) out.charset = text(o.charset, f('charset'), 50);
  if (o.attempts !== undefined) out.attempts = int(o.attempts, f('attempts'), 0, 100);
  if (o.redirectMode !== undefined) {
    out.redirectMode = ENUMS.redirectMode.find((x) => x === o.redirectMode) ?? bad(`${f('redirectMode')} is unknown`);
  }
  if (o.soft404Reason !== undefined) {
    out.soft404Reason =
      ENUMS.soft404Reason.find((x) => x === o.soft404Reason) ?? bad(`${f('soft404Reason')} is unknown`);
  }
  if (o.siblingSimilarity !== undefined) out.siblingSimilarity = unit(o.siblingSimilarity, f('siblingSimilarity'));
  if (o.phrase !== undefined) out.phrase = text(o.phrase, f('phrase'));
  for (const k of ['yearsExpected', 'yearsFound'] as const) {
    if (o[k] !== undefined) out[k] = list(o[k], f(k), VERIFY_CAPS.years, (x, g) => int(x, g, 0, 9999));
  }
  for (const k of ['sha256', 'expectedSha256'] as const) {
    if (o[k] !== undefined)
      out[k] = typeof o[k] === 'string' && HEX64.test(o[k]) ? o[k] : bad(`${f(k)} is not a SHA-256`);
  }
  if (o.crawlPages !== undefined) out.crawlPages = int(o.crawlPages, f('crawlPages'), 0, 1_000_000);
  if (o.blocked !== undefined) {
    const b = obj(o.blocked, f('blocked'));
    out.blocked = {
      reason: text(b.reason, f('blocked.reason'), 100),
      host: text(b.host, f('blocked.host'), 300),
      address: b.address === null ? null : text(b.address, f('blocked.address'), 100),
    };
  }
  if (o.documentType !== undefined) out.documentType = text(o.documentType, f('documentType'), 50);
  if (o.brokenDocuments !== undefined) {
    out.brokenDocuments = list(o.brokenDocuments, f('brokenDocuments'), VERIFY_CAPS.documents, (x, g) => {
      const d = obj(x, g);
      return {
        url: url(d.url, `${g}.url`),
        status: d.status === null ? null : int(d.status, `${g}.status`, 0, 999),
        error: text(d.error, `${g}.error`, 100),
      };
    });
  }
  if (o.yearOnlyInChrome !== undefined)
    out.yearOnlyInChrome =
      typeof o.yearOnlyInChrome === 'boolean' ? o.yearOnlyInChrome : bad(`${f('yearOnlyInChrome')} is not true/false`);
  if (o.message !== undefined) out.message = text(o.message, f('message'));
  return out;
}

/** For each evidence id in the bundle, the ids of its artifacts. */
export type EvidenceIndex = ReadonlyMap<string, ReadonlySet<string>>;

export type RebuiltVerification = { ok: true; value: ManifestVerification } | { ok: false; problem: string };

/** The result as it may be stored, or why it cannot be imported (English, for the error's `problem`). */
export function rebuildVerification(raw: unknown, now: number, evidence: EvidenceIndex): RebuiltVerification {
  try {
    const v = obj(raw, 'verification');
    const key = text(v.key, 'key', 2000);
    const evidenceId = text(v.evidenceId, 'evidenceId', 1000);
    const artifacts = evidence.get(evidenceId) ?? bad('evidenceId is not evidence in this bundle');
    const hash = key.indexOf('#');
    if (hash < 0 ? key !== evidenceId : key.slice(0, hash) !== evidenceId) bad('key does not belong to evidenceId');
    if (hash >= 0 && !artifacts.has(key.slice(hash + 1))) bad('key names no artifact of that evidence');
    if (!isIsoInstant(v.checkedAt)) bad('checkedAt is not a time');
    const checkedAt = new Date(v.checkedAt as string).toISOString();
    if (Date.parse(checkedAt) > now + MAX_CLOCK_SKEW_MS) bad('checkedAt is in the future');
    const r = obj(v.result, 'result');
    const problems = list(r.problems, 'result.problems', VERIFY_CAPS.problems, (x) =>
      typeof x === 'string' && isProblemCode(x) ? x : bad(`unknown problem code ${JSON.stringify(x).slice(0, 40)}`),
    );
    const kind = r.kind === 'page' || r.kind === 'document' ? r.kind : bad('result.kind is not page or document');
    if ((kind === 'document') !== hash >= 0) bad('result.kind does not match the key');
    const result: VerifyResult = {
      key,
      evidenceId,
      checkedAt,
      kind,
      url: url(r.url, 'result.url'),
      criterion: text(r.criterion, 'result.criterion', 1000),
      ok: typeof r.ok === 'boolean' ? r.ok : bad('result.ok is not true/false'),
      status: r.status === null ? null : int(r.status, 'result.status', 0, 999),
      finalUrl: r.finalUrl === null ? null : url(r.finalUrl, 'result.finalUrl'),
      redirects: list(r.redirects, 'result.redirects', VERIFY_CAPS.redirects, hop),
      problems: [...new Set(problems)],
      similarity: r.similarity === null ? null : unit(r.similarity, 'result.similarity'),
      linkPath: r.linkPath === null ? null : list(r.linkPath, 'result.linkPath', VERIFY_CAPS.linkPath, step),
      details: details(r.details),
    };
    return { ok: true, value: { key, evidenceId, checkedAt, result: result as unknown as Record<string, unknown> } };
  } catch (e) {
    if (e instanceof Bad) return { ok: false, problem: e.message };
    throw e;
  }
}
