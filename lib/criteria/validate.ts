/** Structural and referential validation of a criteria set (any framework, any year, format 1 or 2). */
import { CRITERIA_FORMAT_VERSION, type CriteriaSet, type Subindicator } from './types';
import type { CriteriaResult } from './errors';
import { FieldReader, typeName, joinPath } from './field-reader';
import { isPlainObject as isObj } from '../util/guards';
import { migrateCriteriaSet } from './migrate';
import { readItem } from './validate-item';
import { readSetLineage } from './validate-lineage';

export { validateOit2564Split } from './validate-oit-2564';
export type { CriteriaResult } from './errors';

function itemCodes(items: unknown): Set<string> {
  const codes = new Set<string>();
  if (Array.isArray(items)) for (const it of items) if (isObj(it) && typeof it.code === 'string') codes.add(it.code);
  return codes;
}

/** Validates a parsed set; a format-1 set is first migrated, so the result is always the current format. */
export function validateCriteriaSet(input: unknown): CriteriaResult<CriteriaSet> {
  const r = new FieldReader();
  const data = migrateCriteriaSet(input);
  if (!isObj(data)) {
    r.report('not-object', '', { actual: typeName(data) });
    return { ok: false, errors: r.errors };
  }
  if (!('formatVersion' in data)) r.report('missing-field', 'formatVersion', { field: 'formatVersion' });
  else if (data.formatVersion !== CRITERIA_FORMAT_VERSION)
    r.report('format-version', 'formatVersion', { found: JSON.stringify(data.formatVersion) ?? 'undefined' });
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
    return number === undefined || nameTh === undefined || nameEn === undefined
      ? undefined
      : { number, nameTh, nameEn };
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

  const lineage = readSetLineage(r, data);
  const codes = itemCodes(data.items);
  const items = r.list(data, 'items', '', (o, p) => readItem(r, o, p, subs, codes));
  const firstIndex = new Map<string, number>();
  if (Array.isArray(data.items)) {
    data.items.forEach((it: unknown, i) => {
      if (!isObj(it) || typeof it.code !== 'string') return;
      const prev = firstIndex.get(it.code);
      if (prev !== undefined) r.report('duplicate-code', `items[${i}].code`, { code: it.code, firstIndex: prev });
      else firstIndex.set(it.code, i);
    });
  }

  if (r.errors.length > 0) return { ok: false, errors: r.errors };
  return {
    ok: true,
    set: {
      formatVersion: CRITERIA_FORMAT_VERSION,
      id: id!,
      framework: framework!,
      fiscalYear: fiscalYear!,
      agencyType: agencyType!,
      titleTh: titleTh!,
      titleEn: titleEn!,
      indicators: indicators!,
      subindicators: subindicators!,
      items: items!,
      ...lineage,
    },
  };
}
