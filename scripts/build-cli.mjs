#!/usr/bin/env node
// Bundles the CLI (lib/cli/entry.ts) into dist/cli.mjs: Node 20, ESM, everything inlined except Node builtins.
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

await build({
  absWorkingDir: root,
  entryPoints: ['lib/cli/entry.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'bundle',
  loader: { '.json': 'json' },
  // Prefer a package's ES module build: jsonc-parser's UMD "main" loads its parts with a require() esbuild cannot follow.
  mainFields: ['module', 'main'],
  // Bundled CommonJS dependencies may call require() for builtins; give ESM output a real require.
  banner: {
    js: "import { createRequire as __itaCreateRequire } from 'node:module'; const require = __itaCreateRequire(import.meta.url);",
  },
  legalComments: 'none',
  logLevel: 'warning',
});
console.log('built dist/cli.mjs');
