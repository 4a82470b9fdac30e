import { Zip, ZipDeflate, type AsyncFlateStreamHandler, type ZipInputFile } from 'fflate';
import { crc32Update } from './crc32';

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

  constructor(private readonly sink: Sink, private readonly mtime: Date) {
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

  /** Adds one file; `deflate` false stores it (level 0). `onSlice` reports input bytes consumed. */
  async addFile(path: string, data: Uint8Array, deflate: boolean, onSlice?: (bytes: number) => void, signal?: AbortSignal): Promise<void> {
    const file = deflate ? new ZipDeflate(path, { level: 1 }) : new StoredEntry(path);
    file.mtime = this.mtime;
    this.zip.add(file);
    if (data.length === 0) {
      file.push(new Uint8Array(0), true);
      await this.drain();
      return;
    }
    for (let off = 0; off < data.length; off += SLICE) {
      if (signal?.aborted) throw new Error('aborted');
      const end = Math.min(off + SLICE, data.length);
      file.push(data.subarray(off, end), end === data.length);
      await this.drain();
      onSlice?.(end - off);
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
export class StoredEntry implements ZipInputFile {
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
