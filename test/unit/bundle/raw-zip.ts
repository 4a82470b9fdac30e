/** A deliberately permissive zip writer for building malformed bundles in tests. */
import { deflateSync } from 'fflate';
import { crc32 } from '../../../lib/zip/crc32';

export interface RawEntry {
  name: string;
  data: Uint8Array;
  /** 0 stored (default), 8 deflate; any other number is written as-is with the data stored. */
  method?: number;
  flags?: number;
  /** Override the declared uncompressed size / compressed size / CRC. */
  size?: number;
  compressedSize?: number;
  crc?: number;
  /** Write these bytes as the entry data instead of compressing `data`. */
  raw?: Uint8Array;
}

export function rawZip(entries: RawEntry[], opts: { eocdCount?: number; cdOffset?: number } = {}): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const body = e.raw ?? (method === 8 ? deflateSync(e.data) : e.data);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const csize = e.compressedSize ?? body.length;
    const loc = new Uint8Array(30 + name.length);
    const lv = new DataView(loc.buffer);
    lv.setUint32(0, 0x04034b50, true); lv.setUint16(4, 20, true); lv.setUint16(6, (e.flags ?? 0) | 0x800, true);
    lv.setUint16(8, method, true); lv.setUint32(14, crc, true); lv.setUint32(18, csize, true); lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true); loc.set(name, 30);
    const cen = new Uint8Array(46 + name.length);
    const cv = new DataView(cen.buffer);
    cv.setUint32(0, 0x02014b50, true); cv.setUint16(4, 20, true); cv.setUint16(6, 20, true); cv.setUint16(8, (e.flags ?? 0) | 0x800, true);
    cv.setUint16(10, method, true); cv.setUint32(16, crc, true); cv.setUint32(20, csize, true); cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true); cv.setUint32(42, offset, true); cen.set(name, 46);
    parts.push(loc, body);
    central.push(cen);
    offset += loc.length + body.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const eocd = new Uint8Array(22);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, opts.eocdCount ?? entries.length, true); ev.setUint16(10, opts.eocdCount ?? entries.length, true);
  ev.setUint32(12, cdSize, true); ev.setUint32(16, opts.cdOffset ?? offset, true);
  const all = [...parts, ...central, eocd];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of all) { out.set(p, o); o += p.length; }
  return out;
}

export function fromFiles(files: Record<string, Uint8Array>, patch: (entries: RawEntry[]) => RawEntry[] = (x) => x): Uint8Array {
  return rawZip(patch(Object.entries(files).map(([name, data]) => ({ name, data }))));
}
