import { describe, expect, it } from 'vitest';
import { createBlobSink } from '../../../components/bundle/blob-sink';

const bytes = (n: number, v: number) => new Uint8Array(n).fill(v);

describe('createBlobSink', () => {
  it('folds pending chunks into a Blob part once foldBytes have arrived', () => {
    const s = createBlobSink(10);
    s.sink(bytes(4, 1));
    s.sink(bytes(4, 2));
    expect(s.parts).toBe(0);
    s.sink(bytes(4, 3));
    expect(s.parts).toBe(1);
    s.sink(bytes(3, 4));
    expect(s.parts).toBe(1);
    expect(s.bytes).toBe(15);
  });

  it('gives back every byte in order, with the requested type', async () => {
    const s = createBlobSink(5);
    const chunks = [bytes(3, 1), bytes(7, 2), bytes(1, 3), bytes(6, 4)];
    for (const c of chunks) s.sink(c);
    const blob = s.finish('application/zip');
    expect(blob.type).toBe('application/zip');
    expect(blob.size).toBe(17);
    const got = new Uint8Array(await blob.arrayBuffer());
    expect([...got]).toEqual(chunks.flatMap((c) => [...c]));
  });

  it('yields an empty Blob when nothing was written', async () => {
    const blob = createBlobSink().finish('application/zip');
    expect(blob.size).toBe(0);
  });
});
