/** Parse a criteria set from JSON text, reporting syntax errors with line/column. Never throws. */
import type { CriteriaSet } from './types';
import type { CriteriaError, CriteriaResult } from './errors';
import { validateCriteriaSet } from './validate';
import { lineColumnAt, locateJson } from './json-locate';

/** Criteria sets are small (the OIT set is ~40 kB); anything this big is not a criteria set. */
export const MAX_SET_TEXT_LENGTH = 4 * 1024 * 1024;

/** Finds the error position in a JSON.parse message: V8/Chromium use "position N", newer ones add "line L column C". */
export function syntaxErrorLocation(text: string, message: string): { line: number; column: number } {
  const lc = /line (\d+) column (\d+)/.exec(message);
  if (lc) return { line: Number(lc[1]), column: Number(lc[2]) };
  const pos = /position (\d+)/.exec(message);
  if (pos) return lineColumnAt(text, Number(pos[1]));
  if (/end of (JSON )?input|unexpected end/i.test(message)) return lineColumnAt(text, text.length);
  const scanned = locateJson(text).errorAt;
  return lineColumnAt(text, scanned ?? text.length);
}

export function parseCriteriaSetJson(text: string): CriteriaResult<CriteriaSet> {
  try {
    if (text.length > MAX_SET_TEXT_LENGTH)
      return {
        ok: false,
        errors: [{ code: 'too-large', path: '', params: { size: text.length, max: MAX_SET_TEXT_LENGTH } }],
      };
    // A UTF-8 BOM (common in files saved on Windows) becomes whitespace so that offsets stay put.
    const src = text.charCodeAt(0) === 0xfeff ? ` ${text.slice(1)}` : text;
    let data: unknown;
    try {
      data = JSON.parse(src);
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      const { line, column } = syntaxErrorLocation(src, message);
      return {
        ok: false,
        errors: [{ code: 'json-syntax', path: '', params: { message, line, column }, line, column }],
      };
    }
    const result = validateCriteriaSet(data);
    if (result.ok) return result;
    const where = locateJson(src);
    const errors: CriteriaError[] = result.errors.map((err) => {
      const at = where.offsetOf(err.path);
      if (at === undefined || err.path === '') return err;
      const { line, column } = lineColumnAt(src, at);
      return { ...err, line, column };
    });
    return { ok: false, errors };
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { ok: false, errors: [{ code: 'json-syntax', path: '', params: { message } }] };
  }
}
