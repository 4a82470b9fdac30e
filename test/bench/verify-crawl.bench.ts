/**
 * Re-verify with the crawl (--home) on a loopback municipal site like the one measured in the
 * field: 300 pages under one menu (with years in it), menu links to `.html` copies that 404, a
 * web board that answers 500, PDFs, 20 ms latency per request, 2 requests per host. 30 evidence
 * URLs, three of them 3 MB PDF-to-HTML conversions.
 * Baselines in the same run: the ideal request count (breadth-first pages until every evidence
 * URL is found, plus one GET per evidence URL not among them) and, when it is installed
 * (npm i --no-save linkinator, or ITA_LINKINATOR=path/to/index.js), linkinator on the same list
 * with recursion.
 */
import { sendHtml, startServer } from '../fixtures/verify-server';
import { verifyTargets } from '../../lib/verify/verify';
import type { VerifyTarget } from '../../lib/verify/types';

const SECTIONS = 10;
const PER_SECTION = 29;
const LATENCY_MS = 20;
const PER_HOST = 2;
const EVIDENCE = 30;

const menu = () =>
  `<table><tr><td><a href="/">หน้าแรก</a></td>${Array.from({ length: SECTIONS }, (_, s) => `<td><a href="/s${s}/index.php">หมวด ${s} แผน ๒๕๖๑ - ๒๕๖๕</a></td><td><a href="/s${s}/index.html">หมวด ${s} (สำเนา)</a></td>`).join('')}<td><a href="/board/index.php">เว็บบอร์ด</a></td></tr></table>`;
const BIG = '<p>' + 'ผลการดำเนินงานตามแผน ประจำปีงบประมาณ พ.ศ. 2564 '.repeat(60_000) + '</p>';

function pageHtml(path: string): string | null {
  if (path === '/')
    return `<html><head><meta charset="utf-8"><title>เทศบาล</title></head><body>${menu()}<p>ยินดีต้อนรับ</p></body></html>`;
  let m = /^\/s(\d+)\/index\.php$/.exec(path);
  if (m && Number(m[1]) < SECTIONS) {
    const s = Number(m[1]);
    const items = Array.from(
      { length: PER_SECTION },
      (_, i) => `<li><a href="/s${s}/p${i}.php">เรื่อง ${s}-${i}</a> <a href="/files/s${s}-${i}.pdf">PDF</a></li>`,
    ).join('');
    return `<html><head><meta charset="utf-8"><title>หมวด ${s}</title></head><body>${menu()}<ul>${items}</ul></body></html>`;
  }
  m = /^\/s(\d+)\/p(\d+)\.php$/.exec(path);
  if (m && Number(m[1]) < SECTIONS && Number(m[2]) < PER_SECTION) {
    const big = Number(m[2]) === 0 && Number(m[1]) < 3 ? BIG : '';
    return `<html><head><meta charset="utf-8"><title>เรื่อง ${m[1]}-${m[2]}</title></head><body>${menu()}<h1>เรื่อง ${m[1]}-${m[2]}</h1><p>รายละเอียด ประจำปีงบประมาณ 2564</p>${big}<a href="/files/s${m[1]}-${m[2]}.pdf">เอกสาร</a></body></html>`;
  }
  return null;
}

const PDF = new TextEncoder().encode('%PDF-1.4\n%%EOF\n');

export async function run(log: (line: string) => void): Promise<void> {
  const server = await startServer(
    (req, res, path) => {
      if (path.startsWith('/files/')) {
        res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(PDF.length) });
        return void res.end(req.method === 'HEAD' ? undefined : PDF);
      }
      if (path === '/board/index.php') return sendHtml(res, 'database error', 500);
      const html = pageHtml(path);
      if (!html) return sendHtml(res, '<p>Not Found</p>', 404);
      sendHtml(res, html);
    },
    { latencyMs: LATENCY_MS },
  );
  try {
    const evidence: string[] = [];
    for (let i = 0; i < EVIDENCE; i++) evidence.push(server.url(`/s${i % SECTIONS}/p${Math.floor(i / SECTIONS)}.php`));
    const targets: VerifyTarget[] = evidence.map((url, i) => ({
      key: `e${i}`,
      url,
      criterion: 'O9',
      periodRule: { kind: 'fiscal-year', offset: 0 },
    }));

    // Ideal: home, then every section page (evidence is one level below), then each evidence page.
    const ideal = 1 + SECTIONS + EVIDENCE;
    const t0 = performance.now();
    const results = await verifyTargets(targets, {
      fetch: (u, init) => fetch(u, init),
      fiscalYear: 2564,
      home: server.url('/'),
      perHost: PER_HOST,
      policy: { allowPrivate: true, allowHosts: [] },
    });
    const wall = performance.now() - t0;
    const requests = server.log.length;
    const byKind = (re: RegExp) => server.log.filter((l) => re.test(l)).length;
    const wrong = results.filter((r) => !r.ok).length;
    log(
      `verify-crawl: ${EVIDENCE} evidence URLs on a ${1 + SECTIONS * (PER_SECTION + 1)}-page site, ${LATENCY_MS} ms latency, ${PER_HOST} per host`,
    );
    log(
      `verify-crawl: verify ${(wall / 1000).toFixed(2)} s, ${requests} requests (${byKind(/^GET \/s\d+\/p/)} evidence GETs, ${byKind(/\/files\//)} document checks, ${byKind(/ita-verify-/)} sibling probes, ${byKind(/index\.(php|html)$/)} menu pages); ${wrong} not ok`,
    );
    log(
      `verify-crawl: ideal page requests ${ideal} (home, ${SECTIONS} section pages, ${EVIDENCE} evidence GETs; ideal time ${((ideal * LATENCY_MS) / PER_HOST / 1000).toFixed(2)} s); ratio of requests ${(requests / ideal).toFixed(2)}, of time ${(wall / ((ideal * LATENCY_MS) / PER_HOST)).toFixed(2)}`,
    );
    // The same checks done ideally: every link of the home menu is fetched once (which leads to the
    // evidence is unknown until fetched), one GET per evidence page, one HEAD per linked document,
    // one soft-404 probe per directory; nothing retried, nothing fetched twice.
    const sameChecks = 1 + 2 * SECTIONS + 1 + EVIDENCE + EVIDENCE + SECTIONS;
    log(
      `verify-crawl: ideal with the same checks ${sameChecks} requests; ratio ${(requests / sameChecks).toFixed(2)} (${requests - sameChecks} extra)`,
    );
    if (wrong > 0)
      throw new Error(
        `verify-crawl: ${wrong} results not ok: ${JSON.stringify(results.filter((r) => !r.ok).slice(0, 2))}`,
      );

    const spec = process.env.ITA_LINKINATOR ?? 'linkinator';
    type Linkinator = { LinkChecker: new () => { check(o: object): Promise<{ links: unknown[] }> } };
    let lk: Linkinator | null = null;
    try {
      lk = (await import(/* @vite-ignore */ spec)) as Linkinator;
    } catch {
      log('verify-crawl: linkinator is not installed here; compared against the ideal request count only');
    }
    if (lk) {
      server.log.length = 0;
      const l0 = performance.now();
      const out = await new lk.LinkChecker().check({
        path: [server.url('/'), ...evidence],
        recurse: true,
        concurrency: PER_HOST,
        timeout: 20_000,
      });
      const lwall = performance.now() - l0;
      log(
        `verify-crawl: linkinator ${(lwall / 1000).toFixed(2)} s, ${server.log.length} requests, ${out.links.length} links reported`,
      );
      log(
        `verify-crawl: verify / linkinator: time ${(wall / lwall).toFixed(2)}, requests ${(requests / server.log.length).toFixed(2)}`,
      );
    }
  } finally {
    await server.close();
  }
}
