/**
 * The optional fields that tie a set to the previous year's and help the submission: `previousSetId`
 * on the set; `mapsFrom` (codes in that set) and `descriptionTemplate` (ITAS คำอธิบายเพิ่มเติม) on items.
 */
import type { CriteriaSet, Criterion } from './types';
import { FieldReader, joinPath, typeName, type Obj } from './field-reader';
import { ITEM_CODE_RE } from './item-code';

export function readItemLineage(
  r: FieldReader,
  o: Obj,
  path: string,
): Pick<Criterion, 'mapsFrom' | 'descriptionTemplate'> {
  const out: Pick<Criterion, 'mapsFrom' | 'descriptionTemplate'> = {};
  if (o.mapsFrom !== undefined) {
    const p = joinPath(path, 'mapsFrom');
    if (!Array.isArray(o.mapsFrom)) r.report('wrong-type', p, { expected: 'array', actual: typeName(o.mapsFrom) });
    else {
      const codes: string[] = [];
      o.mapsFrom.forEach((c: unknown, i) => {
        if (typeof c !== 'string' || !ITEM_CODE_RE.test(c)) r.report('bad-code', `${p}[${i}]`, { code: String(c) });
        else if (!codes.includes(c)) codes.push(c);
      });
      out.mapsFrom = codes;
    }
  }
  if (o.descriptionTemplate !== undefined) {
    const t = r.checkString(o.descriptionTemplate, joinPath(path, 'descriptionTemplate'));
    if (t !== undefined && t !== '') out.descriptionTemplate = t;
  }
  return out;
}

export function readSetLineage(r: FieldReader, data: Obj): Pick<CriteriaSet, 'previousSetId'> {
  if (data.previousSetId === undefined) return {};
  const id = r.checkString(data.previousSetId, 'previousSetId', { nonEmpty: true });
  return id === undefined ? {} : { previousSetId: id };
}
