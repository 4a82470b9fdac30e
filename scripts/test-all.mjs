#!/usr/bin/env node
// `npm test`: lint, typecheck, unit tests, the e2e and production builds, end-to-end tests in Chromium, then in Firefox. Prints one closing line
// "N passed, N failed" summed over all suites, and exits non-zero when anything failed.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.output', 'test-results');
mkdirSync(out, { recursive: true });
const only = process.argv.slice(2); // e.g. `npm test -- unit` runs one suite

let passed = 0;
let failed = 0;
const lines = [];

function run(cmd, args, env = {}) {
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return r.status === 0;
}

function check(name, ok) {
  if (ok) passed++;
  else failed++;
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
}

function vitestSuite(name, configArgs) {
  const file = path.join(out, `${name}.json`);
  rmSync(file, { force: true });
  const ok = run('npx', [
    'vitest',
    'run',
    ...configArgs,
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${file}`,
  ]);
  if (!existsSync(file)) return check(`${name}: no report (crashed)`, false);
  const r = JSON.parse(readFileSync(file, 'utf8'));
  passed += r.numPassedTests;
  failed += r.numFailedTests + (ok || r.numFailedTests ? 0 : 1);
  lines.push(`${ok ? 'ok  ' : 'FAIL'} ${name}: ${r.numPassedTests} passed, ${r.numFailedTests} failed`);
  lines.push(...failedTests(r));
}

// The closing summary names each failed test and its first error line, so a CI log that keeps only its tail still says
// what broke. A test that passed only when run again (the e2e suites allow one retry) is named too: it is a flake to fix.
function failedTests(report) {
  const named = [];
  for (const file of report.testResults) {
    const where = path.relative(root, file.name);
    if (file.status === 'failed' && file.message) named.push(`       ${where}: ${firstLine(file.message)}`);
    for (const t of file.assertionResults) {
      const first = firstLine(t.failureMessages[0] ?? '');
      if (t.status === 'failed') named.push(`       ${where} > ${t.fullName}: ${first}`);
      else if (t.status === 'passed' && t.failureMessages.length > 0)
        named.push(`       passed on retry: ${where} > ${t.fullName}: ${first}`);
    }
  }
  return named;
}

function firstLine(text) {
  return stripVTControlCharacters(text).split('\n', 1)[0].slice(0, 200);
}

const want = (s) => only.length === 0 || only.includes(s);

if (want('lint')) check('lint (eslint)', run('npx', ['eslint', '.']));
if (want('lint')) check('format (prettier --check)', run('npx', ['prettier', '--check', '--log-level', 'warn', '.']));
if (want('lint')) check('unused files and exports (knip)', run('npx', ['knip']));
if (want('typecheck')) check('typecheck (tsc --strict)', run('npx', ['tsc', '--noEmit', '-p', 'tsconfig.json']));
if (want('unit')) {
  check('cli build', run('node', ['scripts/build-cli.mjs']));
  vitestSuite('unit', []);
}
if (want('e2e')) {
  const built = run('npx', ['wxt', 'build'], { ITA_E2E: '1' });
  check('e2e build', built);
  // The production build as well: test/e2e/permissions.e2e.ts walks its permission path.
  check('production build', run('npx', ['wxt', 'build'], { ITA_E2E: '' }));
  if (built) vitestSuite('e2e', ['--config', 'vitest.e2e.config.ts']);
}

if (want('firefox')) {
  // Firefox (puppeteer-core over WebDriver BiDi): the e2e build, all sites granted at install, and the
  // production build, whose permission path the suite also walks.
  const built = run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3'], { ITA_E2E: '1' });
  check('firefox e2e build', built);
  // The production build, as the stores get it: addons-linter is what `web-ext lint` runs (0 errors).
  const prod = run('npx', ['wxt', 'build', '-b', 'firefox', '--mv3']);
  check(
    'firefox build + addons-linter',
    prod && run('npx', ['addons-linter', '--output', 'text', '.output/firefox-mv3']),
  );
  if (built) vitestSuite('firefox', ['--config', 'vitest.e2e-firefox.config.ts']);
}

console.log('\n' + lines.join('\n'));
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
