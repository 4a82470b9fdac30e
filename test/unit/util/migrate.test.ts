import { describe, expect, it } from 'vitest';
import { runMigrations, type MigrationStep } from '../../../lib/util/migrate';

type V = { version: number; trail: string[] };
const step = (from: number): MigrationStep<V> => ({
  from,
  up: (v) => ({ version: from + 1, trail: [...v.trail, `${from}→${from + 1}`] }),
});

describe('the one migration runner', () => {
  it('applies each step from the stored version up to the current one, in order, whatever order they are listed in', () => {
    const out = runMigrations({ version: 1, trail: [] }, 1, 4, [step(3), step(1), step(2)]);
    expect(out).toEqual({ version: 4, trail: ['1→2', '2→3', '3→4'] });
  });

  it('leaves current data as it is', () => {
    const v = { version: 4, trail: [] };
    expect(runMigrations(v, 4, 4, [step(1)])).toBe(v);
  });

  it('refuses a gap rather than skip an upgrade', () => {
    expect(() => runMigrations({ version: 1, trail: [] }, 1, 3, [step(1)])).toThrow(/from version 2/);
  });
});
