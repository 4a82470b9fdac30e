/** All checks on one target: network, genuine page, drift, period, linked documents, document type and hash. */
import { sha256Hex } from '../util/hash';
import {
  documentExtension,
  MAX_DOCUMENT_LINKS,
  sniffDocument,
  typeMatches,
  type DocumentLinkChecker,
} from './documents';
import { fetchChain, type ChainResult } from './fetch-chain';
import type { ScannedPage } from './html-scan';
import type { NetContext } from './net-context';
import { analyzeHtml, looksLikeHtml, ownContent, type PageAnalysis } from './page-analysis';
import { isDeadRedirect, isLoginWall, notFoundPhrase, parkedSignal, placeholderPhrase } from './page-signals';
import { checkPeriod } from './period';
import { sortProblems, type ProblemCode } from './problems';
import type { SiteTemplates } from './site-template';
import { judgeSibling, type SiblingProbe } from './soft404';
import { textSimilarity } from './similarity';
import type { VerifyDetails, VerifyResult, VerifyTarget } from './types';
import { normalizeUrl, resolveLink } from '../util/url';

/** Below this text similarity to the capture, a page counts as replaced (`drifted`). */
export const DRIFT_THRESHOLD = 0.5;

export interface CheckConfig {
  fiscalYear: number;
  driftThreshold: number;
  probe: SiblingProbe;
  templates: SiteTemplates;
  documents: DocumentLinkChecker;
  /** A fetch the crawl already made of this URL, handed over instead of fetching again. */
  prefetched?(url: string): { chain: ChainResult; analysis: PageAnalysis | null } | null;
}

/** What a check learnt besides its result: the page's links, for documents that hang off it. */
export interface CheckOutcome {
  result: VerifyResult;
  /** Normalised URLs the page links to (pages only, when it was HTML). */
  links: Set<string> | null;
}

export async function checkTarget(ctx: NetContext, t: VerifyTarget, cfg: CheckConfig): Promise<CheckOutcome> {
  const docExt = t.document ? documentExtension(t.document.url) : documentExtension(t.url);
  const isDocument = !!t.document || docExt !== null;
  const kind = isDocument ? 'document' : 'page';
  const url = t.document?.url ?? t.url;
  const handed = isDocument ? null : (cfg.prefetched?.(url) ?? null);
  const r = handed?.chain ?? (await fetchChain(ctx, url, { method: 'GET' }));
  const problems = new Set<ProblemCode>();
  const details: VerifyDetails = { attempts: r.attempts, redirectMode: r.redirectMode };
  if (r.contentType) details.contentType = r.contentType;
  let similarity: number | null = null;
  let links: Set<string> | null = null;

  const finish = (): CheckOutcome => {
    const list = sortProblems(problems);
    return {
      links,
      result: {
        key: t.key,
        url,
        criterion: t.criterion,
        evidenceId: t.evidenceId ?? null,
        kind,
        checkedAt: ctx.now().toISOString(),
        ok: list.length === 0,
        status: r.status,
        finalUrl: r.error === 'network' || r.error === 'timeout' || r.error === 'blocked-address' ? null : r.finalUrl,
        redirects: r.redirects,
        problems: list,
        similarity,
        linkPath: null,
        details,
      },
    };
  };

  if (networkProblem(r, url, problems, details)) return finish();

  const body = r.body ?? new Uint8Array();
  if (isDocument) {
    await checkDocument(body, r.contentType, docExt, t.document?.sha256, problems, details);
    return finish();
  }
  if (!handed?.analysis && !looksLikeHtml(r.contentType, body)) return finish();

  const { charset, page } = handed?.analysis ?? analyzeHtml(body, r.contentType);
  details.charset = charset;
  const base = (page.baseHref && resolveLink(page.baseHref, r.finalUrl)) || r.finalUrl;
  links = linkKeys(page, base);
  const captured = t.capturedText ?? (await t.loadCapturedText?.()) ?? null;
  if (captured && captured.trim()) {
    similarity = textSimilarity(captured, page.text);
    if (similarity < cfg.driftThreshold) problems.add('drifted');
  }
  await judgeGenuine(page, url, r.finalUrl, captured, cfg.probe, problems, details);
  const genuine = !['soft-404', 'parked', 'login-wall', 'placeholder'].some((p) => problems.has(p as ProblemCode));
  if (t.periodRule && genuine) await checkYears(page, t.periodRule, r.finalUrl, cfg, problems, details);
  if (genuine) {
    const broken = await brokenDocuments(
      cfg.documents,
      page.links.map((l) => resolveLink(l.href, base)),
    );
    if (broken.length > 0) {
      problems.add('broken-document');
      details.brokenDocuments = broken;
    }
  }
  return finish();
}

/** A document: its type as sniffed against its extension, and its hash against the one captured. */
async function checkDocument(
  body: Uint8Array,
  contentType: string | null,
  docExt: ReturnType<typeof documentExtension>,
  expectedSha256: string | undefined,
  problems: Set<ProblemCode>,
  details: VerifyDetails,
): Promise<void> {
  const sniffed = sniffDocument(body, contentType);
  details.documentType = sniffed;
  details.sha256 = await sha256Hex(body);
  if (!typeMatches(docExt, sniffed)) {
    details.error = 'not-a-document';
    problems.add('broken');
  }
  if (expectedSha256) {
    details.expectedSha256 = expectedSha256.toLowerCase();
    if (details.sha256 !== details.expectedSha256) problems.add('document-changed');
  }
}

/** Normalised URLs the page links to. */
function linkKeys(page: ScannedPage, base: string): Set<string> {
  const links = new Set<string>();
  for (const l of page.links) {
    const abs = resolveLink(l.href, base);
    const k = abs && normalizeUrl(abs);
    if (k) links.add(k);
  }
  return links;
}

/** Is this the page itself, or a parking page, a login wall, a soft 404 or a placeholder? */
async function judgeGenuine(
  page: ScannedPage,
  url: string,
  finalUrl: string,
  captured: string | null,
  probe: SiblingProbe,
  problems: Set<ProblemCode>,
  details: VerifyDetails,
): Promise<void> {
  if (parkedSignal(page)) problems.add('parked');
  else if (isLoginWall(page, url, finalUrl)) problems.add('login-wall');
  const phrase = notFoundPhrase(page);
  if (phrase) {
    problems.add('soft-404');
    details.soft404Reason = 'phrase';
    details.phrase = phrase;
  } else if (!problems.has('parked') && !problems.has('login-wall')) {
    const verdict = judgeSibling(page.text, finalUrl, await probe.probe(finalUrl));
    if (verdict.siblingSimilarity !== undefined) details.siblingSimilarity = verdict.siblingSimilarity;
    if (verdict.soft404) {
      problems.add('soft-404');
      details.soft404Reason = verdict.reason;
    }
  }
  const placeholder = placeholderPhrase(page, captured);
  if (placeholder) {
    problems.add('placeholder');
    details.phrase ??= placeholder;
  }
}

/** The item's period in the page's own content (not the menus every page of the site shares). */
async function checkYears(
  page: ScannedPage,
  rule: NonNullable<VerifyTarget['periodRule']>,
  finalUrl: string,
  cfg: CheckConfig,
  problems: Set<ProblemCode>,
  details: VerifyDetails,
): Promise<void> {
  const template = await cfg.templates.forUrl(finalUrl);
  const isHome = template && normalizeUrl(finalUrl) === template.homeKey;
  const period = checkPeriod(ownContent(page, isHome ? null : template), rule, cfg.fiscalYear);
  details.yearsExpected = period.yearsExpected;
  details.yearsFound = period.yearsFound;
  if (!period.ok) {
    problems.add('year-missing');
    // Say when the year is there, but only in the menus or footer every page shares.
    const anywhere = checkPeriod(`${page.title} ${page.text}`, rule, cfg.fiscalYear);
    if (anywhere.ok) details.yearOnlyInChrome = true;
  }
}

async function brokenDocuments(checker: DocumentLinkChecker, urls: (string | null)[]) {
  const seen = new Set<string>();
  const docs: string[] = [];
  for (const u of urls) {
    if (!u || !documentExtension(u)) continue;
    const k = normalizeUrl(u) ?? u;
    if (seen.has(k)) continue;
    seen.add(k);
    docs.push(u);
    if (docs.length >= MAX_DOCUMENT_LINKS) break;
  }
  const outcomes = await Promise.all(docs.map((u) => checker.check(u)));
  return outcomes.filter((o) => !o.ok).map((o) => ({ url: o.url, status: o.status, error: o.error ?? 'broken' }));
}

/** Adds the network-level problem, if any; true when no content checks can follow. */
function networkProblem(r: ChainResult, url: string, problems: Set<ProblemCode>, details: VerifyDetails): boolean {
  if (r.error) {
    details.error = r.error;
    if (r.error === 'blocked-address' && r.refusal) details.blocked = { ...r.refusal };
    const code: ProblemCode =
      r.error === 'timeout' || r.error === 'redirect-loop' || r.error === 'blocked-address' || r.error === 'too-large'
        ? r.error
        : 'broken';
    problems.add(code);
    return true;
  }
  const status = r.status ?? 0;
  if (status === 401) {
    details.error = 'http-401';
    problems.add('login-wall');
    return true;
  }
  if (status < 200 || status >= 300) {
    details.error = `http-${status}`;
    problems.add('broken');
    return true;
  }
  if (r.redirects.length > 0 && isDeadRedirect(url, r.finalUrl)) {
    details.error = 'dead-redirect';
    problems.add('broken');
    return true;
  }
  return false;
}
