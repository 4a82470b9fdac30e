/**
 * Bounded breadth-first crawl of the main website from its home page, to find a link path to each
 * evidence URL. Same site only (host without "www.", either scheme); links leading off-site are
 * recorded but not followed. Breadth-first, so each path found is a shortest one.
 */
import { decodeBody } from './charset';
import { fetchChain } from './fetch-chain';
import { scanHtml } from './html-scan';
import type { NetContext } from './net-context';
import type { LinkStep } from './types';
import { crawlSiteKey, normalizeUrl, resolveLink } from '../util/url';

export const CRAWL_DEFAULTS = { depth: 3, maxPages: 500 } as const;

const NOT_HTML = /\.(pdf|docx?|xlsx?|pptx?|odt|ods|zip|rar|7z|jpe?g|png|gif|webp|svg|mp4|mp3|avi|wmv)$/i;

interface Node {
  url: string;
  linkText: string;
  parent: string | null; // normalised key of the parent
}

export interface CrawlOutcome {
  /** Path from home (home first, linkText "") to any URL seen, by normalised URL; null if unseen. */
  lookup(normalisedUrl: string): LinkStep[] | null;
  pagesFetched: number;
}

export async function findLinkPaths(
  ctx: NetContext,
  home: string,
  wanted: string[],
  opts: { depth?: number; maxPages?: number } = {},
): Promise<CrawlOutcome> {
  const maxDepth = opts.depth ?? CRAWL_DEFAULTS.depth;
  const maxPages = opts.maxPages ?? CRAWL_DEFAULTS.maxPages;
  const site = crawlSiteKey(home);
  const homeKey = normalizeUrl(home);
  const wantedKeys = new Set(wanted.map((w) => normalizeUrl(w)).filter((k): k is string => k !== null));
  const nodes = new Map<string, Node>();
  const found = new Set<string>();
  if (!homeKey) return { lookup: () => null, pagesFetched: 0 };
  nodes.set(homeKey, { url: home, linkText: '', parent: null });

  const pathTo = (key: string): LinkStep[] => {
    const out: LinkStep[] = [];
    for (let k: string | null = key; k !== null; ) {
      const n: Node | undefined = nodes.get(k);
      if (!n) break;
      out.unshift({ url: n.url, linkText: n.linkText });
      k = n.parent;
    }
    return out;
  };
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
        const r = await fetchChain(ctx, node.url, { method: 'GET' });
        if (r.error || !r.body || (r.status ?? 0) >= 400) return;
        if (r.contentType && !/html|xml/i.test(r.contentType)) return;
        const finalKey = normalizeUrl(r.finalUrl);
        if (finalKey && finalKey !== key) discover(finalKey, { url: r.finalUrl, linkText: '', parent: key });
        const page = scanHtml(decodeBody(r.body, r.contentType).text);
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
  return { lookup: (k) => (nodes.has(k) ? pathTo(k) : null), pagesFetched: fetched };
}
