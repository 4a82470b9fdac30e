/**
 * Soft-404 detection by sibling probe: request a random URL beside the evidence page. If it also
 * answers 2xx with a page ≥ SOFT404_SIMILARITY alike, or lands on the same final URL, the evidence
 * page is what the server shows for anything: a not-found page dressed as 200.
 * Probes are cached per origin + directory + extension, so each directory costs one probe.
 */
import { fetchChain } from './fetch-chain';
import type { NetContext } from './net-context';
import { analyzeHtml } from './page-analysis';
import { textSimilarity } from './similarity';
import { normalizeUrl } from '../util/url';

const SOFT404_SIMILARITY = 0.95;

export interface SiblingPage {
  url: string;
  status: number | null;
  finalUrl: string;
  redirected: boolean;
  text: string | null;
}

export function siblingUrl(url: string, random: () => number): { url: string; cacheKey: string } | null {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return null;
  }
  const slash = u.pathname.lastIndexOf('/');
  const dir = u.pathname.slice(0, slash + 1) || '/';
  const last = u.pathname.slice(slash + 1);
  const ext = /\.[a-z0-9]{1,5}$/i.exec(last)?.[0] ?? '';
  const token = Math.floor(random() * 36 ** 8)
    .toString(36)
    .padStart(8, '0');
  return { url: `${u.origin}${dir}ita-verify-${token}${ext}`, cacheKey: `${u.origin}${dir}*${ext}` };
}

export class SiblingProbe {
  private readonly cache = new Map<string, Promise<SiblingPage | null>>();

  constructor(private readonly ctx: NetContext) {}

  probe(url: string): Promise<SiblingPage | null> {
    const sib = siblingUrl(url, this.ctx.random);
    if (!sib) return Promise.resolve(null);
    let p = this.cache.get(sib.cacheKey);
    if (!p) {
      p = this.fetchSibling(sib.url);
      this.cache.set(sib.cacheKey, p);
    }
    return p;
  }

  private async fetchSibling(url: string): Promise<SiblingPage | null> {
    let r = await fetchChain(this.ctx, url, { method: 'HEAD', getFallback: true, readBody: true });
    if (r.method === 'HEAD' && r.status !== null && r.status >= 200 && r.status < 300) {
      r = await fetchChain(this.ctx, url, { method: 'GET' });
    }
    if (r.error) return null;
    const text = r.body ? analyzeHtml(r.body, r.contentType).page.text : null;
    return { url, status: r.status, finalUrl: r.finalUrl, redirected: r.redirects.length > 0, text };
  }
}

export type Soft404Verdict =
  | { soft404: false; siblingSimilarity?: number }
  | { soft404: true; reason: 'sibling-similar' | 'sibling-same-final-url'; siblingSimilarity?: number };

export function judgeSibling(pageText: string, pageFinalUrl: string, sibling: SiblingPage | null): Soft404Verdict {
  if (!sibling || sibling.status === null || sibling.status < 200 || sibling.status >= 300) return { soft404: false };
  if (sibling.redirected && normalizeUrl(sibling.finalUrl) === normalizeUrl(pageFinalUrl)) {
    return { soft404: true, reason: 'sibling-same-final-url' };
  }
  if (sibling.text === null || pageText.trim() === '') return { soft404: false };
  const sim = textSimilarity(pageText, sibling.text);
  return sim >= SOFT404_SIMILARITY
    ? { soft404: true, reason: 'sibling-similar', siblingSimilarity: sim }
    : { soft404: false, siblingSimilarity: sim };
}
