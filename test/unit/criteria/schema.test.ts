import { describe, expect, it } from 'vitest';
import schema from '../../../schemas/criteria-set.schema.json';
import raw from '../../../lib/criteria/sets/nacc-ita-oit-2564.json';

describe('criteria-set JSON schema', () => {
  it('requires exactly the top-level keys the built-in set has', () => {
    expect([...schema.required].sort()).toEqual(Object.keys(raw).sort());
  });

  it('requires exactly the keys of every item, element and sub-indicator', () => {
    const itemReq = [...schema.$defs.criterion.required].sort();
    for (const it of raw.items) expect(Object.keys(it).sort(), it.code).toEqual(itemReq);
    const elReq = [...schema.$defs.element.required].sort();
    for (const it of raw.items) for (const e of it.elements) expect(Object.keys(e).sort()).toEqual(elReq);
    const subReq = [...schema.$defs.subindicator.required].sort();
    for (const s of raw.subindicators) expect(Object.keys(s).sort()).toEqual(subReq);
  });

  it('uses draft 2020-12 and the same code pattern as the validator', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const re = new RegExp(schema.$defs.criterion.properties.code.pattern);
    for (const it of raw.items) expect(re.test(it.code)).toBe(true);
    expect(re.test('o5')).toBe(false);
  });
});
