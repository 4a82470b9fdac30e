/**
 * Documents (PDF, Word, Excel…) as evidence: which URLs are documents, what the bytes really are,
 * and whether the documents a page links to still open. Link checks use HEAD (GET when HEAD is
 * refused), read no body, are not retried, and are shared by every page of the run that links
 * the same file.
 */
import { fetchChain } from './fetch-chain';
import type { NetContext } from './net-context';
import { normalizeUrl } from '../util/url';

const DOCUMENT_EXTENSIONS = ['pdf', 'doc', 'docx', 'xls', 'xlsx', 'ppt', 'pptx', 'odt', 'ods'] as const;
export type DocumentExtension = (typeof DOCUMENT_EXTENSIONS)[number];

/** Most links a page's documents check follows: a page listing hundreds of files is checked in part. */
export const MAX_DOCUMENT_LINKS = 30;

/** The document type a URL names by its path's extension (query strings ignored); null for others. */
export function documentExtension(url: string): DocumentExtension | null {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return null;
  }
  const ext = /\.([a-z]{3,4})$/i.exec(path)?.[1]?.toLowerCase();
  return ext && (DOCUMENT_EXTENSIONS as readonly string[]).includes(ext) ? (ext as DocumentExtension) : null;
}

export type SniffedType = 'pdf' | 'ole' | 'zip' | 'html' | 'other';

/** What the first bytes are: PDF, an OLE2 container (doc/xls/ppt), a zip (docx/xlsx/odt), HTML. */
export function sniffDocument(bytes: Uint8Array, contentType: string | null): SniffedType {
  const at = (i: number, ...b: number[]) => b.every((x, j) => bytes[i + j] === x);
  let i = 0;
  while (
    i < bytes.length &&
    i < 1024 &&
    bytes[i] !== 0x25 &&
    bytes[i] !== 0x3c &&
    (bytes[i]! <= 0x20 || bytes[i] === 0xef || bytes[i] === 0xbb || bytes[i] === 0xbf)
  )
    i++;
  if (at(i, 0x25, 0x50, 0x44, 0x46)) return 'pdf'; // %PDF
  if (at(0, 0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1)) return 'ole';
  if (at(0, 0x50, 0x4b, 0x03, 0x04)) return 'zip';
  if (bytes[i] === 0x3c || /html/i.test(contentType ?? '')) return 'html';
  return 'other';
}

/** Whether sniffed bytes fit what the URL's extension promises. */
export function typeMatches(ext: DocumentExtension | null, sniffed: SniffedType): boolean {
  if (sniffed === 'html') return false;
  if (!ext) return true;
  if (ext === 'pdf') return sniffed === 'pdf';
  if (ext === 'doc' || ext === 'xls' || ext === 'ppt') return sniffed === 'ole' || sniffed === 'zip';
  return sniffed === 'zip' || sniffed === 'ole';
}

export interface DocumentLinkOutcome {
  url: string;
  ok: boolean;
  status: number | null;
  /** 'network' | 'timeout' | 'blocked-address' | 'http-<code>' … when not ok. */
  error?: string;
}

/** Checks linked documents once per run, whichever pages link them. */
export class DocumentLinkChecker {
  private readonly seen = new Map<string, Promise<DocumentLinkOutcome>>();

  constructor(private readonly ctx: NetContext) {}

  check(url: string): Promise<DocumentLinkOutcome> {
    const key = normalizeUrl(url) ?? url;
    let p = this.seen.get(key);
    if (!p) {
      p = this.fetchOne(url);
      this.seen.set(key, p);
    }
    return p;
  }

  private async fetchOne(url: string): Promise<DocumentLinkOutcome> {
    const r = await fetchChain(this.ctx, url, { method: 'HEAD', getFallback: true, readBody: false, retries: 0 });
    if (r.error) return { url, ok: false, status: r.status, error: r.error };
    const status = r.status ?? 0;
    if (status < 200 || status >= 300) return { url, ok: false, status, error: `http-${status}` };
    return { url, ok: true, status };
  }
}
