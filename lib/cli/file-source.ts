/** A zip read from disk in slices (bounded memory whatever its size), and Node's SHA-256 (much faster than the portable one). */
import { createHash } from 'node:crypto';
import { open } from 'node:fs/promises';
import type { Sha256 } from '../util/hash';
import type { ZipSource } from '../zip/read';

export async function fileSource(path: string): Promise<ZipSource & { close(): Promise<void> }> {
  const fh = await open(path, 'r');
  const { size } = await fh.stat();
  return {
    size,
    async read(offset, length) {
      const buf = new Uint8Array(Math.max(0, Math.min(length, size - offset)));
      let got = 0;
      while (got < buf.length) {
        const { bytesRead } = await fh.read(buf, got, buf.length - got, offset + got);
        if (bytesRead === 0) break;
        got += bytesRead;
      }
      return buf.subarray(0, got);
    },
    close: () => fh.close(),
  };
}

export function nodeSha256(): Sha256 {
  const h = createHash('sha256');
  return { update: (c) => void h.update(c), hex: () => h.digest('hex') };
}
