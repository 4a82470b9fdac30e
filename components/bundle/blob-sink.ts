/**
 * A zip sink that keeps JS memory bounded: chunks are collected until `foldBytes` have arrived,
 * then folded into one Blob part (the browser may keep Blob data outside the JS heap).
 */
export const DEFAULT_FOLD_BYTES = 8 * 1024 * 1024;

export interface BlobSink {
  sink(chunk: Uint8Array): void;
  /** Bytes received so far. */
  readonly bytes: number;
  /** Blob parts folded so far (not counting chunks still pending). */
  readonly parts: number;
  finish(type: string): Blob;
}

export function createBlobSink(foldBytes = DEFAULT_FOLD_BYTES): BlobSink {
  const parts: Blob[] = [];
  let pending: Uint8Array[] = [];
  let pendingBytes = 0;
  let total = 0;
  const fold = () => {
    if (!pending.length) return;
    parts.push(new Blob(pending as BlobPart[]));
    pending = [];
    pendingBytes = 0;
  };
  return {
    sink(chunk) {
      pending.push(chunk);
      pendingBytes += chunk.length;
      total += chunk.length;
      if (pendingBytes >= foldBytes) fold();
    },
    get bytes() {
      return total;
    },
    get parts() {
      return parts.length;
    },
    finish(type) {
      fold();
      return new Blob(parts, { type });
    },
  };
}
