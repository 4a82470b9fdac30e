import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { migrateCriteriaSet } from '../../../lib/criteria/migrate';
import { validateCriteriaSet } from '../../../lib/criteria/validate';
import { parseCriteriaSetJson } from '../../../lib/criteria/parse-json';
import { CRITERIA_FORMAT_VERSION } from '../../../lib/criteria/types';

/** The built-in set as it shipped in format 1 (before the v2 corrections). */
const V1_TEXT = readFileSync('test/fixtures/criteria/nacc-ita-oit-2564.v1.json', 'utf8');

describe('criteria format migrations', () => {
  it('walks a format-1 set to the current format, every element required as before', () => {
    const v1 = JSON.parse(V1_TEXT);
    expect(v1.formatVersion).toBe(1);
    const migrated = migrateCriteriaSet(v1) as Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
    expect(migrated.formatVersion).toBe(CRITERIA_FORMAT_VERSION);
    const r = validateCriteriaSet(v1);
    expect(r.ok ? [] : r.errors).toEqual([]);
    if (!r.ok) return;
    expect(r.set.formatVersion).toBe(2);
    expect(r.set.items).toHaveLength(43);
    for (const it of r.set.items) {
      expect(
        it.elements.every((e) => e.required),
        it.code,
      ).toBe(true);
      expect(it.anyOf).toEqual([]);
      expect(it.hintRules).toEqual([]);
      expect(it.source).toBeNull();
    }
    // The v1 rules are kept as they were: migration changes the format, never the criteria.
    const o34 = r.set.items.find((i) => i.code === 'O34')!;
    expect(o34.elements.map((e) => e.key)).toEqual(['pledge', 'pledge_th', 'pledge_en']);
    expect(o34.periodRule).toEqual({ kind: 'fiscal-year', offset: 0 });
  });

  it('does not touch its input, and leaves current or unknown versions alone', () => {
    const v1 = JSON.parse(V1_TEXT);
    const before = JSON.stringify(v1);
    migrateCriteriaSet(v1);
    expect(JSON.stringify(v1)).toBe(before);
    const v2 = { formatVersion: 2, items: [] };
    expect(migrateCriteriaSet(v2)).toBe(v2);
    for (const odd of [{ formatVersion: 9 }, { formatVersion: '1' }, { formatVersion: 0 }, null, [], 'x'])
      expect(migrateCriteriaSet(odd)).toBe(odd);
  });

  it('reports errors of a format-1 file at its own lines', () => {
    const broken = V1_TEXT.replace('"key": "fax"', '"key": "phone"');
    const r = parseCriteriaSetJson(broken);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ code: 'duplicate-element-key', path: 'items[4].elements[2].key' });
    // The first "fax" key is O5's; it now repeats "phone".
    const line = V1_TEXT.split('\n').findIndex((l) => l.includes('"key": "fax"')) + 1;
    expect(r.errors[0]!.line).toBe(line);
  });
});
