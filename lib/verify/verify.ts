/** Re-verify evidence URLs and linked documents: the entry point used by the extension and CLI. */
import { checkTarget, DRIFT_THRESHOLD, type CheckConfig } from './check-target';
import { findLinkPaths, type CrawlOutcome } from './crawl';
import { DocumentLinkChecker, documentExtension } from './documents';
import { DEFAULTS, makeNetContext, type NetContext } from './net-context';
import type { PageAnalysis } from './page-analysis';
import { sortProblems } from './problems';
import { SiteTemplates } from './site-template';
import { SiblingProbe } from './soft404';
import type { LinkStep, VerifyOptions, VerifyResult, VerifyTarget } from './types';
import { normalizeUrl } from '../util/url';

interface PageOutcome {
  path: LinkStep[] | null;
  links: Set<string> | null;
}

/**
 * Checks every target, at most `concurrency` at a time (the per-host limit applies beneath), and
 * hands each result to onResult as soon as it is final. Results are also returned unless
 * `collect` is false, which keeps memory flat on very long runs (the CLI's --jsonl).
 * One target's failure, whatever it is, becomes that target's result; the run goes on.
 */
export async function verifyTargets(targets: VerifyTarget[], opts: VerifyOptions): Promise<VerifyResult[]> {
  const ctx = makeNetContext(opts);
  const prior = new Map((opts.done ?? []).map((r) => [r.key, r] as const));
  const skip = new Set(opts.skipKeys ?? []);
  // Pages first: a linked document's path goes through the page that links it.
  const pending = targets.filter((t) => !prior.has(t.key) && !skip.has(t.key));
  pending.sort((a, b) => Number(isDocumentTarget(a)) - Number(isDocumentTarget(b)));
  const total = targets.length;
  let done = total - pending.length;
  opts.onProgress?.(done, total);

  // The crawl runs first so that each result is final when it is handed to onResult.
  const templates = new SiteTemplates(ctx);
  let crawl: CrawlOutcome | null = null;
  if (opts.home && pending.length > 0) {
    const onPage = (u: string, a: PageAnalysis) => templates.seed(u, a);
    crawl = await findLinkPaths(
      ctx,
      opts.home,
      pending.map((t) => t.document?.url ?? t.url),
      { ...opts.crawl, onPage },
    );
  }
  const lookup = (u: string | null): LinkStep[] | null => {
    const k = u ? normalizeUrl(u) : null;
    return k && crawl ? crawl.lookup(k) : null;
  };

  const cfg: CheckConfig = {
    fiscalYear: opts.fiscalYear,
    driftThreshold: opts.driftThreshold ?? DRIFT_THRESHOLD,
    probe: new SiblingProbe(ctx),
    templates,
    documents: new DocumentLinkChecker(ctx),
    prefetched: (u) => {
      const k = normalizeUrl(u);
      return k && crawl ? crawl.take(k) : null;
    },
  };
  // Pages whose documents are targets too keep their links until those documents are judged.
  const docOwners = new Set(pending.filter(isDocumentTarget).map((t) => t.evidenceId ?? ''));
  const pages = new Map<string, Promise<PageOutcome>>();
  const fresh = opts.collect === false ? null : new Map<string, VerifyResult>();

  const one = async (t: VerifyTarget): Promise<void> => {
    let settle: (p: PageOutcome) => void = () => undefined;
    if (crawl && !isDocumentTarget(t) && t.evidenceId && docOwners.has(t.evidenceId))
      pages.set(t.evidenceId, new Promise((r) => (settle = r)));
    let result: VerifyResult;
    try {
      const outcome = await checkTarget(ctx, t, cfg);
      result = outcome.result;
      if (crawl) {
        result.details.crawlPages = crawl.pagesFetched;
        result.linkPath = lookup(t.document?.url ?? t.url) ?? lookup(result.finalUrl);
        if (!result.linkPath && result.kind === 'document' && t.evidenceId) {
          result.linkPath = await throughPage(pages.get(t.evidenceId), result.url);
        }
        if (!result.linkPath) {
          result.problems = sortProblems([...result.problems, 'unlinked']);
          result.ok = false;
        }
      }
      settle({ path: result.linkPath, links: outcome.links });
    } catch (e) {
      settle({ path: null, links: null });
      if (ctx.signal?.aborted) throw e;
      result = failedResult(ctx, t, e);
    }
    fresh?.set(t.key, result);
    opts.onResult?.(result);
    opts.onProgress?.(++done, total);
  };

  await pool(pending, opts.concurrency ?? DEFAULTS.concurrency, one);
  if (!fresh) return [];
  return targets.flatMap((t) => {
    const r = fresh.get(t.key) ?? prior.get(t.key);
    return r ? [r] : [];
  });
}

function isDocumentTarget(t: VerifyTarget): boolean {
  return !!t.document || documentExtension(t.url) !== null;
}

/** A document reached through its evidence page: that page's path plus the link to the document. */
async function throughPage(page: Promise<PageOutcome> | undefined, docUrl: string): Promise<LinkStep[] | null> {
  const p = page ? await page : null;
  const k = normalizeUrl(docUrl);
  if (!p?.path || !p.links || !k || !p.links.has(k)) return null;
  return [...p.path, { url: docUrl, linkText: '' }];
}

/** An unexpected failure inside one check: reported on that target, never ending the run. */
function failedResult(ctx: NetContext, t: VerifyTarget, e: unknown): VerifyResult {
  return {
    key: t.key,
    url: t.document?.url ?? t.url,
    criterion: t.criterion,
    evidenceId: t.evidenceId ?? null,
    kind: isDocumentTarget(t) ? 'document' : 'page',
    checkedAt: ctx.now().toISOString(),
    ok: false,
    status: null,
    finalUrl: null,
    redirects: [],
    problems: ['broken'],
    similarity: null,
    linkPath: null,
    details: { error: 'internal', message: e instanceof Error ? e.message.slice(0, 200) : String(e).slice(0, 200) },
  };
}

/** Runs fn over items with at most `width` in flight, in order; rejects on the first rejection. */
async function pool<T>(items: T[], width: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(width, items.length)) }, worker));
}
