/**
 * Bounded breadth-first crawl of the main website from its home page, to find a link path to each
 * evidence URL. Same site only (host without "www.", either scheme); links leading off-site are
 * recorded but not followed. Breadth-first, so each path found is a shortest one.
 * Pages that are only crawled get one attempt (no retries with backoff); pages that are also
 * evidence get the normal retries, and their fetch is handed to the check instead of repeated.
 */
import { fetchChain, type ChainResult } from './fetch-chain';
import type { NetContext } from './net-context';
import { analyzeHtml, looksLikeHtml, type PageAnalysis } from './page-analysis';
import type { LinkStep } from './types';
import { normalizeUrl, resolveLink, crawlSiteKey } from '../util/url';

const CRAWL_DEFAULTS = { depth: 3, maxPages: 500 } as const;

const NOT_HTML = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|jpe?g|png|gif|webp|svg|mp4|mp3|avi|wmv)$/i;

interface Node {
  url: string;
  linkText: string;
  parent: string | null; // normalised key of the parent
}

interface CrawledFetch {
  chain: ChainResult;
  analysis: PageAnalysis | null;
}

export interface CrawlOutcome {
  /** Path from home (home first, linkText "") to any URL seen, by normalised URL; null if unseen. */
  lookup(normalisedUrl: string): LinkStep[] | null;
  /** The crawl's fetch of an evidence URL, once (the body is then released). */
  take(normalisedUrl: string): CrawledFetch | null;
  pagesFetched: number;
}

/** How many targets want each URL: its fetch is handed to each of them, then released. */
function countWanted(wanted: string[]): Map<string, number> {
  const count = new Map<string, number>();
  for (const w of wanted) {
    const k = normalizeUrl(w);
    if (k) count.set(k, (count.get(k) ?? 0) + 1);
  }
  return count;
}

/** The links from home to `key`, home first. */
function pathTo(nodes: Map<string, Node>, key: string): LinkStep[] {
  const out: LinkStep[] = [];
  for (let k: string | null = key; k !== null;) {
    const n: Node | undefined = nodes.get(k);
    if (!n) break;
    out.unshift({ url: n.url, linkText: n.linkText });
    k = n.parent;
  }
  return out;
}

export async function findLinkPaths(
  ctx: NetContext,
  home: string,
  wanted: string[],
  opts: { depth?: number; maxPages?: number; onPage?: (finalUrl: string, analysis: PageAnalysis) => void } = {},
): Promise<CrawlOutcome> {
  const maxDepth = opts.depth ?? CRAWL_DEFAULTS.depth;
  const maxPages = opts.maxPages ?? CRAWL_DEFAULTS.maxPages;
  const site = crawlSiteKey(home);
  const homeKey = normalizeUrl(home);
  const wantedCount = countWanted(wanted);
  const wantedKeys = new Set(wantedCount.keys());
  const nodes = new Map<string, Node>();
  const found = new Set<string>();
  const handed = new Map<string, CrawledFetch>();
  const empty: CrawlOutcome = { lookup: () => null, take: () => null, pagesFetched: 0 };
  if (!homeKey) return empty;

  const discover = (key: string, node: Node) => {
    if (!nodes.has(key)) nodes.set(key, node);
    if (wantedKeys.has(key)) found.add(key);
  };
  discover(homeKey, { url: home, linkText: '', parent: null });

  let level = [homeKey];
  let fetched = 0;
  for (let depth = 0; depth < maxDepth && level.length > 0; depth++) {
    if (found.size >= wantedKeys.size) break;
    const batch = level.slice(0, Math.max(0, maxPages - fetched));
    fetched += batch.length;
    const next: string[] = [];
    await Promise.all(
      batch.map(async (key) => {
        const node = nodes.get(key);
        if (!node) return;
        const isWanted = wantedKeys.has(key);
        const r = await fetchChain(ctx, node.url, { method: 'GET', ...(isWanted ? {} : { retries: 0 }) });
        const html = !r.error && r.body && (r.status ?? 0) < 400 && looksLikeHtml(r.contentType, r.body);
        const analysis = html && r.body ? analyzeHtml(r.body, r.contentType) : null;
        if (isWanted) handed.set(key, { chain: analysis ? { ...r, body: null } : r, analysis });
        if (!analysis) return;
        opts.onPage?.(r.finalUrl, analysis);
        const finalKey = normalizeUrl(r.finalUrl);
        if (finalKey && finalKey !== key) discover(finalKey, { url: r.finalUrl, linkText: '', parent: key });
        const page = analysis.page;
        const base = (page.baseHref && resolveLink(page.baseHref, r.finalUrl)) || r.finalUrl;
        for (const link of page.links) {
          const abs = resolveLink(link.href, base);
          const k = abs && normalizeUrl(abs);
          if (!abs || !k || nodes.has(k)) continue;
          discover(k, { url: abs, linkText: link.text, parent: key });
          if (crawlSiteKey(abs) === site && !NOT_HTML.test(new URL(abs).pathname)) next.push(k);
        }
      }),
    );
    level = next;
    if (fetched >= maxPages) break;
  }
  return {
    lookup: (k) => (nodes.has(k) ? pathTo(nodes, k) : null),
    take: (k) => {
      const f = handed.get(k) ?? null;
      const left = (wantedCount.get(k) ?? 1) - 1;
      wantedCount.set(k, left);
      if (left <= 0) handed.delete(k);
      return f;
    },
    pagesFetched: fetched,
  };
}
