import { describe, expect, it } from 'vitest';
import schema from '../../../schemas/criteria-set.schema.json';
import raw from '../../../lib/criteria/sets/nacc-ita-oit-2564.json';

const props = (def: { properties: Record<string, unknown> }) => Object.keys(def.properties).sort();

describe('criteria-set JSON schema', () => {
  it('requires exactly the top-level keys the built-in set has', () => {
    expect([...schema.required].sort()).toEqual(Object.keys(raw).sort());
    expect(schema.properties.formatVersion.const).toBe(raw.formatVersion);
  });

  it('every item, element and sub-indicator has the required keys and no key the schema does not know', () => {
    const itemReq = schema.$defs.criterion.required;
    const elReq = schema.$defs.element.required;
    for (const it of raw.items) {
      for (const k of itemReq) expect(Object.keys(it), `${it.code} ${k}`).toContain(k);
      expect(props(schema.$defs.criterion)).toEqual(expect.arrayContaining(Object.keys(it)));
      for (const e of it.elements) {
        for (const k of elReq) expect(Object.keys(e)).toContain(k);
        expect(props(schema.$defs.element)).toEqual(expect.arrayContaining(Object.keys(e)));
      }
    }
    const subReq = [...schema.$defs.subindicator.required].sort();
    for (const s of raw.subindicators) expect(Object.keys(s).sort()).toEqual(subReq);
  });

  it('lists the six period kinds the validator accepts', () => {
    const kinds = schema.$defs.periodRule.oneOf.map((o) => o.properties.kind.const);
    expect(kinds).toEqual(['current', 'fiscal-year', 'range', 'covers', 'in-force', 'first-half']);
    const used = new Set(raw.items.map((i) => i.periodRule.kind));
    for (const k of used) expect(kinds).toContain(k);
  });

  it('uses draft 2020-12 and the same code pattern as the validator', () => {
    expect(schema.$schema).toBe('https://json-schema.org/draft/2020-12/schema');
    const re = new RegExp(schema.$defs.criterion.properties.code.pattern);
    for (const it of raw.items) expect(re.test(it.code)).toBe(true);
    expect(re.test('o5')).toBe(false);
  });
});
