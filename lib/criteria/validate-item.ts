/** Validation of one criterion (ข้อ) of a format-2 criteria set. */
import { readItemLineage } from './validate-lineage';
import type {
  AnyOfGroup,
  Confidence,
  Criterion,
  CriterionElement,
  HintRule,
  PeriodRule,
  SourceCitation,
  Subindicator,
} from './types';
import { FieldReader, joinPath, typeName, type Obj } from './field-reader';
import { isPlainObject as isObj } from '../util/guards';
import { ITEM_CODE_RE } from './item-code';

const ELEMENT_KEY_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** Fiscal-year offsets beyond this are a typo, not a rule. */
const MAX_YEAR_OFFSET = 5;

function isIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function optionalBoolean(r: FieldReader, o: Obj, key: string, path: string): boolean | undefined | null {
  if (o[key] === undefined) return undefined;
  if (typeof o[key] === 'boolean') return o[key];
  r.report('wrong-type', joinPath(path, key), { expected: 'boolean', actual: typeName(o[key]) });
  return null;
}

function readElement(r: FieldReader, o: Obj, path: string): CriterionElement | undefined {
  const key = r.string(o, 'key', path);
  const th = r.string(o, 'th', path, { nonEmpty: true });
  const en = r.string(o, 'en', path);
  if (key !== undefined && !ELEMENT_KEY_RE.test(key)) r.report('bad-element-key', joinPath(path, 'key'), { key });
  let required: boolean | undefined;
  if (!('required' in o)) r.report('missing-field', joinPath(path, 'required'), { field: 'required' });
  else if (typeof o.required !== 'boolean')
    r.report('wrong-type', joinPath(path, 'required'), { expected: 'boolean', actual: typeName(o.required) });
  else required = o.required;
  const perPerson = optionalBoolean(r, o, 'perPerson', path);
  if (key === undefined || th === undefined || en === undefined || required === undefined || perPerson === null)
    return undefined;
  return perPerson ? { key, th, en, required, perPerson } : { key, th, en, required };
}

function readOffset(r: FieldReader, o: Obj, path: string, kind: string): number | undefined {
  const v = o.offset;
  if (typeof v === 'number' && Number.isInteger(v) && Math.abs(v) <= MAX_YEAR_OFFSET) return v;
  r.report('bad-period-rule', joinPath(path, 'offset'), { kind, offset: String(v) });
  return undefined;
}

function readRange(r: FieldReader, o: Obj, path: string): PeriodRule | undefined {
  const from = r.string(o, 'from', path);
  const to = r.string(o, 'to', path);
  let ok = from !== undefined && to !== undefined;
  for (const [k, v] of [
    ['from', from],
    ['to', to],
  ] as const) {
    if (v !== undefined && !isIsoDate(v)) {
      r.report('bad-date', joinPath(path, k), { value: v });
      ok = false;
    }
  }
  if (ok && from! > to!) {
    r.report('bad-period-rule', joinPath(path, 'to'), { kind: 'range', from: from!, to: to! });
    ok = false;
  }
  const monthly = optionalBoolean(r, o, 'monthly', path);
  if (!ok || monthly === null) return undefined;
  return monthly === undefined
    ? { kind: 'range', from: from!, to: to! }
    : { kind: 'range', from: from!, to: to!, monthly };
}

function readPeriodRule(r: FieldReader, o: Obj, path: string): PeriodRule | undefined {
  const kind = o.kind;
  switch (kind) {
    case 'current':
    case 'in-force':
      return { kind };
    case 'fiscal-year': {
      const offset = readOffset(r, o, path, kind);
      return offset === undefined ? undefined : { kind, offset };
    }
    case 'range':
      return readRange(r, o, path);
    case 'covers': {
      if (o.minYears === undefined) return { kind };
      if (typeof o.minYears === 'number' && Number.isInteger(o.minYears) && o.minYears >= 1 && o.minYears <= 20)
        return { kind, minYears: o.minYears };
      r.report('bad-period-rule', joinPath(path, 'minYears'), {
        kind,
        minYears: JSON.stringify(o.minYears) ?? 'undefined',
      });
      return undefined;
    }
    case 'first-half': {
      const monthly = optionalBoolean(r, o, 'monthly', path);
      if (monthly === null) return undefined;
      return monthly === undefined ? { kind } : { kind, monthly };
    }
  }
  const kindPath = joinPath(path, 'kind');
  if (kind === undefined) r.report('missing-field', kindPath, { field: 'kind' });
  else r.report('bad-period-rule', kindPath, { kind: typeof kind === 'string' ? kind : typeName(kind) });
  return undefined;
}

function readAnyOf(
  r: FieldReader,
  o: Obj,
  path: string,
  elements: Map<string, CriterionElement>,
): AnyOfGroup | undefined {
  const key = r.string(o, 'key', path);
  const th = r.string(o, 'th', path, { nonEmpty: true });
  const en = r.string(o, 'en', path);
  const min = r.integer(o, 'min', path);
  if (key !== undefined && !ELEMENT_KEY_RE.test(key)) r.report('bad-element-key', joinPath(path, 'key'), { key });
  if (key !== undefined && elements.has(key)) r.report('duplicate-element-key', joinPath(path, 'key'), { key });
  const listPath = joinPath(path, 'elements');
  let members: string[] | undefined;
  if (!Array.isArray(o.elements)) {
    if (o.elements === undefined) r.report('missing-field', listPath, { field: 'elements' });
    else r.report('wrong-type', listPath, { expected: 'array', actual: typeName(o.elements) });
  } else {
    members = [];
    o.elements.forEach((k: unknown, i) => {
      const p = joinPath(listPath, i);
      if (typeof k !== 'string') return void r.report('wrong-type', p, { expected: 'string', actual: typeName(k) });
      const el = elements.get(k);
      if (!el) r.report('unknown-element', p, { key: k });
      else if (el.required) r.report('group-element-required', p, { key: k });
      if (members!.includes(k)) r.report('duplicate-element-key', p, { key: k });
      members!.push(k);
    });
  }
  if (min !== undefined && members && (min < 1 || min > members.length))
    r.report('bad-group-min', joinPath(path, 'min'), { min, count: members.length });
  if (key === undefined || th === undefined || en === undefined || min === undefined || !members) return undefined;
  return { key, th, en, min, elements: members };
}

function readHintRule(r: FieldReader, o: Obj, path: string, codes: ReadonlySet<string>): HintRule | undefined {
  if (o.kind === 'signed-by-top-executive') return { kind: o.kind };
  if (o.kind === 'current-executive') {
    const item = r.string(o, 'item', path);
    if (item === undefined) return undefined;
    if (!codes.has(item)) {
      r.report('unknown-item', joinPath(path, 'item'), { code: item });
      return undefined;
    }
    return { kind: o.kind, item };
  }
  r.report('bad-hint-rule', joinPath(path, 'kind'), { kind: typeof o.kind === 'string' ? o.kind : typeName(o.kind) });
  return undefined;
}

function readSource(r: FieldReader, o: Obj, path: string): SourceCitation | undefined {
  const document = r.string(o, 'document', path, { nonEmpty: true });
  const quote = r.string(o, 'quote', path, { nonEmpty: true });
  let ok = document !== undefined && quote !== undefined;
  const out: SourceCitation = { document: document ?? '', quote: quote ?? '' };
  if (o.official !== undefined) {
    if (typeof o.official === 'boolean') out.official = o.official;
    else {
      r.report('wrong-type', joinPath(path, 'official'), { expected: 'boolean', actual: typeName(o.official) });
      ok = false;
    }
  }
  for (const k of ['date', 'url', 'note'] as const) {
    if (o[k] === undefined) continue;
    const v = r.checkString(o[k], joinPath(path, k));
    if (v === undefined) ok = false;
    else if (k === 'date' && !isIsoDate(v)) {
      r.report('bad-date', joinPath(path, k), { value: v });
      ok = false;
    } else out[k] = v;
  }
  return ok ? out : undefined;
}

/** An optional list: absent means empty. */
function optionalList<T>(
  r: FieldReader,
  o: Obj,
  key: string,
  path: string,
  each: (el: Obj, p: string) => T | undefined,
): T[] | undefined {
  if (o[key] === undefined) return [];
  if (Array.isArray(o[key]) && o[key].length === 0) return [];
  return r.list(o, key, path, each);
}

function checkSubindicator(
  r: FieldReader,
  path: string,
  sub: string | undefined,
  indicator: number | undefined,
  subs: Map<string, Subindicator>,
): void {
  if (sub === undefined) return;
  const s = subs.get(sub);
  if (!s) r.report('unknown-subindicator', joinPath(path, 'subindicator'), { subindicator: sub });
  else if (indicator !== undefined && s.indicator !== indicator)
    r.report('subindicator-mismatch', joinPath(path, 'subindicator'), {
      subindicator: sub,
      expected: s.indicator,
      actual: indicator,
    });
}

function checkDuplicateKeys(r: FieldReader, o: Obj, path: string): void {
  const seen = new Set<string>();
  if (!Array.isArray(o.elements)) return;
  o.elements.forEach((el: unknown, i) => {
    if (!isObj(el) || typeof el.key !== 'string') return;
    if (seen.has(el.key)) r.report('duplicate-element-key', `${path}.elements[${i}].key`, { key: el.key });
    seen.add(el.key);
  });
}

export function readItem(
  r: FieldReader,
  o: Obj,
  path: string,
  subs: Map<string, Subindicator>,
  codes: ReadonlySet<string>,
): Criterion | undefined {
  const code = r.string(o, 'code', path);
  if (code !== undefined && !ITEM_CODE_RE.test(code)) r.report('bad-code', joinPath(path, 'code'), { code });
  const indicator = r.integer(o, 'indicator', path);
  const subindicator = r.string(o, 'subindicator', path);
  checkSubindicator(r, path, subindicator, indicator, subs);
  const subgroupTh = r.string(o, 'subgroupTh', path);
  const nameTh = r.string(o, 'nameTh', path, { nonEmpty: true });
  const nameEn = r.string(o, 'nameEn', path);
  const elements = r.list(o, 'elements', path, (el, p) => readElement(r, el, p));
  checkDuplicateKeys(r, o, path);
  const byKey = new Map((elements ?? []).map((e) => [e.key, e] as const));
  const anyOf = optionalList(r, o, 'anyOf', path, (g, p) => readAnyOf(r, g, p, byKey));
  const conditions = r.string(o, 'conditions', path);
  const hintRules = optionalList(r, o, 'hintRules', path, (h, p) => readHintRule(r, h, p, codes));
  const ruleObj = r.object(o, 'periodRule', path);
  const periodRule = ruleObj && readPeriodRule(r, ruleObj, joinPath(path, 'periodRule'));
  const periodText = r.string(o, 'periodText', path);
  const noneRule = r.nullableString(o, 'noneRule', path);
  let source: SourceCitation | null | undefined = null;
  if (o.source !== undefined && o.source !== null) {
    const s = r.object(o, 'source', path);
    source = s && readSource(r, s, joinPath(path, 'source'));
  }
  const confidence = r.string(o, 'confidence', path);
  if (confidence !== undefined && !['A', 'B', 'C'].includes(confidence))
    r.report('bad-confidence', joinPath(path, 'confidence'), { value: confidence });
  const lineage = readItemLineage(r, o, path);
  const parts = [
    code,
    indicator,
    subindicator,
    subgroupTh,
    nameTh,
    nameEn,
    elements,
    anyOf,
    conditions,
    hintRules,
    periodRule,
    periodText,
    noneRule,
    source,
    confidence,
  ];
  if (parts.includes(undefined)) return undefined;
  return {
    code: code!,
    indicator: indicator!,
    subindicator: subindicator!,
    subgroupTh: subgroupTh!,
    nameTh: nameTh!,
    nameEn: nameEn!,
    elements: elements!,
    anyOf: anyOf!,
    conditions: conditions!,
    hintRules: hintRules!,
    periodRule: periodRule!,
    periodText: periodText!,
    noneRule: noneRule!,
    source: source!,
    confidence: confidence as Confidence,
    ...lineage,
  };
}
