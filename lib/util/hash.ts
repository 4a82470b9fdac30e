import { sha256 } from '@noble/hashes/sha2.js';
/** SHA-256 as lowercase hex, via Web Crypto (present in extension pages, workers and Node ≥ 20). */
export async function sha256Hex(data: Uint8Array | ArrayBuffer): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', data as BufferSource);
  return toHex(new Uint8Array(digest));
}

export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) out += b.toString(16).padStart(2, '0');
  return out;
}

/** A SHA-256 fed chunk by chunk (a file hashed while it streams). */
export interface Sha256 {
  update(chunk: Uint8Array): void;
  /** Lowercase hex of everything fed so far; call once. */
  hex(): string;
}

/** The portable incremental SHA-256 (@noble/hashes): Web Crypto has no incremental form. */
export function createSha256(): Sha256 {
  const h = sha256.create();
  return { update: (c) => void h.update(c), hex: () => toHex(h.digest()) };
}
