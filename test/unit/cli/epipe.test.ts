import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { strToU8, unzipSync } from 'fflate';
import { exportBytes, freshDb, seed, zip } from '../bundle/helpers';

const ROOT = path.resolve(import.meta.dirname, '../../..');
let dir: string;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ita-epipe-'));
  const db = freshDb();
  await seed(db);
  // 5,000 unlisted files: about 2 MB of JSON errors, far more than a pipe buffer holds.
  const files = unzipSync(await exportBytes(db));
  for (let i = 0; i < 5000; i++) files[`extra/file-${i}.txt`] = strToU8('x');
  file = path.join(dir, 'b.zip');
  writeFileSync(file, zip(files));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the CLI when its reader goes away', () => {
  it('exits quietly on EPIPE (`check … --json | head -1`)', () => {
    // Built by `npm ci` (postinstall) and by scripts/test-all.mjs before the suites run.
    const r = spawnSync(
      'bash',
      ['-o', 'pipefail', '-c', `node bin/ita-evidence.mjs check "${file}" --json | head -c 1`],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.stdout).toBe('{');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1); // the verdict (the bundle is invalid), not a crash
  });
});
