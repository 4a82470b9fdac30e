/** Structural and referential validation of a criteria set (any framework, any year). */
import type { Confidence, CriteriaSet, Criterion, PeriodRule, RequiredElement, Subindicator } from './types';
import type { CriteriaResult } from './errors';
import { FieldReader, joinPath, typeName, type Obj } from './field-reader';
import { isPlainObject } from '../util/guards';

export { validateOit2564Split } from './validate-oit-2564';
export type { CriteriaError, CriteriaResult } from './errors';

import { ITEM_CODE_RE } from './item-code';

export const ELEMENT_KEY_RE = /^[A-Za-z][A-Za-z0-9_-]{0,63}$/;
const ISO_DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isIsoDate(s: string): boolean {
  const m = ISO_DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

function readElement(r: FieldReader, o: Obj, path: string): RequiredElement | undefined {
  const key = r.string(o, 'key', path);
  const th = r.string(o, 'th', path, { nonEmpty: true });
  const en = r.string(o, 'en', path);
  if (key !== undefined && !ELEMENT_KEY_RE.test(key)) r.report('bad-element-key', joinPath(path, 'key'), { key });
  if (key === undefined || th === undefined || en === undefined) return undefined;
  return { key, th, en };
}

function readPeriodRule(r: FieldReader, o: Obj, path: string): PeriodRule | undefined {
  const kind = o.kind;
  const kindPath = joinPath(path, 'kind');
  if (kind === 'current') return { kind };
  if (kind === 'fiscal-year') {
    if (o.offset === 0 || o.offset === -1) return { kind, offset: o.offset };
    r.report('bad-period-rule', joinPath(path, 'offset'), { kind, offset: String(o.offset) });
    return undefined;
  }
  if (kind === 'range') {
    const from = r.string(o, 'from', path);
    const to = r.string(o, 'to', path);
    let ok = from !== undefined && to !== undefined;
    for (const [k, v] of [['from', from], ['to', to]] as const) {
      if (v !== undefined && !isIsoDate(v)) {
        r.report('bad-date', joinPath(path, k), { value: v });
        ok = false;
      }
    }
    if (ok && from! > to!) {
      r.report('bad-period-rule', joinPath(path, 'to'), { kind, from: from!, to: to! });
      ok = false;
    }
    if (o.monthly !== undefined && typeof o.monthly !== 'boolean') {
      r.report('wrong-type', joinPath(path, 'monthly'), { expected: 'boolean', actual: typeName(o.monthly) });
      ok = false;
    }
    if (!ok) return undefined;
    return o.monthly === undefined ? { kind, from: from!, to: to! } : { kind, from: from!, to: to!, monthly: o.monthly as boolean };
  }
  if (kind === undefined) r.report('missing-field', kindPath, { field: 'kind' });
  else r.report('bad-period-rule', kindPath, { kind: typeof kind === 'string' ? kind : typeName(kind) });
  return undefined;
}

function readItem(r: FieldReader, o: Obj, path: string, subs: Map<string, Subindicator>): Criterion | undefined {
  const code = r.string(o, 'code', path);
  if (code !== undefined && !ITEM_CODE_RE.test(code)) r.report('bad-code', joinPath(path, 'code'), { code });
  const indicator = r.integer(o, 'indicator', path);
  const subindicator = r.string(o, 'subindicator', path);
  if (subindicator !== undefined) {
    const sub = subs.get(subindicator);
    if (!sub) r.report('unknown-subindicator', joinPath(path, 'subindicator'), { subindicator });
    else if (indicator !== undefined && sub.indicator !== indicator)
      r.report('subindicator-mismatch', joinPath(path, 'subindicator'), { subindicator, expected: sub.indicator, actual: indicator });
  }
  const subgroupTh = r.string(o, 'subgroupTh', path);
  const nameTh = r.string(o, 'nameTh', path, { nonEmpty: true });
  const nameEn = r.string(o, 'nameEn', path);
  const elements = r.list(o, 'elements', path, (el, p) => readElement(r, el, p));
  const seenKeys = new Set<string>();
  if (Array.isArray(o.elements)) {
    o.elements.forEach((el: unknown, i) => {
      if (!isPlainObject(el) || typeof el.key !== 'string') return;
      if (seenKeys.has(el.key)) r.report('duplicate-element-key', `${path}.elements[${i}].key`, { key: el.key });
      seenKeys.add(el.key);
    });
  }
  const conditions = r.string(o, 'conditions', path);
  const ruleObj = r.object(o, 'periodRule', path);
  const periodRule = ruleObj && readPeriodRule(r, ruleObj, joinPath(path, 'periodRule'));
  const periodText = r.string(o, 'periodText', path);
  const noneRule = r.nullableString(o, 'noneRule', path);
  const confidence = r.string(o, 'confidence', path);
  if (confidence !== undefined && !['A', 'B', 'C'].includes(confidence))
    r.report('bad-confidence', joinPath(path, 'confidence'), { value: confidence });
  if ([code, indicator, subindicator, subgroupTh, nameTh, nameEn, elements, conditions, periodRule, periodText, noneRule, confidence].includes(undefined))
    return undefined;
  return {
    code: code!, indicator: indicator!, subindicator: subindicator!, subgroupTh: subgroupTh!, nameTh: nameTh!, nameEn: nameEn!,
    elements: elements!, conditions: conditions!, periodRule: periodRule!, periodText: periodText!, noneRule: noneRule!,
    confidence: confidence as Confidence,
  };
}

export function validateCriteriaSet(data: unknown): CriteriaResult<CriteriaSet> {
  const r = new FieldReader();
  if (!isPlainObject(data)) {
    r.report('not-object', '', { actual: typeName(data) });
    return { ok: false, errors: r.errors };
  }
  if (!('formatVersion' in data)) r.report('missing-field', 'formatVersion', { field: 'formatVersion' });
  else if (data.formatVersion !== 1) r.report('format-version', 'formatVersion', { found: JSON.stringify(data.formatVersion) ?? 'undefined' });
  const id = r.string(data, 'id', '', { nonEmpty: true });
  const framework = r.string(data, 'framework', '', { nonEmpty: true });
  const fiscalYear = r.integer(data, 'fiscalYear', '');
  const agencyType = r.string(data, 'agencyType', '', { nonEmpty: true });
  if (id !== undefined && framework !== undefined && fiscalYear !== undefined && agencyType !== undefined) {
    const expected = `${framework}/${fiscalYear}/${agencyType}`;
    if (id !== expected) r.report('bad-id', 'id', { expected, found: id });
  }
  const titleTh = r.string(data, 'titleTh', '', { nonEmpty: true });
  const titleEn = r.string(data, 'titleEn', '');

  const indicatorNumbers = new Set<number>();
  const indicators = r.list(data, 'indicators', '', (o, p) => {
    const number = r.integer(o, 'number', p);
    const nameTh = r.string(o, 'nameTh', p, { nonEmpty: true });
    const nameEn = r.string(o, 'nameEn', p);
    if (number !== undefined) {
      if (indicatorNumbers.has(number)) r.report('duplicate-indicator', joinPath(p, 'number'), { number });
      indicatorNumbers.add(number);
    }
    return number === undefined || nameTh === undefined || nameEn === undefined ? undefined : { number, nameTh, nameEn };
  });

  const subs = new Map<string, Subindicator>();
  const subindicators = r.list(data, 'subindicators', '', (o, p) => {
    const code = r.string(o, 'code', p, { nonEmpty: true });
    const indicator = r.integer(o, 'indicator', p);
    const nameTh = r.string(o, 'nameTh', p, { nonEmpty: true });
    const nameEn = r.string(o, 'nameEn', p);
    if (indicator !== undefined && indicators && !indicatorNumbers.has(indicator))
      r.report('unknown-indicator', joinPath(p, 'indicator'), { indicator });
    if (code !== undefined && indicator !== undefined && !code.startsWith(`${indicator}.`))
      r.report('bad-subindicator-code', joinPath(p, 'code'), { code, indicator });
    if (code === undefined || indicator === undefined || nameTh === undefined || nameEn === undefined) return undefined;
    if (subs.has(code)) r.report('duplicate-subindicator', joinPath(p, 'code'), { code });
    const sub = { code, indicator, nameTh, nameEn };
    subs.set(code, sub);
    return sub;
  });

  const items = r.list(data, 'items', '', (o, p) => readItem(r, o, p, subs));
  const firstIndex = new Map<string, number>();
  if (Array.isArray(data.items)) {
    data.items.forEach((it: unknown, i) => {
      if (!isPlainObject(it) || typeof it.code !== 'string') return;
      const prev = firstIndex.get(it.code);
      if (prev !== undefined) r.report('duplicate-code', `items[${i}].code`, { code: it.code, firstIndex: prev });
      else firstIndex.set(it.code, i);
    });
  }

  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return {
    ok: true,
    set: {
      formatVersion: 1, id: id!, framework: framework!, fiscalYear: fiscalYear!, agencyType: agencyType!,
      titleTh: titleTh!, titleEn: titleEn!, indicators: indicators!, subindicators: subindicators!, items: items!,
    },
  };
}
