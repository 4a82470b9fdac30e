/** Decode a page by its declared charset: BOM, then Content-Type, then <meta>, else UTF-8. */
export function sniffCharset(bytes: Uint8Array, contentType: string | null): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return 'utf-8';
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return 'utf-16le';
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return 'utf-16be';
  const fromHeader = contentType ? charsetParam(contentType) : null;
  if (fromHeader && isSupported(fromHeader)) return canonical(fromHeader);
  const head = latin1(bytes.subarray(0, 4096));
  const meta =
    /<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)/i.exec(head)?.[1] ?? null;
  if (meta && isSupported(meta)) return canonical(meta);
  return 'utf-8';
}

export function decodeBody(bytes: Uint8Array, contentType: string | null): { text: string; charset: string } {
  const charset = sniffCharset(bytes, contentType);
  return { text: new TextDecoder(charset).decode(bytes), charset };
}

function charsetParam(contentType: string): string | null {
  return /charset\s*=\s*["']?([\w.:-]+)/i.exec(contentType)?.[1] ?? null;
}

function canonical(label: string): string {
  return new TextDecoder(label.trim()).encoding; // e.g. "tis-620" → "windows-874"
}

function isSupported(label: string): boolean {
  try {
    new TextDecoder(label.trim());
    return true;
  } catch {
    return false;
  }
}

function latin1(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i++) s += String.fromCharCode(bytes[i] ?? 0);
  return s;
}
