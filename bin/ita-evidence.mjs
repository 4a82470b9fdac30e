#!/usr/bin/env node
// Runs the bundled CLI. Builds dist/cli.mjs first when it is missing or older than the sources in lib/.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const cli = fileURLToPath(new URL('../dist/cli.mjs', import.meta.url));
const lib = fileURLToPath(new URL('../lib', import.meta.url));

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(p));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, statSync(p).mtimeMs);
  }
  return newest;
}

const stale = !existsSync(cli) || (existsSync(lib) && newestSource(lib) > statSync(cli).mtimeMs);
if (stale) {
  const script = fileURLToPath(new URL('../scripts/build-cli.mjs', import.meta.url));
  const r = spawnSync(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'] });
  if (r.status !== 0 || !existsSync(cli)) {
    process.stderr.write('ita-evidence: could not build dist/cli.mjs / สร้าง dist/cli.mjs ไม่สำเร็จ\n');
    if (!existsSync(cli)) process.exit(1);
  }
}
await import(pathToFileURL(cli).href);
