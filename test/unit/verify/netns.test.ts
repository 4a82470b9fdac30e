/**
 * Refusals of non-loopback addresses, proven where no packet can leave: the scenarios run in a
 * child process inside `unshare -n` (only loopback exists there). CI runs as root; elsewhere the
 * suite says why it is skipped.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { build } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const canUnshare = spawnSync('unshare', ['-n', 'true']).status === 0;

interface Row {
  url: string;
  ok: boolean;
  problems: string[];
  blocked: { reason: string; host: string; address: string | null } | null;
  error: string | null;
}
let out: {
  strict: Row[];
  open: Row[];
  control: string;
  cliDefault: { code: number; lines: string[] };
  cliPrivate: { code: number; lines: string[] };
  cliTable: { code: number; lines: string[] };
};
let dir: string;

beforeAll(async () => {
  if (!canUnshare) return;
  dir = mkdtempSync(join(tmpdir(), 'ita-netns-build-'));
  const file = join(dir, 'harness.mjs');
  await build({
    entryPoints: [resolve(import.meta.dirname, 'netns-harness.ts')],
    outfile: file,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'bundle',
    logLevel: 'error',
    loader: { '.json': 'json' },
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
  });
  const r = spawnSync('unshare', ['-n', 'sh', '-c', `ip link set lo up && exec "${process.execPath}" "${file}"`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`harness failed: ${r.stderr}`);
  out = JSON.parse(r.stdout);
}, 90_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe.skipIf(!canUnshare)('address policy inside a network namespace (unshare -n)', () => {
  it('refuses link-local, private, unique-local, metadata and unspecified addresses, by literal or by resolved name', () => {
    expect(out.strict.map((r) => [r.problems, r.blocked?.reason])).toEqual([
      [['blocked-address'], 'link-local'],
      [['blocked-address'], 'private'],
      [['blocked-address'], 'link-local'],
      [['blocked-address'], 'metadata'],
      [['blocked-address'], 'private'],
      [['blocked-address'], 'loopback'],
      [['blocked-address'], 'metadata'],
      [['blocked-address'], 'unspecified'],
    ]);
    expect(out.strict[4]!.blocked).toEqual({ reason: 'private', host: 'intranet.test', address: '10.1.1.1' });
  });

  it('with private allowed, still refuses a hop whose name resolves to link-local, at connect time', () => {
    const [ok, toMeta, v6, literal] = out.open;
    expect(ok!.ok).toBe(true);
    expect(toMeta!.problems).toEqual(['blocked-address']);
    expect(toMeta!.blocked).toEqual({ reason: 'link-local', host: 'meta.test', address: '169.254.169.254' });
    expect(v6!.blocked).toMatchObject({ reason: 'link-local', address: 'fe80::1' });
    expect(literal!.blocked).toMatchObject({ reason: 'link-local' });
  });

  it('control: a plain fetch of the same URL fails at once inside the namespace (so a missing policy would show as a wrong verdict, never as a packet)', () => {
    expect(out.control).toMatch(/^failed: (ENETUNREACH|EHOSTUNREACH|ECONNREFUSED)/);
  });

  it('the CLI refuses by default, allows loopback with --allow-private, never link-local, and says why', () => {
    const parse = (lines: string[]) =>
      lines.map((l) => JSON.parse(l) as { url: string; problems: string[]; blocked?: { reason: string } });
    const byDefault = parse(out.cliDefault.lines);
    expect(out.cliDefault.code).toBe(1);
    expect(byDefault.map((r) => r.blocked?.reason)).toEqual(expect.arrayContaining(['link-local', 'loopback']));
    expect(byDefault.every((r) => r.problems.includes('blocked-address'))).toBe(true);
    const allowed = parse(out.cliPrivate.lines);
    expect(allowed.filter((r) => r.problems.length === 0)).toHaveLength(1);
    expect(allowed.filter((r) => r.blocked?.reason === 'link-local')).toHaveLength(2); // also ::ffff:169.254.169.254
    const table = out.cliTable.lines.join('\n');
    expect(table).toContain('Not checked: private or unsafe address: 169.254.169.254: link-local');
  });
});
