/**
 * Re-verification results travel in bundles and replace local ones when newer, so an imported
 * result must be about the evidence it names, dated in the past, and use the fixed problem codes.
 */
import { isHttpUrl } from '../util/url';
import { isProblemCode } from '../verify/problems';
import type { ManifestVerification } from './manifest';
import { isPlainObject } from '../util/guards';

/** Results may be dated up to this far ahead of the importer's clock (clock skew between machines). */
export const MAX_CLOCK_SKEW_MS = 24 * 60 * 60 * 1000;


/** Why `v` cannot be imported (English, for the error's `problem` parameter), or null when it can. */
export function verificationProblem(v: ManifestVerification, now: number): string | null {
  if (typeof v.key !== 'string' || typeof v.evidenceId !== 'string') return 'key and evidenceId must be text';
  if (v.key !== v.evidenceId && !v.key.startsWith(`${v.evidenceId}#`)) return 'key does not belong to evidenceId';
  const at = typeof v.checkedAt === 'string' ? Date.parse(v.checkedAt) : NaN;
  if (Number.isNaN(at)) return 'checkedAt is not a time';
  if (at > now + MAX_CLOCK_SKEW_MS) return 'checkedAt is in the future';
  const r: unknown = v.result;
  if (!isPlainObject(r)) return 'result is not an object';
  if (!isHttpUrl(r.url)) return 'result.url is not an http(s) URL';
  if (!Array.isArray(r.problems)) return 'result.problems is not a list';
  const unknown = r.problems.find((p) => typeof p !== 'string' || !isProblemCode(p));
  if (unknown !== undefined) return `unknown problem code ${JSON.stringify(unknown).slice(0, 40)}`;
  return null;
}
