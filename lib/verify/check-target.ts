/** All checks on one target: network, genuine page, drift, period, document hash. */
import { sha256Hex } from '../util/hash';
import { decodeBody } from './charset';
import { fetchChain, type ChainResult } from './fetch-chain';
import { scanHtml } from './html-scan';
import type { NetContext } from './net-context';
import { isDeadRedirect, isLoginWall, notFoundPhrase, parkedSignal, placeholderPhrase } from './page-signals';
import { checkPeriod } from './period';
import { sortProblems, type ProblemCode } from './problems';
import { judgeSibling, type SiblingProbe } from './soft404';
import { textSimilarity } from './similarity';
import type { VerifyDetails, VerifyResult, VerifyTarget } from './types';

/** Below this text similarity to the capture, a page counts as replaced (`drifted`). */
export const DRIFT_THRESHOLD = 0.5;

export interface CheckConfig {
  fiscalYear: number;
  driftThreshold: number;
  probe: SiblingProbe;
}

export async function checkTarget(ctx: NetContext, t: VerifyTarget, cfg: CheckConfig): Promise<VerifyResult> {
  const kind = t.document ? 'document' : 'page';
  const url = t.document?.url ?? t.url;
  const r = await fetchChain(ctx, url, { method: 'GET' });
  const problems = new Set<ProblemCode>();
  const details: VerifyDetails = { attempts: r.attempts, redirectMode: r.redirectMode };
  if (r.contentType) details.contentType = r.contentType;
  let similarity: number | null = null;

  const finish = (): VerifyResult => {
    const list = sortProblems(problems);
    return {
      key: t.key,
      url,
      criterion: t.criterion,
      evidenceId: t.evidenceId ?? null,
      kind,
      checkedAt: ctx.now().toISOString(),
      ok: list.length === 0,
      status: r.status,
      finalUrl: r.error === 'network' || r.error === 'timeout' ? null : r.finalUrl,
      redirects: r.redirects,
      problems: list,
      similarity,
      linkPath: null,
      details,
    };
  };

  if (networkProblem(r, url, problems, details)) return finish();

  const body = r.body ?? new Uint8Array();
  if (t.document) {
    details.expectedSha256 = t.document.sha256.toLowerCase();
    details.sha256 = await sha256Hex(body);
    if (details.sha256 !== details.expectedSha256) problems.add('document-changed');
    return finish();
  }
  if (!looksLikeHtml(r.contentType, body)) return finish();

  const decoded = decodeBody(body, r.contentType);
  details.charset = decoded.charset;
  const page = scanHtml(decoded.text);
  const captured = t.capturedText ?? null;
  if (captured && captured.trim()) {
    similarity = textSimilarity(captured, page.text);
    if (similarity < cfg.driftThreshold) problems.add('drifted');
  }
  if (parkedSignal(page, decoded.text)) problems.add('parked');
  else if (isLoginWall(page, url, r.finalUrl)) problems.add('login-wall');
  const phrase = notFoundPhrase(page);
  if (phrase) {
    problems.add('soft-404');
    details.soft404Reason = 'phrase';
    details.phrase = phrase;
  } else if (!problems.has('parked') && !problems.has('login-wall')) {
    const verdict = judgeSibling(page.text, r.finalUrl, await cfg.probe.probe(r.finalUrl));
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
  const genuine = !['soft-404', 'parked', 'login-wall', 'placeholder'].some((p) => problems.has(p as ProblemCode));
  if (t.periodRule && genuine) {
    const period = checkPeriod(`${page.title} ${page.text}`, t.periodRule, cfg.fiscalYear);
    details.yearsExpected = period.yearsExpected;
    details.yearsFound = period.yearsFound;
    if (!period.ok) problems.add('year-missing');
  }
  return finish();
}

/** Adds the network-level problem, if any; true when no content checks can follow. */
function networkProblem(r: ChainResult, url: string, problems: Set<ProblemCode>, details: VerifyDetails): boolean {
  if (r.error) {
    details.error = r.error;
    problems.add(r.error === 'timeout' ? 'timeout' : r.error === 'redirect-loop' ? 'redirect-loop' : 'broken');
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

function looksLikeHtml(contentType: string | null, body: Uint8Array): boolean {
  if (contentType) return /html|xml/i.test(contentType);
  let i = 0;
  while (i < body.length && i < 64 && (body[i] === 0x20 || body[i] === 0x0a || body[i] === 0x0d || body[i] === 0x09 || body[i] === 0xef || body[i] === 0xbb || body[i] === 0xbf)) i++;
  return body[i] === 0x3c; // "<"
}
