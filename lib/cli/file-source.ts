/** A zip read from disk in slices (bounded memory whatever its size), and Node's SHA-256 (much faster than the portable one). */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Sha256 } from '../util/hash';
import type { ZipSource } from '../zip/read';

/** Small reads (local headers, data descriptors) are served from one read-ahead window of this size. */
const WINDOW = 64 * 1024;

export async function fileSource(path: string): Promise<ZipSource & { close(): Promise<void> }> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  const readAt = async (offset: number, length: number): Promise<Uint8Array> => {
    const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
    let got = 0;
    while (got < buf.length) {
      const { bytesRead } = await fh.read(buf, got, buf.length - got, offset + got);
      if (bytesRead === 0) break;
      got += bytesRead;
    }
    return buf.subarray(0, got);
  };
  // A zip of many small entries means tens of thousands of header reads: one system call each
  // would dominate the check, so they come from a window read ahead.
  let win: Uint8Array = new Uint8Array(0);
  let winAt = 0;
  return {
    size,
    async read(offset, length) {
      if (length > WINDOW / 16) return readAt(offset, length);
      if (offset < winAt || offset + length > winAt + win.length) {
        win = await readAt(offset, WINDOW);
        winAt = offset;
      }
      return win.slice(offset - winAt, offset - winAt + length);
    },
    close: () => fh.close(),
  };
}

export function nodeSha256(): Sha256 {
  const h = createHash('sha256');
  return { update: (c) => void h.update(c), hex: () => h.digest('hex') };
}
