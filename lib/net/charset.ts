/**
 * Charset of fetched HTML: BOM, then the Content-Type header, then <meta> in the first 4 KB, then
 * UTF-8. The BOM goes first as in the WHATWG sniffing algorithm (browsers let it win too).
 * Thai legacy labels (TIS-620, ISO-8859-11) all decode as windows-874, a superset.
 */

const THAI_ALIASES = new Set([
  'tis-620',
  'tis620',
  'iso-8859-11',
  'iso8859-11',
  'x-windows-874',
  'windows-874',
  'cp874',
  'dos-874',
]);

/** Canonical encoding name for a label, or null when TextDecoder does not know it. */
function normalizeCharset(label: string): string | null {
  const l = label
    .trim()
    .replace(/^["']|["']$/g, '')
    .toLowerCase();
  if (!l) return null;
  if (THAI_ALIASES.has(l)) return 'windows-874';
  try {
    return new TextDecoder(l).encoding;
  } catch {
    return null;
  }
}

function charsetParam(contentType: string | null): string | null {
  const match = /;\s*charset\s*=\s*("?)([^";\s]+)\1/i.exec(contentType ?? '');
  return match ? normalizeCharset(match[2]!) : null;
}

function bomCharset(bytes: Uint8Array): string | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  return null;
}

function metaCharset(headBytes: Uint8Array): string | null {
  const head = new TextDecoder('latin1').decode(headBytes.subarray(0, 4096)).replace(/<!--[\s\S]*?-->/g, '');
  for (const tag of head.match(/<meta\b[^>]*>/gi) ?? []) {
    const direct = /\bcharset\s*=\s*["']?\s*([^"'\s/>;]+)/i.exec(tag);
    if (!direct) continue;
    const isHttpEquiv = /http-equiv\s*=\s*["']?content-type/i.test(tag);
    const isCharsetAttr = /<meta\b[^>]*\scharset\s*=/i.test(tag);
    if (!isHttpEquiv && !isCharsetAttr) continue;
    const found = normalizeCharset(direct[1]!);
    // A page in a UTF-16 file cannot contain an ASCII meta tag; the spec reads it as UTF-8.
    if (found) return found.startsWith('utf-16') ? 'utf-8' : found;
  }
  return null;
}

export function detectCharset(contentType: string | null, headBytes: Uint8Array): string {
  return bomCharset(headBytes) ?? charsetParam(contentType) ?? metaCharset(headBytes) ?? 'utf-8';
}

export function decodeHtml(bytes: Uint8Array, contentType: string | null): string {
  return new TextDecoder(detectCharset(contentType, bytes)).decode(bytes);
}
