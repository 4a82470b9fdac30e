/** Extra checks for the built-in OIT 2564 set: exactly O1..O43 in the official sub-indicator split. */
import type { CriteriaSet } from './types';
import type { CriteriaError } from './errors';

/** [first, last, sub-indicator] ranges of the official FY 2564 split. */
const OIT_2564_SPLIT: readonly (readonly [number, number, string])[] = [
  [1, 9, '9.1'],
  [10, 17, '9.2'],
  [18, 24, '9.3'],
  [25, 28, '9.4'],
  [29, 33, '9.5'],
  [34, 41, '10.1'],
  [42, 43, '10.2'],
];

function oit2564SubindicatorOf(n: number): string | undefined {
  return OIT_2564_SPLIT.find(([a, b]) => n >= a && n <= b)?.[2];
}

export function validateOit2564Split(set: CriteriaSet): CriteriaError[] {
  const errors: CriteriaError[] = [];
  if (set.items.length !== 43)
    errors.push({ code: 'oit-item-count', path: 'items', params: { count: set.items.length } });
  const index = new Map(set.items.map((it, i) => [it.code, i] as const));
  for (let n = 1; n <= 43; n++) {
    const code = `O${n}`;
    const i = index.get(code);
    if (i === undefined) {
      errors.push({ code: 'oit-missing-code', path: 'items', params: { code } });
      continue;
    }
    const expected = oit2564SubindicatorOf(n)!;
    const actual = set.items[i]!.subindicator;
    if (actual !== expected)
      errors.push({
        code: 'oit-wrong-subindicator',
        path: `items[${i}].subindicator`,
        params: { code, expected, actual },
      });
  }
  return errors;
}
