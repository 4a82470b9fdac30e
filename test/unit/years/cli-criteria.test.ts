import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../../lib/cli/main';
import raw2566 from '../../../lib/criteria/sets/nacc-ita-oit-2566.json';

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      stdout: (s: string) => void out.push(s),
      stderr: (s: string) => void err.push(s),
      env: { LANG: 'en_US.UTF-8' },
    },
  };
}

describe('criteria command: sets of several years', () => {
  it('--sets --json lists every built-in set with its year, item count and confidence summary', async () => {
    const t = io();
    expect(await main(['criteria', '--sets', '--json'], t.io)).toBe(0);
    const sets = JSON.parse(t.out.join('\n'));
    expect(sets.map((s: { id: string }) => s.id)).toEqual([
      'nacc-ita-oit/2564/all',
      'nacc-ita-oit/2565/all',
      'nacc-ita-oit/2566/all',
    ]);
    const s2566 = sets[2];
    expect(s2566).toMatchObject({
      framework: 'nacc-ita-oit',
      fiscalYear: 2566,
      itemCount: 43,
      confirmedByManual: false,
      previousSetId: 'nacc-ita-oit/2565/all',
    });
    expect(s2566.confidence.A + s2566.confidence.B + s2566.confidence.C).toBe(43);
  });

  it('--sets prints a table', async () => {
    const t = io();
    expect(await main(['criteria', '--sets'], t.io)).toBe(0);
    expect(t.out.join('\n')).toMatch(/^nacc-ita-oit\/2565\/all\s+2565\s+43\s+\d+\/\d+\/\d+\s+Open Data/m);
  });

  it('--set ID CODE --json prints the whole item, its source and its lineage', async () => {
    const t = io();
    expect(await main(['criteria', '--set', 'nacc-ita-oit/2566/all', 'O31', '--json'], t.io)).toBe(0);
    const { item } = JSON.parse(t.out.join('\n'));
    expect(item).toMatchObject({ code: 'O31', mapsFrom: ['O34'], hintRules: [{ kind: 'signed-by-top-executive' }] });
    expect(item.source.quote).toContain('2566');
  });

  it('--set ID with a query searches that set, and the table says once that no manual confirms it', async () => {
    const t = io();
    expect(await main(['criteria', '--set', 'nacc-ita-oit/2566/all', 'No Gift'], t.io)).toBe(0);
    const text = t.out.join('\n');
    expect(text.split('\n').filter((l) => /^O3[123]\s/.test(l))).toHaveLength(3);
    expect(text.match(/not been checked against an official NACC manual/g)).toHaveLength(1);
  });

  it('--file validates an edited set and reports each error with its field and line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-years-'));
    const bad = structuredClone(raw2566) as { items: { mapsFrom?: unknown; nameTh: string }[] };
    bad.items[10]!.mapsFrom = ['o10'];
    bad.items[12]!.nameTh = '';
    const path = join(dir, 'edited.json');
    writeFileSync(path, JSON.stringify(bad, null, 2));
    const t = io();
    expect(await main(['criteria', '--file', path], t.io)).toBe(1);
    const err = t.err.join('\n');
    expect(err).toMatch(/items\[10\]\.mapsFrom\[0\], line \d+, column \d+/);
    expect(err).toMatch(/items\[12\]\.nameTh, line \d+, column \d+/);
  });
});
