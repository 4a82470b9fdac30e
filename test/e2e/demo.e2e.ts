import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from './harness';

// `npm run demo -- --out DIR` end to end, on the e2e build made by `npm run build:e2e`
// (ITA_DEMO_REBUILD=0 keeps the demo from rebuilding it under other running tests).
describe('npm run demo', () => {
  let out: string;
  beforeAll(async () => {
    out = await mkdtemp(path.join(tmpdir(), 'ita-demo-e2e-'));
  });
  afterAll(async () => {
    if (out) await rm(out, { recursive: true, force: true });
  });

  it('tags the demo pages and writes exactly one valid bundle into --out', async () => {
    const run = spawnSync('npm', ['run', 'demo', '--', '--out', out], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, ITA_DEMO_REBUILD: '0' },
      timeout: 280_000,
    });
    expect(run.status, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Tagged [1-9]\d* of \d+ demo pages/);
    const files = await readdir(out);
    const zips = files.filter((f) => f.endsWith('.zip'));
    expect(zips).toHaveLength(1);
    expect(files).toEqual(zips);
    expect(run.stdout).toContain(`Bundle: ${path.join(out, zips[0]!)}`);

    const check = spawnSync(
      'node',
      [path.join(ROOT, 'bin/ita-evidence.mjs'), 'check', path.join(out, zips[0]!), '--json'],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(check.status).toBe(0);
    const report = JSON.parse(check.stdout) as {
      valid: boolean;
      summary: { agency: string; items: number; evidence: number };
    };
    expect(report.valid).toBe(true);
    expect(report.summary).toMatchObject({ agency: 'เทศบาลเมืองตัวอย่าง', items: 43 });
    expect(report.summary.evidence).toBeGreaterThan(0);
  }, 300_000);
});
