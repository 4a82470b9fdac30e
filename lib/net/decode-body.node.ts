/**
 * Node only (CLI): a response body from undici's `request`, decoded as fetch would decode it
 * (Content-Encoding gzip, x-gzip, deflate (zlib or raw), br, applied in reverse order; an unknown
 * coding leaves the bytes as they came). The decoders are zlib streams that honour back-pressure, so a gzip bomb
 * inflates no faster than readCapped reads, and readCapped's cap counts the decoded bytes.
 * A body that is never read is drained a little (to keep its connection) or dropped.
 */
import { Duplex, pipeline, Readable, type Transform } from 'node:stream';
import { constants, createBrotliDecompress, createGunzip, createInflate, createInflateRaw } from 'node:zlib';
import type { ByteIterable } from './read-capped';

/** What undici's body offers beyond a Readable: drain up to `limit` bytes, else close the connection. */
interface UndiciBody extends Readable {
  dump?(opts?: { limit?: number }): Promise<unknown>;
}

/** More codings than this on one body is hostile: fetch refuses it too. */
const MAX_CODINGS = 5;
/** An unread body (redirect, error page) is drained up to this to reuse its connection. */
const DRAIN_LIMIT = 64 * 1024;

// As undici's fetch: lenient about a body cut short after its last complete block.
const LENIENT = { flush: constants.Z_SYNC_FLUSH, finishFlush: constants.Z_SYNC_FLUSH };

/** The decoders for a Content-Encoding value, outermost last; [] when the bytes stay as they are. */
export function decodersFor(contentEncoding: string | null): (() => Duplex)[] {
  const codings = (contentEncoding ?? '')
    .toLowerCase()
    .split(',')
    .map((c) => c.trim())
    .filter((c) => c && c !== 'identity');
  if (codings.length > MAX_CODINGS) throw new TypeError(`too many content codings (${codings.length})`);
  const out: (() => Duplex)[] = [];
  for (const c of codings.reverse()) {
    if (c === 'gzip' || c === 'x-gzip') out.push(() => createGunzip(LENIENT));
    else if (c === 'deflate') out.push(inflateEither);
    else if (c === 'br')
      out.push(() =>
        createBrotliDecompress({
          flush: constants.BROTLI_OPERATION_FLUSH,
          finishFlush: constants.BROTLI_OPERATION_FLUSH,
        }),
      );
    else return []; // an unknown coding: fetch hands the bytes over undecoded
  }
  return out;
}

/**
 * "deflate" is the zlib format, but some old servers send raw deflate; fetch takes both, and so does
 * this: the first byte says which (a zlib header's low nibble is 8, the deflate method).
 */
function inflateEither(): Duplex {
  return Duplex.from(async function* (source: AsyncIterable<Uint8Array>) {
    const input = source[Symbol.asyncIterator]();
    const first = await input.next();
    if (first.done) return;
    const inflate = (first.value[0]! & 0x0f) === 8 ? createInflate(LENIENT) : createInflateRaw(LENIENT);
    async function* again() {
      yield first.value;
      for (let r = await input.next(); !r.done; r = await input.next()) yield r.value;
    }
    const out = pipeline(Readable.from(again()), inflate, () => undefined) as Transform;
    yield* out;
  });
}

class NodeBody implements ByteIterable {
  private reading: Readable | null = null;
  constructor(
    private readonly raw: UndiciBody,
    private readonly decoders: (() => Duplex)[],
  ) {
    // Errors reach whoever reads (the iterator listens too); an unread body's error (its destroy,
    // an abort) must not become an uncaught exception.
    raw.on('error', () => undefined);
  }

  [Symbol.asyncIterator](): AsyncIterator<Uint8Array> {
    if (!this.reading) {
      const streams = this.decoders.map((make) => make());
      this.reading = streams.length
        ? (pipeline([this.raw, ...streams], () => undefined) as unknown as Readable)
        : this.raw;
    }
    return this.reading[Symbol.asyncIterator]();
  }

  destroy(): void {
    if (this.reading) {
      this.reading.destroy();
      this.raw.destroy();
    } else if (this.raw.dump) {
      this.raw.dump({ limit: DRAIN_LIMIT }).catch(() => undefined);
    } else {
      this.raw.destroy();
    }
  }
}

export function decodeBody(raw: Readable, contentEncoding: string | null): ByteIterable {
  let decoders: (() => Duplex)[];
  try {
    decoders = decodersFor(contentEncoding);
  } catch (e) {
    raw.on('error', () => undefined).destroy();
    throw e;
  }
  return new NodeBody(raw, decoders);
}
