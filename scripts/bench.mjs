#!/usr/bin/env node
// `npm run bench [-- NAME…]`: runs each test/bench/*.bench.ts in its own Node process. Each file
// exports run(log), which prints its figures and ratios against a baseline measured in the same run.
import { build } from 'esbuild';
import { NODE_SCRIPT_BUILD } from './lib/node-script-build.mjs';
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const dir = path.join(root, 'test', 'bench');
const outDir = path.join(root, '.output', 'bench');
mkdirSync(outDir, { recursive: true });
const wanted = process.argv.slice(2);
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => !wanted.length || wanted.some((w) => f.includes(w)))
  .sort();

let failures = 0;
for (const f of files) {
  const name = f.replace(/\.bench\.ts$/, '');
  const outfile = path.join(outDir, `${name}.mjs`);
  await build({
    entryPoints: [path.join(dir, f)],
    outfile,
    ...NODE_SCRIPT_BUILD,
  });
  const runner = path.join(outDir, `${name}.run.mjs`);
  writeFileSync(
    runner,
    `import { run } from './${name}.mjs';\nawait run((line) => console.log(line));\nprocess.exit(0);\n`,
  );
  console.log(`\n=== ${name} ===`);
  const r = spawnSync(process.execPath, ['--expose-gc', runner], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    failures++;
    console.log(`(${name} failed with exit code ${r.status})`);
  }
}
process.exit(failures ? 1 : 0);
