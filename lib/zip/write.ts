import { deflateSync, Zip, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { crc32, crc32Update } from './crc32';
import { DEFAULT_ZIP_LIMITS } from './read';

export type Sink = (chunk: Uint8Array) => Promise<void> | void;

/** Input is fed to fflate in slices of this size, and each output chunk is awaited before the next. */
const SLICE = 1 << 20;
const ZIP32_LIMIT = 0xffffffff;

/**
 * Streaming zip writer over fflate. fflate emits synchronously inside `push`; the emitted chunks
 * are queued and handed to the async sink before more input is pushed, so at most one slice of
 * input and its output are in flight — memory stays bounded whatever the total size.
 */
export class ZipStreamWriter {
  private readonly zip: Zip;
  private queue: Uint8Array[] = [];
  private failure: Error | null = null;
  private ended = false;
  private finished = false;
  /** Bytes handed to the sink so far. */
  written = 0;

  constructor(
    private readonly sink: Sink,
    private readonly mtime: Date,
  ) {
    this.zip = new Zip((err, chunk, final) => {
      if (err) this.failure = err;
      else if (chunk && chunk.length) this.queue.push(chunk);
      if (final) this.finished = true;
    });
  }

  private async drain(): Promise<void> {
    if (this.failure) throw this.failure;
    while (this.queue.length) {
      const chunk = this.queue.shift()!;
      this.written += chunk.length;
      if (this.written > ZIP32_LIMIT) throw new Error('zip-too-large');
      await this.sink(chunk);
    }
  }

  /**
   * Adds one file; `deflate` false stores it (level 0). `onSlice` reports input bytes consumed.
   * A file that deflates past the reader's ratio limit (a run of one character, say) is stored
   * instead, so that the reader never refuses what this writer wrote.
   */
  async addFile(
    path: string,
    data: Uint8Array,
    deflate: boolean,
    onSlice?: (bytes: number) => void,
    signal?: AbortSignal,
  ): Promise<void> {
    const packed = deflate && data.length > 0 ? deflateSync(data, { level: 1 }) : null;
    const tooDense = packed !== null && !withinRatio(data.length, packed.length);
    const body = packed && !tooDense ? packed : data;
    const file = body === data ? new StoredEntry(path) : new DeflatedEntry(path, crc32(data), data.length);
    file.mtime = this.mtime;
    this.zip.add(file);
    if (body.length === 0) {
      file.push(new Uint8Array(0), true);
      await this.drain();
      return;
    }
    for (let off = 0; off < body.length; off += SLICE) {
      if (signal?.aborted) throw new Error('aborted');
      const end = Math.min(off + SLICE, body.length);
      file.push(body.subarray(off, end), end === body.length);
      await this.drain();
      onSlice?.(Math.round(((end - off) * data.length) / body.length));
    }
  }

  async end(): Promise<void> {
    if (this.ended) return;
    this.ended = true;
    this.zip.end();
    await this.drain();
    if (!this.finished) throw new Error('zip stream did not finish');
  }

  abort(): void {
    this.zip.terminate();
  }
}

/**
 * A stored (level 0) zip entry like fflate's ZipPassThrough, with the faster CRC of ./crc32.
 * fflate documents implementing ZipInputFile for custom entries.
 */
class StoredEntry implements ZipInputFile {
  crc = 0;
  size = 0;
  compression = 0;
  mtime?: Date;
  ondata?: AsyncFlateStreamHandler;
  private running = 0;

  constructor(public filename: string) {}

  push(chunk: Uint8Array, final = false): void {
    this.running = crc32Update(this.running, chunk);
    this.size += chunk.length;
    if (final) this.crc = this.running;
    this.ondata!(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}

/** Whether an entry of `size` bytes stored in `compressed` bytes passes the reader's ratio limit. */
function withinRatio(size: number, compressed: number): boolean {
  return size <= Math.max(DEFAULT_ZIP_LIMITS.ratioFloorBytes, DEFAULT_ZIP_LIMITS.maxRatio * compressed);
}

/** A deflated entry whose bytes were compressed beforehand (to decide between deflate and store). */
class DeflatedEntry implements ZipInputFile {
  compression = 8;
  mtime?: Date;
  ondata?: AsyncFlateStreamHandler;

  constructor(
    public filename: string,
    public crc: number,
    public size: number,
  ) {}

  push(chunk: Uint8Array, final = false): void {
    this.ondata!(null, chunk as Uint8Array<ArrayBuffer>, final);
  }
}
