import { describe, expect, it } from 'vitest';
import raw from '../../../lib/criteria/sets/nacc-ita-oit-2564.json';
import { validateCriteriaSet } from '../../../lib/criteria/validate';
import { formatCriteriaError, type CriteriaError } from '../../../lib/criteria/errors';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

function mutated(fn: (s: Json) => void): unknown {
  const s = structuredClone(raw) as Json;
  fn(s);
  return s;
}

function errorsOf(data: unknown): CriteriaError[] {
  const r = validateCriteriaSet(data);
  return r.ok ? [] : r.errors;
}

describe('validateCriteriaSet', () => {
  it('accepts the built-in set and strips unknown fields', () => {
    const r = validateCriteriaSet(mutated((s) => (s.extra = 1)));
    expect(r.ok).toBe(true);
    if (r.ok) expect('extra' in r.set).toBe(false);
  });

  it.each([
    ['non-object root', [], 'not-object', ''],
    ['wrong formatVersion', mutated((s) => (s.formatVersion = 3)), 'format-version', 'formatVersion'],
    ['missing items', mutated((s) => delete s.items), 'missing-field', 'items'],
    ['empty items', mutated((s) => (s.items = [])), 'empty-list', 'items'],
    ['duplicate code', mutated((s) => (s.items[4].code = 'O1')), 'duplicate-code', 'items[4].code'],
    ['bad code', mutated((s) => (s.items[2].code = 'o-3')), 'bad-code', 'items[2].code'],
    ['empty nameTh', mutated((s) => (s.items[0].nameTh = '  ')), 'empty-string', 'items[0].nameTh'],
    [
      'unknown subindicator',
      mutated((s) => (s.items[3].subindicator = '9.9')),
      'unknown-subindicator',
      'items[3].subindicator',
    ],
    [
      'sub-indicator of another indicator',
      mutated((s) => (s.items[3].subindicator = '10.1')),
      'subindicator-mismatch',
      'items[3].subindicator',
    ],
    [
      'bad element key',
      mutated((s) => (s.items[4].elements[1].key = 'โทรศัพท์')),
      'bad-element-key',
      'items[4].elements[1].key',
    ],
    [
      'duplicate element key',
      mutated((s) => (s.items[4].elements[2].key = 'phone')),
      'duplicate-element-key',
      'items[4].elements[2].key',
    ],
    ['indicator as string', mutated((s) => (s.items[0].indicator = '9')), 'wrong-type', 'items[0].indicator'],
    [
      'bad periodRule kind',
      mutated((s) => (s.items[0].periodRule = { kind: 'weekly' })),
      'bad-period-rule',
      'items[0].periodRule.kind',
    ],
    [
      'bad fiscal-year offset',
      mutated((s) => (s.items[0].periodRule = { kind: 'fiscal-year', offset: 9 })),
      'bad-period-rule',
      'items[0].periodRule.offset',
    ],
    [
      'bad range date',
      mutated((s) => (s.items[10].periodRule = { kind: 'range', from: '2020-10-01', to: '2021-02-30' })),
      'bad-date',
      'items[10].periodRule.to',
    ],
    [
      'bad covers minYears',
      mutated((s) => (s.items[3].periodRule = { kind: 'covers', minYears: 0 })),
      'bad-period-rule',
      'items[3].periodRule.minYears',
    ],
    [
      'first-half monthly not boolean',
      mutated((s) => (s.items[22].periodRule = { kind: 'first-half', monthly: 'yes' })),
      'wrong-type',
      'items[22].periodRule.monthly',
    ],
    [
      'element without required',
      mutated((s) => delete s.items[4].elements[0].required),
      'missing-field',
      'items[4].elements[0].required',
    ],
    [
      'perPerson not boolean',
      mutated((s) => (s.items[1].elements[2].perPerson = 1)),
      'wrong-type',
      'items[1].elements[2].perPerson',
    ],
    [
      'any-of names an unknown element',
      mutated((s) => (s.items[21].anyOf[0].elements = ['winners', 'nope'])),
      'unknown-element',
      'items[21].anyOf[0].elements[1]',
    ],
    [
      'any-of names a required element',
      mutated((s) => (s.items[21].elements[0].required = true)),
      'group-element-required',
      'items[21].anyOf[0].elements[0]',
    ],
    [
      'any-of minimum above its size',
      mutated((s) => (s.items[21].anyOf[0].min = 3)),
      'bad-group-min',
      'items[21].anyOf[0].min',
    ],
    [
      'any-of key clashes with an element',
      mutated((s) => (s.items[21].anyOf[0].key = 'winners')),
      'duplicate-element-key',
      'items[21].anyOf[0].key',
    ],
    [
      'unknown hint rule',
      mutated((s) => (s.items[33].hintRules[0] = { kind: 'stamped' })),
      'bad-hint-rule',
      'items[33].hintRules[0].kind',
    ],
    [
      'hint rule naming an unknown item',
      mutated((s) => (s.items[33].hintRules[1].item = 'O99')),
      'unknown-item',
      'items[33].hintRules[1].item',
    ],
    [
      'source without a quote',
      mutated((s) => delete s.items[0].source.quote),
      'missing-field',
      'items[0].source.quote',
    ],
    [
      'source with a bad date',
      mutated((s) => (s.items[0].source.date = '22/02/2564')),
      'bad-date',
      'items[0].source.date',
    ],
    ['bad confidence', mutated((s) => (s.items[0].confidence = 'D')), 'bad-confidence', 'items[0].confidence'],
    ['id not matching its parts', mutated((s) => (s.id = 'nacc-ita-oit/2565/all')), 'bad-id', 'id'],
    [
      'duplicate sub-indicator',
      mutated((s) => (s.subindicators[1].code = '9.1')),
      'duplicate-subindicator',
      'subindicators[1].code',
    ],
    [
      'sub-indicator of unknown indicator',
      mutated((s) => (s.subindicators[0].indicator = 11)),
      'unknown-indicator',
      'subindicators[0].indicator',
    ],
    ['element not an object', mutated((s) => (s.items[1].elements[0] = 'name')), 'wrong-type', 'items[1].elements[0]'],
    [
      'huge text',
      mutated((s) => (s.items[0].conditions = 'ก'.repeat(1_100_000))),
      'string-too-long',
      'items[0].conditions',
    ],
  ])('%s → %s at %s', (_label, data, code, path) => {
    const errs = errorsOf(data);
    expect(errs.map((e) => [e.code, e.path])).toContainEqual([code, path]);
  });

  it('accepts noneRule null but not a number', () => {
    expect(errorsOf(mutated((s) => (s.items[0].noneRule = null)))).toEqual([]);
    expect(errorsOf(mutated((s) => (s.items[0].noneRule = 3)))).toEqual([
      { code: 'wrong-type', path: 'items[0].noneRule', params: { expected: 'string', actual: 'number' } },
    ]);
  });

  it('reports the first index of a duplicate code', () => {
    const errs = errorsOf(mutated((s) => (s.items[4].code = 'O1')));
    expect(errs).toEqual([{ code: 'duplicate-code', path: 'items[4].code', params: { code: 'O1', firstIndex: 0 } }]);
  });
});

describe('formatCriteriaError', () => {
  const e: CriteriaError = {
    code: 'duplicate-code',
    path: 'items[4].code',
    params: { code: 'O1' },
    line: 12,
    column: 7,
  };
  it('renders Thai and English with path and line', () => {
    expect(formatCriteriaError(e, 'th')).toBe('items[4].code, บรรทัด 12, คอลัมน์ 7: รหัสข้อ O1 ซ้ำ');
    expect(formatCriteriaError(e, 'en')).toBe('items[4].code, line 12, column 7: Duplicate item code O1');
  });
  it('names the whole document when the path is empty', () => {
    expect(formatCriteriaError({ code: 'not-object', path: '', params: {} }, 'en')).toBe(
      '(document): Must be an object',
    );
  });
});
