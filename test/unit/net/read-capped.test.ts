import { describe, expect, it } from 'vitest';
import { readCapped } from '../../../lib/net/read-capped';

function stream(chunks: Uint8Array[], fail?: Error): { body: ReadableStream<Uint8Array>; cancelled: () => boolean } {
  let cancelled = false;
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(c) {
      if (i < chunks.length) c.enqueue(chunks[i++]!);
      else if (fail) c.error(fail);
      else c.close();
    },
    cancel() {
      cancelled = true;
    },
  });
  return { body, cancelled: () => cancelled };
}

const tooLarge = (n: number) => new Error(`too large: ${n}`);

describe('readCapped', () => {
  it('joins the chunks in order', async () => {
    const { body } = stream([Uint8Array.of(1, 2), Uint8Array.of(3), Uint8Array.of(4, 5, 6)]);
    expect([...(await readCapped(body, 6, tooLarge))]).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('gives an empty array for no body', async () => {
    expect((await readCapped(null, 10, tooLarge)).byteLength).toBe(0);
  });

  it('stops at the first chunk past the cap, cancels the stream and says how many bytes it had', async () => {
    const { body, cancelled } = stream([new Uint8Array(4), new Uint8Array(4), new Uint8Array(4)]);
    await expect(readCapped(body, 7, tooLarge)).rejects.toThrow('too large: 8');
    expect(cancelled()).toBe(true);
  });

  it('passes a read error on', async () => {
    const { body } = stream([new Uint8Array(2)], new Error('reset'));
    await expect(readCapped(body, 100, tooLarge)).rejects.toThrow('reset');
  });
});
