import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkCommand } from '../../../lib/cli/commands/check';
import { exportBytes, freshDb, seed, unzip, zip } from './helpers';

let dir: string;
let good: string;
let bad: string;

function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return checkCommand
    .run(args, { stdout: (s) => out.push(s), stderr: (s) => err.push(s) })
    .then((code) => ({ code, out: out.join('\n'), err: err.join('\n') }));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cli-check-'));
  const db = freshDb();
  await seed(db);
  const bytes = await exportBytes(db);
  good = join(dir, 'good.zip');
  writeFileSync(good, bytes);
  const files = unzip(bytes);
  const edited = files['report.html']!.slice();
  edited[edited.length - 10] = edited[edited.length - 10]! ^ 1; // one byte changed, same size: found by its hash
  files['report.html'] = edited;
  bad = join(dir, 'bad.zip');
  writeFileSync(bad, zip(files));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('ita-evidence check', () => {
  it('exits 0 on a valid bundle', async () => {
    const r = await run([good]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('OK');
  });

  it('exits 1 naming the changed file and the reason, in Thai on request', async () => {
    const r = await run([bad, '--lang', 'th']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[hash-mismatch] report.html: ค่าแฮช SHA-256 ไม่ตรง');
  });

  it('prints machine-readable JSON with --json', async () => {
    const r = await run(['--json', bad]);
    expect(r.code).toBe(1);
    const j = JSON.parse(r.out);
    expect(j.valid).toBe(false);
    expect(j.errors).toContainEqual(expect.objectContaining({ code: 'hash-mismatch', file: 'report.html' }));
    expect(j.errors[0].message.en).toContain('SHA-256 mismatch');
    const ok = JSON.parse((await run([good, '--json'])).out);
    expect(ok).toMatchObject({ valid: true, errors: [], summary: { items: 43, evidence: 3 } });
  });

  it('exits 1 on a file that is not a zip, 2 on usage errors', async () => {
    const junk = join(dir, 'junk.zip');
    writeFileSync(junk, 'hello');
    expect((await run([junk])).code).toBe(1);
    expect((await run([])).code).toBe(2);
    expect((await run([good, good])).code).toBe(2);
    expect((await run([good, '--frobnicate'])).code).toBe(2);
    expect((await run([good, '--lang', 'fr'])).code).toBe(2);
    expect((await run([join(dir, 'nope.zip')])).code).toBe(2);
  });
});
