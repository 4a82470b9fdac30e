import { describe, expect, it } from 'vitest';
import raw from '../../../lib/criteria/sets/nacc-ita-oit-2564.json';
import { parseCriteriaSetJson, syntaxErrorLocation, MAX_SET_TEXT_LENGTH } from '../../../lib/criteria/parse-json';
import type { CriteriaError } from '../../../lib/criteria/errors';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const good = JSON.stringify(raw, null, 2);

function text(fn: (s: Json) => void): string {
  const s = structuredClone(raw) as Json;
  fn(s);
  return JSON.stringify(s, null, 2);
}

/** 1-based line of the n-th (0-based) occurrence of `needle`. */
function lineOf(src: string, needle: string, nth = 0): number {
  let at = -1;
  for (let k = 0; k <= nth; k++) {
    at = src.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`needle not found: ${needle}`);
  }
  return src.slice(0, at).split('\n').length;
}

function fail(src: string): CriteriaError[] {
  const r = parseCriteriaSetJson(src);
  if (r.ok) throw new Error('expected failure');
  return r.errors;
}

describe('parseCriteriaSetJson', () => {
  it('parses the built-in set text, with or without a BOM', () => {
    const r = parseCriteriaSetJson(good);
    expect(r.ok && r.set.items.length).toBe(43);
    expect(parseCriteriaSetJson(`\uFEFF${good}`).ok).toBe(true);
  });

  it('reports a syntax error with line and column', () => {
    const src = good.replace('"code": "O5",', '"code": "O5"'); // missing comma
    const [e] = fail(src);
    expect(e!.code).toBe('json-syntax');
    expect(e!.path).toBe('');
    expect(e!.line).toBe(lineOf(src, '"code": "O5"') + 1); // detected at the next property
    expect(e!.column).toBeGreaterThan(1);
  });

  it('reports the end of input for truncated text', () => {
    const src = good.slice(0, 200);
    const [e] = fail(src);
    expect(e!.code).toBe('json-syntax');
    expect(e!.line).toBe(src.split('\n').length);
  });

  const corpus: { name: string; src: string; code: string; path: string; needle?: [string, number?] }[] = [
    {
      name: 'wrong formatVersion',
      src: text((s) => (s.formatVersion = 7)),
      code: 'format-version',
      path: 'formatVersion',
      needle: ['"formatVersion"'],
    },
    { name: 'missing items', src: text((s) => delete s.items), code: 'missing-field', path: 'items' },
    {
      name: 'duplicate code',
      src: text((s) => (s.items[4].code = 'O1')),
      code: 'duplicate-code',
      path: 'items[4].code',
      needle: ['"code": "O1"', 1],
    },
    {
      name: 'empty nameTh',
      src: text((s) => (s.items[6].nameTh = '')),
      code: 'empty-string',
      path: 'items[6].nameTh',
      needle: ['"nameTh": ""'],
    },
    {
      name: 'unknown subindicator',
      src: text((s) => (s.items[2].subindicator = '9.7')),
      code: 'unknown-subindicator',
      path: 'items[2].subindicator',
      needle: ['"subindicator": "9.7"'],
    },
    {
      name: 'bad element key',
      src: text((s) => (s.items[4].elements[1].key = '1phone')),
      code: 'bad-element-key',
      path: 'items[4].elements[1].key',
      needle: ['"key": "1phone"'],
    },
    {
      name: 'duplicate element key',
      src: text((s) => (s.items[4].elements[3].key = 'fax')),
      code: 'duplicate-element-key',
      path: 'items[4].elements[3].key',
      needle: ['"key": "fax"', 1],
    },
    {
      name: 'wrong type for indicator',
      src: text((s) => (s.items[8].indicator = 'nine')),
      code: 'wrong-type',
      path: 'items[8].indicator',
      needle: ['"indicator": "nine"'],
    },
    {
      name: 'bad periodRule kind',
      src: text((s) => (s.items[1].periodRule = { kind: 'yearly' })),
      code: 'bad-period-rule',
      path: 'items[1].periodRule.kind',
      needle: ['"kind": "yearly"'],
    },
    {
      name: 'extra huge text > 1 MB',
      src: text((s) => (s.items[0].conditions = 'x'.repeat(1_200_000))),
      code: 'string-too-long',
      path: 'items[0].conditions',
      needle: ['"conditions": "xxx'],
    },
    { name: 'non-object root', src: '[1, 2, 3]', code: 'not-object', path: '' },
    { name: 'string root', src: '"hello"', code: 'not-object', path: '' },
    { name: 'syntax error: trailing comma', src: '{\n  "formatVersion": 1,\n}', code: 'json-syntax', path: '' },
    { name: 'empty text', src: '', code: 'json-syntax', path: '' },
    {
      name: 'items not an array',
      src: text((s) => (s.items = {})),
      code: 'wrong-type',
      path: 'items',
      needle: ['"items"'],
    },
  ];

  it.each(corpus)('$name → $code at "$path"', ({ src, code, path, needle }) => {
    const errs = fail(src);
    const hit = errs.find((e) => e.code === code && e.path === path);
    expect(hit, JSON.stringify(errs.slice(0, 3))).toBeDefined();
    if (needle) expect(hit!.line).toBe(lineOf(src, needle[0], needle[1] ?? 0));
  });

  it('a missing field is located at its parent object', () => {
    const src = text((s) => delete s.items[3].nameEn);
    const e = fail(src).find((x) => x.path === 'items[3].nameEn');
    expect(e?.code).toBe('missing-field');
    expect(e?.line).toBe(lineOf(src, '"code": "O4"') - 1); // the line with the item's opening brace
  });

  it('refuses text larger than the limit without parsing it', () => {
    const errs = fail(' '.repeat(MAX_SET_TEXT_LENGTH + 1));
    expect(errs).toEqual([
      { code: 'too-large', path: '', params: { size: MAX_SET_TEXT_LENGTH + 1, max: MAX_SET_TEXT_LENGTH } },
    ]);
  });

  it('never throws on odd input', () => {
    for (const src of ['{', '[', 'null', '0', '{"items": [null]}', '\u0000', '{"a":'.repeat(5000)]) {
      expect(() => parseCriteriaSetJson(src)).not.toThrow();
      expect(parseCriteriaSetJson(src).ok).toBe(false);
    }
  });
});

describe('syntaxErrorLocation', () => {
  const src = '{\n  "a": 1,\n  "b": }';
  it('reads "line L column C" messages', () => {
    expect(syntaxErrorLocation(src, "Unexpected token '}' (line 3 column 8)")).toEqual({ line: 3, column: 8 });
  });
  it('reads "position N" messages', () => {
    expect(syntaxErrorLocation(src, "Unexpected token '}' in JSON at position 19")).toEqual({ line: 3, column: 8 });
  });
  it('falls back to scanning when the message has no position', () => {
    expect(syntaxErrorLocation(src, 'Unexpected token \'}\', "..." is not valid JSON')).toEqual({ line: 3, column: 8 });
  });
});
