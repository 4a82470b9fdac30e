/**
 * Re-verify 300 URLs on 3 loopback servers (3 hosts: the host key includes the port) that add
 * 100 ms latency per request, at 2 requests per host. The ideal wall time counts only the one
 * GET each URL needs: URLs × latency ÷ (hosts × perHost). The soft-404 sibling probe is cached
 * per host and directory, so it adds one extra request per host (3 in all), reported separately.
 */
import { page, sendHtml, startServer, type FixtureServer } from '../fixtures/verify-server';
import { verifyTargets } from '../../lib/verify/verify';
import type { VerifyTarget } from '../../lib/verify/types';

const URLS = 300;
const HOSTS = 3;
const PER_HOST = 2;
const LATENCY_MS = 100;

export async function run(log: (line: string) => void): Promise<void> {
  const servers: FixtureServer[] = [];
  try {
    for (let h = 0; h < HOSTS; h++) {
      servers.push(
        await startServer(
          (_req, res, path) => {
            const m = /^\/news\/item-(\d+)\.html$/.exec(path);
            if (!m || Number(m[1]) % 10 === 0) return sendHtml(res, page('404', 'Not Found'), 404);
            sendHtml(res, page(`ข่าว ${m[1]}`, `ข่าวประชาสัมพันธ์ ปีงบประมาณ 2564 ลำดับที่ ${m[1]}`));
          },
          { latencyMs: LATENCY_MS },
        ),
      );
    }
    const targets: VerifyTarget[] = [];
    const expectOk = new Map<string, boolean>();
    for (let i = 1; i <= URLS; i++) {
      const server = servers[i % HOSTS]!;
      const key = `u${i}`;
      targets.push({
        key,
        url: server.url(`/news/item-${i}.html`),
        criterion: 'O9',
        capturedText: `ข่าว ${i} ข่าวประชาสัมพันธ์ ปีงบประมาณ 2564 ลำดับที่ ${i}`,
        periodRule: { kind: 'fiscal-year', offset: 0 },
      });
      expectOk.set(key, i % 10 !== 0);
    }
    const start = performance.now();
    const results = await verifyTargets(targets, {
      fetch: (u, init) => fetch(u, init),
      fiscalYear: 2564,
      perHost: PER_HOST,
    });
    const wall = performance.now() - start;
    const requests = servers.reduce((n, s) => n + s.log.length, 0);
    const maxInFlight = Math.max(...servers.map((s) => s.maxInFlight));
    const ideal = (URLS * LATENCY_MS) / (HOSTS * PER_HOST);
    const idealAll = (requests * LATENCY_MS) / (HOSTS * PER_HOST);
    const wrong = results.filter(
      (r) => r.ok !== expectOk.get(r.key) || (!r.ok && r.problems.join() !== 'broken'),
    ).length;
    log(`verify: ${URLS} URLs, ${HOSTS} hosts × ${PER_HOST} per host, ${LATENCY_MS} ms latency per request`);
    log(
      `verify: requests ${requests} (${URLS} pages + ${requests - URLS} sibling probes), max in flight per host ${maxInFlight}`,
    );
    log(
      `verify: wall ${wall.toFixed(0)} ms; ideal ${ideal.toFixed(0)} ms (one GET per URL); ratio ${(wall / ideal).toFixed(2)}`,
    );
    log(`verify: ideal counting every request ${idealAll.toFixed(0)} ms; ratio ${(wall / idealAll).toFixed(2)}`);
    log(`verify: wrong verdicts ${wrong}`);
    if (wrong > 0) throw new Error(`verify bench: ${wrong} wrong verdicts`);
  } finally {
    await Promise.all(servers.map((s) => s.close()));
  }
}
