/**
 * What every page of a site shares (header, menus, footer), learned once per site and run: the
 * text blocks that its home page and one other page (the first page the home page links to) both
 * show. Menus repeat on every page of a municipal site, often with years in them ("แผนพัฒนา
 * ๒๕๖๑ - ๒๕๖๕"), and would otherwise satisfy every page's year check. Requiring a second page keeps
 * the home page's own news list (whose titles match the evidence pages' headings) out of it.
 */
import { fetchChain } from './fetch-chain';
import type { NetContext } from './net-context';
import { analyzeHtml, blockKey, looksLikeHtml, type PageAnalysis } from './page-analysis';
import { normalizeUrl, resolveLink } from '../util/url';

export interface SiteTemplate {
  /** Normalised URL of the home page (a page that is the home page is not judged against itself). */
  homeKey: string;
  title: string;
  blocks: Set<string>;
}

export class SiteTemplates {
  private readonly byOrigin = new Map<string, Promise<SiteTemplate | null>>();
  /** Pages the crawl already fetched that learning needs: each origin's home and its first link. */
  private readonly seeded = new Map<string, { finalUrl: string; a: PageAnalysis }>();
  private readonly wanted = new Set<string>();

  constructor(private readonly ctx: NetContext) {}

  /** Offered every page the crawl scans; keeps only the (at most two per site) that learning reads. */
  seed(finalUrl: string, a: PageAnalysis): void {
    const key = normalizeUrl(finalUrl);
    if (!key) return;
    const origin = originOf(finalUrl);
    if (origin && key === normalizeUrl(`${origin}/`)) {
      this.seeded.set(key, { finalUrl, a });
      const sib = firstSibling(finalUrl, a, key);
      const sibKey = sib && normalizeUrl(sib);
      if (sibKey) this.wanted.add(sibKey);
    } else if (this.wanted.has(key)) {
      this.seeded.set(key, { finalUrl, a });
    }
  }

  forUrl(url: string): Promise<SiteTemplate | null> {
    const origin = originOf(url);
    if (!origin) return Promise.resolve(null);
    let p = this.byOrigin.get(origin);
    if (!p) {
      p = this.learn(`${origin}/`);
      this.byOrigin.set(origin, p);
    }
    return p;
  }

  private async page(url: string): Promise<{ finalUrl: string; a: PageAnalysis } | null> {
    const seeded = this.seeded.get(normalizeUrl(url) ?? url);
    if (seeded) return seeded;
    const r = await fetchChain(this.ctx, url, { method: 'GET', retries: 0 });
    if (r.error || !r.body || (r.status ?? 0) >= 300 || !looksLikeHtml(r.contentType, r.body)) return null;
    return { finalUrl: r.finalUrl, a: analyzeHtml(r.body, r.contentType) };
  }

  private async learn(homeUrl: string): Promise<SiteTemplate | null> {
    const home = await this.page(homeUrl);
    if (!home) return null;
    const homeKey = normalizeUrl(home.finalUrl) ?? home.finalUrl;
    const siblingUrl = firstSibling(home.finalUrl, home.a, homeKey);
    const sibling = siblingUrl ? await this.page(siblingUrl) : null;
    const homeBlocks = new Set(home.a.page.blocks.map((b) => blockKey(b.text)));
    // Without a second page, only what the home page itself marks as chrome is shared for sure.
    const blocks = sibling
      ? new Set(sibling.a.page.blocks.map((b) => blockKey(b.text)).filter((k) => homeBlocks.has(k)))
      : new Set(home.a.page.blocks.filter((b) => b.chrome).map((b) => blockKey(b.text)));
    return { homeKey, title: home.a.page.title, blocks };
  }
}

/** The first page of the same origin that the home page links to (not itself, not a file). */
function firstSibling(homeUrl: string, a: PageAnalysis, homeKey: string): string | null {
  const origin = originOf(homeUrl);
  const base = (a.page.baseHref && resolveLink(a.page.baseHref, homeUrl)) || homeUrl;
  for (const l of a.page.links) {
    const abs = resolveLink(l.href, base);
    if (
      abs &&
      originOf(abs) === origin &&
      normalizeUrl(abs) !== homeKey &&
      !/\.(pdf|docx?|xlsx?|pptx?|zip|jpe?g|png|gif)$/i.test(abs)
    )
      return abs;
  }
  return null;
}

function originOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.origin : null;
  } catch {
    return null;
  }
}
