import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS, main } from '../../../lib/cli/main';
import type { CliCommand } from '../../../lib/cli/types';
import raw from '../../../lib/criteria/sets/nacc-ita-oit-2564.json';

function io(env: Record<string, string> = {}) {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { stdout: (s: string) => out.push(s), stderr: (s: string) => err.push(s), env } };
}

describe('main', () => {
  it('registers criteria, check and verify', () => {
    expect(COMMANDS.map((c) => c.name)).toEqual(['criteria', 'check', 'verify']);
  });

  it.each([[[]], [['--help']], [['-h']], [['help']]])('prints help for %j', async (argv) => {
    const t = io();
    expect(await main(argv, t.io)).toBe(0);
    const text = t.out.join('\n');
    expect(text).toContain('Usage: ita-evidence <command>');
    for (const name of ['criteria', 'check', 'verify']) expect(text).toMatch(new RegExp(`^  ${name}\\s+\\S`, 'm'));
  });

  it('prints help in Thai with --lang th or LANG=th_TH.UTF-8', async () => {
    const a = io();
    await main(['--lang', 'th', '--help'], a.io);
    expect(a.out.join('\n')).toContain('วิธีใช้: ita-evidence <คำสั่ง>');
    const b = io({ LANG: 'th_TH.UTF-8' });
    await main([], b.io);
    expect(b.out.join('\n')).toContain('แสดงรายการเกณฑ์');
    const c = io({ LANG: 'en_US.UTF-8' });
    await main([], c.io);
    expect(c.out.join('\n')).toContain('List or search the criteria catalogue');
  });

  it('rejects an unknown subcommand with exit code 2', async () => {
    const t = io();
    expect(await main(['frobnicate'], t.io)).toBe(2);
    expect(t.err[0]).toBe('unknown command "frobnicate"');
    expect(t.out).toEqual([]);
  });

  it('prints a command usage for "<command> --help"', async () => {
    const t = io();
    expect(await main(['criteria', '--help'], t.io)).toBe(0);
    expect(t.out.join('\n')).toContain('ita-evidence criteria [--sets | --set ID');
  });

  it('turns a throwing command into exit code 1', async () => {
    const boom: CliCommand = {
      name: 'boom',
      summaryTh: 'ระเบิด',
      summaryEn: 'Boom',
      usage: 'boom',
      run: async () => {
        throw new Error('kaput');
      },
    };
    const t = io();
    expect(await main(['boom'], t.io, [boom])).toBe(1);
    expect(t.err[0]).toBe('boom failed: kaput');
  });

  it('passes a global --lang on to the command', async () => {
    const seen: string[][] = [];
    const spy: CliCommand = {
      name: 'spy',
      summaryTh: 'สอดแนม',
      summaryEn: 'Spy',
      usage: 'spy',
      run: async (args) => (seen.push(args), 0),
    };
    await main(['--lang', 'th', 'spy', 'x'], io().io, [spy]);
    expect(seen[0]).toEqual(['x', '--lang', 'th']);
  });
});

describe('criteria command', () => {
  it('lists all 43 items grouped by indicator, in English by default', async () => {
    const t = io();
    expect(await main(['criteria'], t.io)).toBe(0);
    const text = t.out.join('\n');
    const rows = text.split('\n').filter((l) => /^O\d+\s/.test(l));
    expect(rows).toHaveLength(43);
    expect(rows[4]).toMatch(/^O5\s+ข้อมูลการติดต่อ\s+Contact information\s+5\s+A$/);
    expect(text).toContain('Indicator 9 Open data (การเปิดเผยข้อมูล)');
    expect(text).toContain('10.2 Internal anti-corruption measures');
    expect(text.indexOf('O9 ')).toBeLessThan(text.indexOf('O10 '));
    expect(text).toContain('43 items');
  });

  it('uses Thai headings with --lang th', async () => {
    const t = io();
    await main(['criteria', '--lang', 'th'], t.io);
    const text = t.out.join('\n');
    expect(text).toContain('ตัวชี้วัดที่ 10 การป้องกันการทุจริต (Corruption prevention)');
    expect(text).toContain('ทั้งหมด 43 ข้อ');
  });

  it('prints JSON with --json', async () => {
    const t = io();
    expect(await main(['criteria', '--json'], t.io)).toBe(0);
    const data = JSON.parse(t.out.join('\n'));
    expect(data.id).toBe('nacc-ita-oit/2564/all');
    expect(data.items).toHaveLength(43);
    expect(data.items[4]).toMatchObject({
      code: 'O5',
      indicator: 9,
      subindicator: '9.1',
      nameTh: 'ข้อมูลการติดต่อ',
      nameEn: 'Contact information',
      confidence: 'A',
    });
    // The whole definition: every element with whether it is required, the period rule and the source.
    expect(data.items[4].elements).toHaveLength(5);
    expect(data.items[4].elements[0]).toMatchObject({ key: 'address', required: true });
    expect(data.items[4].source.document).toBeTruthy();
    expect(data.confirmedByManual).toBe(false);
  });

  it("prints one item's whole stored definition for CODE --json", async () => {
    const t = io();
    expect(await main(['criteria', 'O22', '--json'], t.io)).toBe(0);
    const data = JSON.parse(t.out.join('\n'));
    expect(data.set).toBe('nacc-ita-oit/2564/all');
    expect(data.item.code).toBe('O22');
    expect(data.item.elements).toEqual([
      expect.objectContaining({ key: 'invitations', required: false }),
      expect.objectContaining({ key: 'winners', required: false }),
    ]);
    expect(data.item.anyOf[0]).toMatchObject({ key: 'announcements', min: 1, elements: ['invitations', 'winners'] });
    expect(data.item.periodRule).toEqual({ kind: 'fiscal-year', offset: 0 });
    expect(data.item.source).toMatchObject({ date: '2021-02-22', quote: expect.stringContaining('ประกาศเชิญชวน') });
    expect(data.item.confidence).toBe('A');
    const o2 = io();
    await main(['criteria', 'o2', '--json'], o2.io);
    expect(
      JSON.parse(o2.out.join('\n'))
        .item.elements.filter((e: { perPerson?: boolean }) => e.perPerson)
        .map((e: { key: string }) => e.key),
    ).toEqual(['full_name', 'position', 'photo', 'contact']);
  });

  it('describes one item in words without --json', async () => {
    const t = io();
    expect(await main(['criteria', 'O4'], t.io)).toBe(0);
    const text = t.out.join('\n');
    expect(text).toContain('O4 Strategic / development plan (>1 year)');
    expect(text).toContain('  - strategies: Strategies or approaches [required]');
    expect(text).toContain("Period: the document's period covers B.E. 2564, spanning at least 2 years");
    expect(text).toMatch(/Source: .*OVEC2569/);
    const th = io();
    await main(['criteria', 'O34', '--lang', 'th'], th.io);
    expect(th.out.join('\n')).toContain('ระบบช่วยตรวจ: ลงนามโดยผู้บริหารสูงสุด; เป็นผู้บริหารคนปัจจุบัน (ตรงกับข้อ O2)');
    const ex = io();
    await main(['criteria', 'O14'], ex.io);
    expect(ex.out.join('\n')).toContain('  - duration: Time taken [example]');
  });

  it('searches with a query (Thai digits too)', async () => {
    const t = io();
    expect(await main(['criteria', '--json', '๒๓'], t.io)).toBe(0);
    expect(JSON.parse(t.out.join('\n')).items.map((i: { code: string }) => i.code)).toEqual(['O23']);
  });

  it('fails for an unknown --set, an unknown option and an unmatched query', async () => {
    const a = io();
    expect(await main(['criteria', '--set', 'nope/1/x'], a.io)).toBe(1);
    expect(a.err[0]).toContain('unknown criteria set "nope/1/x"');
    const b = io();
    expect(await main(['criteria', '--bogus'], b.io)).toBe(2);
    expect(b.err[0]).toBe('unknown option --bogus');
    const c = io();
    expect(await main(['criteria', 'zzzz'], c.io)).toBe(1);
  });

  it('loads a set from --file and reports its errors with line numbers', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ita-criteria-'));
    const ok = join(dir, 'ok.json');
    writeFileSync(ok, JSON.stringify(raw, null, 2));
    const a = io();
    expect(await main(['criteria', '--file', ok, '--json'], a.io)).toBe(0);
    expect(JSON.parse(a.out.join('\n')).items).toHaveLength(43);

    const bad = join(dir, 'bad.json');
    const broken = structuredClone(raw);
    broken.items[4]!.code = 'O1';
    writeFileSync(bad, JSON.stringify(broken, null, 2));
    const b = io();
    expect(await main(['criteria', '--file', bad], b.io)).toBe(1);
    expect(b.err.join('\n')).toMatch(/items\[4\]\.code, line \d+, column \d+: Duplicate item code O1/);
  });
});
