#!/usr/bin/env node
// Runs a TypeScript script of this repo under Node: bundles it with esbuild (dependencies stay
// external) into .output/scripts/ and imports it. Usage: node scripts/run-ts.mjs FILE.ts [args…]
import { build } from 'esbuild';
import { NODE_SCRIPT_BUILD } from './lib/node-script-build.mjs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

const root = path.resolve(import.meta.dirname, '..');
const [file, ...rest] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.mjs FILE.ts [args…]');
  process.exit(2);
}
const outfile = path.join(root, '.output', 'scripts', `${path.basename(file, '.ts')}.mjs`);
await build({
  entryPoints: [path.resolve(file)],
  outfile,
  ...NODE_SCRIPT_BUILD,
});
process.argv = [process.argv[0], outfile, ...rest];
await import(pathToFileURL(outfile).href);
