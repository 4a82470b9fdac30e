import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseByteSize, verifyCommand } from '../../../lib/cli/commands/verify';
import { main } from '../../../lib/cli/main';
import type { FixtureServer } from '../../fixtures/verify-server';
import { startSite } from './site';

let site: FixtureServer;
let dir: string;
beforeAll(async () => {
  site = await startSite();
  dir = await mkdtemp(join(tmpdir(), 'ita-verify-cli-'));
});
afterAll(async () => {
  await site.close();
  await rm(dir, { recursive: true, force: true });
});

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  // The fixture site is on loopback, which verify refuses unless told otherwise.
  const full =
    args.length > 0 && !args.includes('--no-allow')
      ? [...args, '--allow-private']
      : args.filter((a) => a !== '--no-allow');
  const code = await verifyCommand.run(full, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

async function csv(name: string, rows: string): Promise<string> {
  const p = join(dir, name);
  await writeFile(p, rows);
  return p;
}

describe('ita-evidence verify', () => {
  it('--json prints one object per URL and exits 1 when one is broken', async () => {
    const file = await csv(
      'mixed.csv',
      `\uFEFFcriterion,url\nO1,${site.url('/ok')}\nO2,${site.url('/missing')}\nO3,${site.url('/r1')}\n`,
    );
    const { code, out } = await run([file, '--json', '--timeout', '5']);
    expect(code).toBe(1);
    const lines = out.split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatchObject({
      url: site.url('/ok'),
      criterion: 'O1',
      ok: true,
      status: 200,
      problems: [],
      similarity: null,
      linkPath: null,
    });
    expect(lines[1]).toMatchObject({ criterion: 'O2', ok: false, status: 404, problems: ['broken'] });
    expect(lines[2]).toMatchObject({
      ok: true,
      finalUrl: site.url('/ok'),
      redirects: [
        { url: site.url('/r1'), status: 301 },
        { url: site.url('/r2'), status: 302 },
      ],
    });
    for (const l of lines)
      expect(Object.keys(l)).toEqual(
        expect.arrayContaining([
          'url',
          'criterion',
          'ok',
          'status',
          'finalUrl',
          'redirects',
          'problems',
          'similarity',
          'linkPath',
        ]),
      );
  });

  it('exits 0 when every URL is ok (CSV without header)', async () => {
    const file = await csv('ok.csv', `O1,${site.url('/ok')}\n`);
    expect((await run([file, '--json'])).code).toBe(0);
  });

  it('--home reports unlinked pages with their link path', async () => {
    const file = await csv('home.csv', `O1,${site.url('/ok')}\nO2,${site.url('/orphan')}\n`);
    const { code, out } = await run([file, '--json', '--home', site.url('/')]);
    expect(code).toBe(1);
    const [a, b] = out.split('\n').map((l) => JSON.parse(l));
    expect(a.linkPath.map((s: { linkText: string }) => s.linkText)).toEqual(['', 'เกี่ยวกับเรา', 'แผนการดำเนินงาน']);
    expect(b.problems).toEqual(['unlinked']);
  });

  it('human output is a Thai table with translated problems', async () => {
    const file = await csv('th.csv', `O2,${site.url('/missing')}\n`);
    const { code, out } = await run([file, '--lang', 'th']);
    expect(code).toBe(1);
    expect(out).toContain('ลิงก์เสีย');
    expect(out).toContain('ใช้ได้ 0 จาก 1 ลิงก์');
    const en = await run([file, '--lang', 'en']);
    expect(en.out).toContain('Broken link');
  });

  it('--jsonl streams each result as it completes; --path adds the link path to the table', async () => {
    const file = await csv('stream.csv', `O1,${site.url('/slow')}\nO2,${site.url('/ok')}\n`);
    const { out } = await run([file, '--jsonl', '--timeout', '10']);
    expect(out.split('\n').map((l) => JSON.parse(l).criterion)).toEqual(['O2', 'O1']); // completion order
    const table = await run([
      await csv('path.csv', `O1,${site.url('/ok')}\n`),
      '--home',
      site.url('/'),
      '--lang',
      'en',
    ]);
    expect(table.out).toContain('Link path from home');
    expect(table.out).toContain('Home → เกี่ยวกับเรา → แผนการดำเนินงาน');
  });

  it('refuses loopback without --allow-private, naming the address and the way out', async () => {
    const file = await csv('private.csv', `O1,${site.url('/ok')}\n`);
    const before = site.log.length;
    const { code, out } = await run([file, '--no-allow', '--lang', 'en']);
    expect(code).toBe(1);
    expect(out).toContain(
      'Not checked: private or unsafe address: 127.0.0.1: this machine (loopback); use --allow-private if intended',
    );
    await run([file, '--no-allow', '--jsonl']);
    expect(site.log.length).toBe(before); // nothing was sent
  });

  it('--max-bytes takes sizes with units and makes a larger body too-large', async () => {
    expect(parseByteSize('20MB')).toBe(20 * 1024 * 1024);
    expect(parseByteSize('512k')).toBe(512 * 1024);
    expect(parseByteSize('1048576')).toBe(1048576);
    expect(parseByteSize('lots')).toBeNull();
    const file = await csv('cap.csv', `O1,${site.url('/ok')}\n`);
    const { out } = await run([file, '--jsonl', '--max-bytes', '100']);
    expect(JSON.parse(out).problems).toEqual(['too-large']);
  });

  it('"verify --help" lists every option, and says --json keeps every row (Thai and English)', async () => {
    for (const [lang, words] of [
      ['en', ['--max-bytes N', 'keeps every result in memory until then', '--jsonl']],
      ['th', ['--max-bytes N', 'เก็บผลทุกแถวไว้ในหน่วยความจำจนจบ']],
    ] as const) {
      const out: string[] = [];
      expect(
        await main(['verify', '--help', '--lang', lang], { stdout: (s) => out.push(s), stderr: () => undefined }),
      ).toBe(0);
      for (const w of words) expect(out.join('\n')).toContain(w);
    }
  });

  it('usage errors exit 2', async () => {
    expect((await run(['x.csv', '--json', '--jsonl'])).code).toBe(2);
    expect((await run(['x.csv', '--max-bytes', '0'])).code).toBe(2);
    expect((await run([])).code).toBe(2);
    expect((await run(['x.csv', '--bogus'])).code).toBe(2);
    expect((await run([join(dir, 'ok.csv'), '--concurrency', 'zero'])).code).toBe(2);
    expect((await run([join(dir, 'does-not-exist.csv')])).code).toBe(2);
  });
});
