import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { isPng, pngDimensions } from '../../../lib/capture/png';

function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = (c >>> 1) ^ (0xedb88320 & -(c & 1));
  }
  return ~c >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  out.set(new TextEncoder().encode(type), 4);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** A real grey-scale PNG of the given size. */
function makePng(width: number, height: number): Uint8Array {
  const ihdr = new Uint8Array(13);
  const v = new DataView(ihdr.buffer);
  v.setUint32(0, width);
  v.setUint32(4, height);
  ihdr.set([8, 0, 0, 0, 0], 8);
  const raw = new Uint8Array((width + 1) * height); // filter byte 0 + black pixels per row
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array()),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

describe('png', () => {
  it('reads width and height from IHDR', () => {
    const png = makePng(3, 70_000);
    expect(isPng(png)).toBe(true);
    expect(pngDimensions(png)).toEqual({ width: 3, height: 70_000 });
  });

  it('works on a view into a larger buffer', () => {
    const png = makePng(5, 2);
    const big = new Uint8Array(png.length + 10);
    big.set(png, 10);
    expect(pngDimensions(big.subarray(10))).toEqual({ width: 5, height: 2 });
  });

  it('rejects a bad signature, a truncated head and a missing IHDR', () => {
    const png = makePng(4, 4);
    const bad = png.slice();
    bad[1] = 0x51;
    expect(isPng(bad)).toBe(false);
    expect(pngDimensions(bad)).toBeNull();
    expect(pngDimensions(png.subarray(0, 20))).toBeNull();
    const renamed = png.slice();
    renamed.set(new TextEncoder().encode('IDAT'), 12);
    expect(pngDimensions(renamed)).toBeNull();
    expect(isPng(new TextEncoder().encode('%PDF-1.4'))).toBe(false);
  });
});
