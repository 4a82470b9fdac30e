/**
 * Reads a response body into one array, counting the bytes the body yields (after decompression),
 * and gives up as soon as they pass `maxBytes`: the body is cancelled and `tooLarge(bytesSoFar)`
 * thrown. Any read error cancels the body too.
 *
 * A body is either a WHATWG stream (fetch in the browser) or a Node stream (the CLI's undici
 * `request`, lighter than WHATWG fetch at 100,000 URLs): both are read the same way here.
 */

/** A Node Readable, as far as reading it is concerned. */
export interface ByteIterable extends AsyncIterable<Uint8Array> {
  destroy(error?: Error): unknown;
}

export type ResponseBody = ReadableStream<Uint8Array> | ByteIterable;

function isWebStream(body: ResponseBody): body is ReadableStream<Uint8Array> {
  return typeof (body as ReadableStream<Uint8Array>).getReader === 'function';
}

/** Drops a body that will not be read, so that its connection is freed. */
export async function discardBody(body: ResponseBody | null): Promise<void> {
  if (!body) return;
  if (isWebStream(body)) await body.cancel().catch(() => undefined);
  else body.destroy();
}

export async function readCapped(
  body: ResponseBody | null,
  maxBytes: number,
  tooLarge: (bytes: number) => Error,
): Promise<Uint8Array> {
  if (!body) return new Uint8Array();
  const chunks: Uint8Array[] = [];
  let total = 0;
  const take = (value: Uint8Array) => {
    total += value.byteLength;
    if (total > maxBytes) throw tooLarge(total);
    chunks.push(value);
  };
  if (isWebStream(body)) {
    const reader = body.getReader();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        take(value);
      }
    } catch (e) {
      await reader.cancel().catch(() => undefined);
      throw e;
    }
  } else {
    try {
      // Leaving this loop early (cap, error) destroys the stream, which closes its connection.
      for await (const value of body) take(value);
    } catch (e) {
      body.destroy();
      throw e;
    }
  }
  return concatBytes(chunks, total, isWebStream(body));
}

/** Node's chunks are Buffers, often views into a larger socket buffer: they are always copied out. */
function concatBytes(chunks: Uint8Array[], total: number, mayReuse: boolean): Uint8Array {
  if (mayReuse && chunks.length === 1) return chunks[0]!;
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.byteLength;
  }
  return out;
}
