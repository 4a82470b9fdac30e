/** Re-verify evidence URLs and linked documents: the entry point used by the extension and CLI. */
import { checkTarget, DRIFT_THRESHOLD } from './check-target';
import { findLinkPaths } from './crawl';
import { makeNetContext } from './net-context';
import { sortProblems } from './problems';
import { SiblingProbe } from './soft404';
import type { LinkStep, VerifyOptions, VerifyResult, VerifyTarget } from './types';
import { normalizeUrl } from '../util/url';

export async function verifyTargets(targets: VerifyTarget[], opts: VerifyOptions): Promise<VerifyResult[]> {
  const ctx = makeNetContext(opts);
  const probe = new SiblingProbe(ctx);
  const prior = new Map((opts.done ?? []).map((r) => [r.key, r] as const));
  const skip = new Set(opts.skipKeys ?? []);
  const pending = targets.filter((t) => !prior.has(t.key) && !skip.has(t.key));
  const total = targets.length;
  let done = total - pending.length;
  opts.onProgress?.(done, total);

  // The crawl runs first so that each result is final when it is handed to onResult.
  let lookup: ((url: string) => LinkStep[] | null) | null = null;
  let crawlPages = 0;
  if (opts.home && pending.some((t) => !t.document)) {
    const outcome = await findLinkPaths(ctx, opts.home, pending.filter((t) => !t.document).map((t) => t.url), opts.crawl);
    crawlPages = outcome.pagesFetched;
    lookup = (u) => {
      const k = normalizeUrl(u);
      return k ? (outcome.lookup(k) ?? null) : null;
    };
  }

  const cfg = { fiscalYear: opts.fiscalYear, driftThreshold: opts.driftThreshold ?? DRIFT_THRESHOLD, probe };
  const fresh = new Map<string, VerifyResult>();
  await Promise.all(
    pending.map(async (t) => {
      const result = await checkTarget(ctx, t, cfg);
      if (lookup) {
        result.linkPath = lookup(t.url) ?? (result.finalUrl ? lookup(result.finalUrl) : null);
        result.details.crawlPages = crawlPages;
        if (!result.linkPath && result.kind === 'page') {
          result.problems = sortProblems([...result.problems, 'unlinked']);
          result.ok = false;
        }
      }
      fresh.set(t.key, result);
      opts.onResult?.(result);
      opts.onProgress?.(++done, total);
    }),
  );
  return targets.flatMap((t) => {
    const r = fresh.get(t.key) ?? prior.get(t.key);
    return r ? [r] : [];
  });
}
