/**
 * Runs inside `unshare -n` (a network namespace with only loopback), started by netns.test.ts:
 * whatever the policy does, no packet can leave. Prints one JSON object with what it saw.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyCommand } from '../../../lib/cli/commands/verify';
import { guardedFetch } from '../../../lib/net/guarded-fetch.node';
import { verifyTargets } from '../../../lib/verify/verify';
import { page, redirect, sendHtml, startServer } from '../../fixtures/verify-server';

const server = await startServer((_req, res, path) => {
  if (path === '/to-meta-name') return redirect(res, 302, `http://meta.test:${new URL(server.origin).port}/`);
  if (path === '/ok') return sendHtml(res, page('ประกาศ', 'ประกาศเทศบาล'));
  sendHtml(res, page('404', 'Not Found'), 404);
});
const port = new URL(server.origin).port;
const fakeDns: Record<string, string> = {
  'intranet.test': '10.1.1.1',
  'site.test': '127.0.0.1',
  'meta.test': '169.254.169.254',
  'v6.test': 'fe80::1',
};
const resolve = async (h: string) => {
  const a = fakeDns[h];
  if (!a) throw Object.assign(new Error(`ENOTFOUND ${h}`), { code: 'ENOTFOUND' });
  return [{ address: a, family: a.includes(':') ? 6 : 4 }];
};
const targets = (urls: string[]) => urls.map((url, i) => ({ key: String(i), url, criterion: 'O1' }));
const summary = (rs: Awaited<ReturnType<typeof verifyTargets>>) =>
  rs.map((r) => ({
    url: r.url,
    ok: r.ok,
    problems: r.problems,
    blocked: r.details.blocked ?? null,
    error: r.details.error ?? null,
  }));
const base = { fiscalYear: 2564, retries: 0, timeoutMs: 3000 };

const strict = { allowPrivate: false, allowHosts: [] };
const open = { allowPrivate: true, allowHosts: [] };
const out: Record<string, unknown> = {};
out.strict = summary(
  await verifyTargets(
    targets([
      'http://169.254.169.254/latest/meta-data/',
      'http://10.0.0.1/',
      'http://[fe80::1]/',
      'http://[fd00:ec2::254]/',
      'http://intranet.test/',
      `http://site.test:${port}/ok`,
      'http://metadata.google.internal/',
      'http://0.0.0.0/',
    ]),
    { ...base, policy: strict, fetch: guardedFetch({ policy: strict, resolve }) },
  ),
);
out.open = summary(
  await verifyTargets(
    targets([
      `http://site.test:${port}/ok`,
      `http://site.test:${port}/to-meta-name`,
      'http://v6.test/',
      'http://169.254.169.254/',
    ]),
    { ...base, policy: open, fetch: guardedFetch({ policy: open, resolve }) },
  ),
);
// Without the policy, the same link-local URL fails as an ordinary network error: the namespace
// is what keeps this control from sending a packet.
out.control = await fetch('http://169.254.169.254/latest/meta-data/', { signal: AbortSignal.timeout(3000) }).then(
  (r) => `answered ${r.status}`,
  (e: unknown) => `failed: ${String((e as { cause?: { code?: string } }).cause?.code ?? e)}`,
);

const dir = mkdtempSync(join(tmpdir(), 'ita-netns-'));
const csv = join(dir, 'rows.csv');
writeFileSync(csv, `O1,http://169.254.169.254/\nO2,${server.url('/ok')}\nO3,http://[::ffff:a9fe:a9fe]/\n`);
const cli = async (args: string[]) => {
  const lines: string[] = [];
  const code = await verifyCommand.run(args, { stdout: (s) => lines.push(s), stderr: (s) => lines.push(s) });
  return { code, lines };
};
out.cliDefault = await cli([csv, '--jsonl', '--timeout', '3']);
out.cliPrivate = await cli([csv, '--jsonl', '--timeout', '3', '--allow-private']);
out.cliTable = await cli([csv, '--timeout', '3', '--lang', 'en']);
await server.close();
process.stdout.write(JSON.stringify(out));
process.exit(0);
