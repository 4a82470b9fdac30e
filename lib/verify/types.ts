import type { FetchResponse } from '../net/fetch-response';
import type { NetworkPolicy } from '../net/network-policy';
import type { PeriodRule } from '../criteria/types';
import type { ProblemCode } from './problems';

/** One URL to re-verify: an evidence page, or a document (PDF/DOC) linked from one. */
export interface VerifyTarget {
  /** Stable key: `${evidenceId}` for a page, `${evidenceId}#${artifactId}` for a document. */
  key: string;
  url: string;
  criterion: string;
  evidenceId?: string;
  /** Text captured at tagging time; drift is measured against it. */
  capturedText?: string | null;
  /** The same, read only when the target is checked (keeps long runs from holding every text). */
  loadCapturedText?: () => Promise<string | null>;
  /** Set for document targets: the stored SHA-256 (lowercase hex) and where it came from. */
  document?: { sha256: string; url: string } | null;
  periodRule?: PeriodRule;
}

export interface RedirectHop {
  url: string;
  /** The hop's HTTP code; 0 where the platform hides it (opaque redirects in extension pages). */
  status: number;
}

export interface LinkStep {
  url: string;
  linkText: string;
}

/** Plain, JSON-serialisable: stored in IndexedDB (`verify` table) and in bundles. */
export interface VerifyResult {
  key: string;
  url: string;
  criterion: string;
  evidenceId: string | null;
  kind: 'page' | 'document';
  checkedAt: string;
  ok: boolean;
  status: number | null;
  finalUrl: string | null;
  redirects: RedirectHop[];
  problems: ProblemCode[];
  /** 0–1 text similarity against the capture; null without a capture or without HTML. */
  similarity: number | null;
  /** Path of links from the home page; null when not found or no crawl ran. */
  linkPath: LinkStep[] | null;
  details: VerifyDetails;
}

export interface VerifyDetails {
  /** 'network' | 'timeout' | 'aborted' | 'redirect-loop' | 'dead-redirect' | 'http-<code>' */
  error?: string;
  contentType?: string;
  charset?: string;
  attempts?: number;
  /** 'follow' when manual redirects were opaque and the platform followed them for us. */
  redirectMode?: 'manual' | 'follow';
  soft404Reason?: 'sibling-similar' | 'sibling-same-final-url' | 'phrase';
  siblingSimilarity?: number;
  phrase?: string;
  yearsExpected?: number[];
  yearsFound?: number[];
  sha256?: string;
  expectedSha256?: string;
  crawlPages?: number;
  /** With 'blocked-address': the host or address refused, and its class. */
  blocked?: { reason: string; host: string; address: string | null };
  /** Document targets: what the bytes are ('pdf', 'ole', 'zip', 'html', 'other'). */
  documentType?: string;
  /** Documents the page links to that did not open (at most MAX_DOCUMENT_LINKS are checked). */
  brokenDocuments?: { url: string; status: number | null; error: string }[];
  /** With 'year-missing': the year is on the page, but only in what every page of the site shows. */
  yearOnlyInChrome?: boolean;
  /** With error 'internal': what went wrong inside the check. */
  message?: string;
}

export interface CrawlOptions {
  depth?: number;
  maxPages?: number;
}

export type FetchLike = (input: string, init?: RequestInit) => Promise<FetchResponse>;

export interface VerifyOptions {
  fetch: FetchLike;
  /** Buddhist Era, e.g. 2564. */
  fiscalYear: number;
  /** The agency's main website; when set, a bounded crawl checks that each page is linked. */
  home?: string;
  perHost?: number;
  /** Targets checked at once across hosts (default 32). */
  concurrency?: number;
  /** Total time per URL, every attempt and redirect included. */
  timeoutMs?: number;
  /** Largest body read per URL, counted after decompression; more is `too-large`. */
  maxBytes?: number;
  /** Which addresses may be reached (default: public only). */
  policy?: NetworkPolicy;
  /** DNS where the platform has it: every address of every hop is then checked too. */
  resolve?: (hostname: string) => Promise<string[]>;
  /** false: return nothing and keep no result (onResult gets each); for very long runs. */
  collect?: boolean;
  retries?: number;
  maxRetryAfterMs?: number;
  /** Pages less similar than this to their capture are flagged `drifted`. */
  driftThreshold?: number;
  crawl?: CrawlOptions;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /** Called as each result is ready, so that a caller can persist it and resume later. */
  onResult?(result: VerifyResult): void;
  /** Results from an earlier, interrupted run: their targets are not checked again. */
  done?: VerifyResult[];
  skipKeys?: Iterable<string>;
  sleep?(ms: number): Promise<void>;
  random?(): number;
  now?(): Date;
}
