import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../lib/bundle/check';
import { crc32 } from '../../../lib/zip/crc32';
import { DEFAULT_ZIP_LIMITS, readCentralDirectory } from '../../../lib/zip/read';
import { readInput } from '../../../lib/verify/inputs';
import { artifact, exportBytes, freshDb, noise, record, seed } from './helpers';
import { rawZip } from './raw-zip';

function localHeader(name: string, body: Uint8Array, data: Uint8Array, method = 0): Uint8Array {
  const n = strToU8(name);
  const out = new Uint8Array(30 + n.length + body.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(8, method, true);
  v.setUint32(14, crc32(data), true);
  v.setUint32(18, body.length, true);
  v.setUint32(22, data.length, true);
  v.setUint16(26, n.length, true);
  out.set(n, 30);
  out.set(body, 30 + n.length);
  return out;
}

interface Central {
  name: string;
  offset: number;
  data: Uint8Array;
  compressedSize: number;
  method?: number;
}

/** A zip from raw bytes and a hand-written central directory (which may point anywhere). */
function handZip(body: Uint8Array, central: Central[]): Uint8Array {
  const recs = central.map((c) => {
    const n = strToU8(c.name);
    const r = new Uint8Array(46 + n.length);
    const v = new DataView(r.buffer);
    v.setUint32(0, 0x02014b50, true);
    v.setUint16(4, 20, true);
    v.setUint16(6, 20, true);
    v.setUint16(10, c.method ?? 0, true);
    v.setUint32(16, crc32(c.data), true);
    v.setUint32(20, c.compressedSize, true);
    v.setUint32(24, c.data.length, true);
    v.setUint16(28, n.length, true);
    v.setUint32(42, c.offset, true);
    r.set(n, 46);
    return r;
  });
  const cdSize = recs.reduce((s, r) => s + r.length, 0);
  const out = new Uint8Array(body.length + cdSize + 22);
  out.set(body, 0);
  let o = body.length;
  for (const r of recs) {
    out.set(r, o);
    o += r.length;
  }
  const v = new DataView(out.buffer);
  v.setUint32(o, 0x06054b50, true);
  v.setUint16(o + 8, recs.length, true);
  v.setUint16(o + 10, recs.length, true);
  v.setUint32(o + 12, cdSize, true);
  v.setUint32(o + 16, body.length, true);
  return out;
}

const codes = (bytes: Uint8Array) => {
  const r = readCentralDirectory(bytes);
  return r.ok ? [] : r.errors.map((e) => `${e.code}:${e.file ?? ''}`);
};

describe('zip reader limits', () => {
  it('rejects entries whose data overlaps (one block listed twice)', () => {
    const inner = strToU8('inner data');
    const b = localHeader('b', inner, inner);
    const a = localHeader('a', b, b); // a's data is b's whole local entry
    const bytes = handZip(a, [
      { name: 'a', offset: 0, data: b, compressedSize: b.length },
      { name: 'b', offset: 31, data: inner, compressedSize: inner.length },
    ]);
    expect(codes(bytes)).toEqual(['zip-inconsistent:b']);
  });

  it('rejects a local header that disagrees with the central directory', () => {
    const data = strToU8('hello');
    const renamed = handZip(localHeader('x.txt', data, data), [
      { name: 'y.txt', offset: 0, data, compressedSize: data.length },
    ]);
    expect(codes(renamed)).toEqual(['zip-inconsistent:y.txt']);
    const other = strToU8('HELLO');
    const resized = handZip(localHeader('x.txt', other, other), [
      { name: 'x.txt', offset: 0, data: strToU8('hellO'), compressedSize: 5 },
    ]);
    expect(codes(resized)).toEqual(['zip-inconsistent:x.txt']);
    expect(
      codes(
        handZip(localHeader('x.txt', data, data), [{ name: 'x.txt', offset: 0, data, compressedSize: data.length }]),
      ),
    ).toEqual([]);
  });

  it('applies the ratio limit to every entry over 64 KiB, not only to large ones', () => {
    const zeros = new Uint8Array(900 * 1024);
    const bytes = rawZip(Array.from({ length: 3 }, (_, i) => ({ name: `f${i}.txt`, data: zeros, method: 8 })));
    const r = readCentralDirectory(bytes);
    expect(r.ok ? [] : r.errors.map((e) => `${e.code}:${e.file}`)).toEqual([
      'ratio-too-high:f0.txt',
      'ratio-too-high:f1.txt',
      'ratio-too-high:f2.txt',
    ]);
  });

  it('caps the total uncompressed size at 20 × the zip size (64 MiB for a small zip), even when each entry stays under the ratio floor', () => {
    const small = new Uint8Array(60 * 1024);
    const raw = deflateSync(small);
    const bytes = rawZip(Array.from({ length: 1200 }, (_, i) => ({ name: `f${i}.txt`, data: small, method: 8, raw })));
    const r = readCentralDirectory(bytes);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['too-large']);
    expect(readCentralDirectory(bytes, { ...DEFAULT_ZIP_LIMITS, maxTotalRatio: 10_000 }).ok).toBe(true);
    const few = rawZip(Array.from({ length: 100 }, (_, i) => ({ name: `f${i}.txt`, data: small, method: 8, raw })));
    expect(readCentralDirectory(few).ok).toBe(true);
  });

  it('accepts a real bundle with stored PNGs and deflated HTML and text', async () => {
    const db = freshDb();
    await seed(db);
    const rows = Array.from(
      { length: 3000 },
      (_, i) =>
        `<tr><td>${i}</td><td>โครงการที่ ${(i * 7919) % 10007}</td><td>${((i * 104729) % 99991) / 100} บาท</td></tr>`,
    ).join('\n');
    const html = await artifact(
      'big-html',
      strToU8(`<!DOCTYPE html><html><body><table>${rows}</table></body></html>`),
      'dom-snapshot',
      'text/html; charset=utf-8',
    );
    const text = await artifact(
      'big-text',
      strToU8(rows.replace(/<[^>]+>/g, ' ')),
      'text',
      'text/plain; charset=utf-8',
    );
    const png = await artifact('big-png', noise(400_000, 7), 'fullpage-stitched');
    await db.evidence.put(record('big', ['O9'], [html.a, text.a, png.a]));
    await db.blobs.bulkPut([html.blob, text.blob, png.blob]);
    const bytes = await exportBytes(db);
    const r = await readBundle(bytes);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('verify CLI input uses the bundle reader', () => {
  it('refuses an overlapping zip instead of inflating it', () => {
    const inner = strToU8('{}');
    const b = localHeader('manifest.json', inner, inner);
    const a = localHeader('a', b, b);
    const bytes = handZip(a, [
      { name: 'a', offset: 0, data: b, compressedSize: b.length },
      { name: 'manifest.json', offset: 31, data: inner, compressedSize: inner.length },
    ]);
    expect(() => readInput(bytes)).toThrow(expect.objectContaining({ code: 'bad-zip' }));
  });

  it('refuses a whole-archive bomb', () => {
    const zeros = new Uint8Array(900 * 1024);
    const entries = Array.from({ length: 30 }, (_, i) => ({ name: `f${i}.txt`, data: zeros, method: 8 }));
    const bytes = rawZip([{ name: 'manifest.json', data: strToU8('{"evidence":[]}') }, ...entries]);
    expect(deflateSync(zeros).length).toBeLessThan(zeros.length / 200);
    expect(() => readInput(bytes)).toThrow(expect.objectContaining({ code: 'bad-zip' }));
  });
});
