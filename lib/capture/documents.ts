/** Evidence documents (PDF, Word, Excel, images): kind from URL/MIME/bytes, and the size cap. */
import { captureMessage } from './messages';
import { ALLOWED_DOCUMENT_MIMES, MIME_BY_KIND, type DocumentKind } from '../evidence/document-types';

export type { DocumentKind };

export const DOCUMENT_SIZE_CAP = 50 * 1024 * 1024;

const EXTENSIONS: Record<string, DocumentKind> = {
  pdf: 'pdf',
  doc: 'doc',
  docx: 'docx',
  xls: 'xls',
  xlsx: 'xlsx',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  bmp: 'image',
};

function kindFromMime(contentType: string | null | undefined): DocumentKind | null {
  const mime = (contentType ?? '').split(';')[0]!.trim().toLowerCase();
  if (!mime) return null;
  if (mime.startsWith('image/') && mime !== 'image/svg+xml') return 'image';
  for (const [kind, m] of Object.entries(MIME_BY_KIND)) if (m === mime) return kind as DocumentKind;
  if (mime === 'application/x-pdf') return 'pdf';
  return null;
}

function kindFromName(name: string): DocumentKind | null {
  const match = /\.([a-z0-9]{2,5})$/i.exec(name.trim());
  return match ? (EXTENSIONS[match[1]!.toLowerCase()] ?? null) : null;
}

/** By MIME first (when specific), then by the path's extension, then by any query value's extension. */
export function classifyDocumentUrl(url: string, contentType?: string | null): DocumentKind | null {
  const byMime = kindFromMime(contentType);
  if (byMime) return byMime;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return kindFromName(url.split(/[?#]/)[0] ?? '');
  }
  const byPath = kindFromName(safeDecode(parsed.pathname));
  if (byPath) return byPath;
  // Not `searchParams.values()`: in Firefox content scripts that iterator cannot be looped over
  // (and Array.from of it is []), while the URLSearchParams object itself can.
  for (const [, value] of parsed.searchParams) {
    const byQuery = kindFromName(value);
    if (byQuery) return byQuery;
  }
  return null;
}

/** decodeURIComponent that keeps the input when it holds a malformed % sequence. */
export function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

const startsWith = (bytes: Uint8Array, sig: number[]): boolean =>
  bytes.length >= sig.length && sig.every((b, i) => bytes[i] === b);

function containsAscii(bytes: Uint8Array, needle: string, limit = 65_536): boolean {
  const hay = new TextDecoder('latin1').decode(bytes.subarray(0, limit));
  return hay.includes(needle);
}

/** MIME type from magic bytes; the file name tells the OOXML/OLE formats apart when given. */
export function sniffMime(bytes: Uint8Array, fileName = ''): string | null {
  const byName = kindFromName(fileName);
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'application/pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, [0x47, 0x49, 0x46, 0x38])) return 'image/gif';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (byName === 'docx' || byName === 'xlsx') return MIME_BY_KIND[byName];
    if (containsAscii(bytes, 'word/')) return MIME_BY_KIND.docx;
    if (containsAscii(bytes, 'xl/')) return MIME_BY_KIND.xlsx;
    return 'application/zip';
  }
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) {
    if (byName === 'doc' || byName === 'xls') return MIME_BY_KIND[byName];
    // OLE directory entries are UTF-16LE stream names.
    if (containsUtf16(bytes, 'WordDocument')) return MIME_BY_KIND.doc;
    if (containsUtf16(bytes, 'Workbook') || containsUtf16(bytes, 'Book')) return MIME_BY_KIND.xls;
    return 'application/x-cfb';
  }
  return null;
}

function containsUtf16(bytes: Uint8Array, needle: string): boolean {
  return containsAscii(bytes, [...needle].map((c) => `${c}\0`).join(''), 1_048_576);
}

/** The sniffed MIME type when it is an allowed document type, else null (whatever the server declared). */
export function allowedDocumentMime(bytes: Uint8Array, fileName = ''): string | null {
  const sniffed = sniffMime(bytes, fileName);
  return sniffed && ALLOWED_DOCUMENT_MIMES.includes(sniffed) ? sniffed : null;
}

export interface DocumentSizeError {
  code: 'too-large';
  bytes: number;
  limit: number;
  message: { th: string; en: string };
}

/** null when within the cap (or the size is unknown). */
export function checkDocumentSize(
  input: Uint8Array | number | null | undefined,
  limit: number = DOCUMENT_SIZE_CAP,
): DocumentSizeError | null {
  const bytes = input instanceof Uint8Array ? input.byteLength : input;
  if (bytes === null || bytes === undefined || !Number.isFinite(bytes) || bytes <= limit) return null;
  const params = { size: (bytes / 1024 / 1024).toFixed(1), limit: Math.round(limit / 1024 / 1024) };
  return {
    code: 'too-large',
    bytes,
    limit,
    message: {
      th: captureMessage('document-too-large', 'th', params),
      en: captureMessage('document-too-large', 'en', params),
    },
  };
}
