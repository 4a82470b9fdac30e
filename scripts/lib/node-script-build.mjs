// esbuild options for running one of our TypeScript files in Node (scripts, benchmarks): one ES module,
// npm packages left to Node, and a `require` for the CommonJS ones that need it.
export const NODE_SCRIPT_BUILD = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'error',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
};
