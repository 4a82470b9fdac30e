/** Small typed readers that record a CriteriaError instead of throwing when a field is wrong. */
import type { CriteriaError, CriteriaErrorCode, CriteriaErrorParams } from './errors';
import { isPlainObject } from '../util/guards';

const MAX_TEXT_LENGTH = 10_000;

export type Obj = Record<string, unknown>;

export function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function joinPath(base: string, key: string | number): string {
  if (typeof key === 'number') return `${base}[${key}]`;
  return base ? `${base}.${key}` : key;
}

export class FieldReader {
  readonly errors: CriteriaError[] = [];

  report(code: CriteriaErrorCode, path: string, params: CriteriaErrorParams = {}): void {
    this.errors.push({ code, path, params });
  }

  /** Returns the field value, or undefined after reporting `missing-field`. */
  private field(obj: Obj, key: string, base: string): unknown {
    if (!(key in obj) || obj[key] === undefined) {
      this.report('missing-field', joinPath(base, key), { field: key });
      return undefined;
    }
    return obj[key];
  }

  private wrongType(path: string, expected: string, v: unknown): undefined {
    this.report('wrong-type', path, { expected, actual: typeName(v) });
    return undefined;
  }

  string(obj: Obj, key: string, base: string, opts: { nonEmpty?: boolean } = {}): string | undefined {
    const v = this.field(obj, key, base);
    if (v === undefined) return undefined;
    return this.checkString(v, joinPath(base, key), opts);
  }

  checkString(v: unknown, path: string, opts: { nonEmpty?: boolean } = {}): string | undefined {
    if (typeof v !== 'string') return this.wrongType(path, 'string', v);
    if (v.length > MAX_TEXT_LENGTH) {
      this.report('string-too-long', path, { length: v.length, max: MAX_TEXT_LENGTH });
      return undefined;
    }
    if (opts.nonEmpty && v.trim() === '') {
      this.report('empty-string', path);
      return undefined;
    }
    return v;
  }

  nullableString(obj: Obj, key: string, base: string): string | null | undefined {
    const v = this.field(obj, key, base);
    if (v === null) return null;
    if (v === undefined) return undefined;
    return this.checkString(v, joinPath(base, key));
  }

  integer(obj: Obj, key: string, base: string): number | undefined {
    const v = this.field(obj, key, base);
    if (v === undefined) return undefined;
    if (typeof v !== 'number' || !Number.isInteger(v)) return this.wrongType(joinPath(base, key), 'integer', v);
    return v;
  }

  object(obj: Obj, key: string, base: string): Obj | undefined {
    const v = this.field(obj, key, base);
    if (v === undefined) return undefined;
    if (!isPlainObject(v)) return this.wrongType(joinPath(base, key), 'object', v);
    return v;
  }

  /** Reads an array and maps each object element; non-object elements are reported and skipped. */
  list<T>(obj: Obj, key: string, base: string, each: (el: Obj, path: string) => T | undefined): T[] | undefined {
    const v = this.field(obj, key, base);
    const path = joinPath(base, key);
    if (v === undefined) return undefined;
    if (!Array.isArray(v)) return this.wrongType(path, 'array', v);
    if (v.length === 0) this.report('empty-list', path);
    const out: T[] = [];
    v.forEach((el: unknown, i) => {
      const p = joinPath(path, i);
      if (!isPlainObject(el)) {
        this.wrongType(p, 'object', el);
        return;
      }
      const r = each(el, p);
      if (r !== undefined) out.push(r);
    });
    return out;
  }
}
