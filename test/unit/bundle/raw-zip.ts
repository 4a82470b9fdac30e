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
  /** "Version made by" (high byte: 3 = Unix) and external attributes (high 16 bits: Unix mode). */
  madeBy?: number;
  attrs?: number;
  /** Extra field blocks, central and local. */
  extra?: Uint8Array;
  localExtra?: Uint8Array;
  /** Bytes written after this entry's data (a data descriptor, or hidden bytes). */
  after?: Uint8Array;
}

export interface RawZipOptions {
  eocdCount?: number;
  cdOffset?: number;
  /** Bytes before the first entry; offsets are shifted as `zip -A` would. */
  prepend?: Uint8Array;
  /** Bytes after the end record. */
  append?: Uint8Array;
  /** Bytes between the central directory and the end record. */
  beforeEnd?: Uint8Array;
  comment?: Uint8Array;
}

export function rawZip(entries: RawEntry[], opts: RawZipOptions = {}): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  const pre = opts.prepend ?? new Uint8Array(0);
  if (pre.length) parts.push(pre);
  let offset = pre.length;
  for (const e of entries) {
    const name = enc.encode(e.name);
    const method = e.method ?? 0;
    const body = e.raw ?? (method === 8 ? deflateSync(e.data) : e.data);
    const crc = e.crc ?? crc32(e.data);
    const size = e.size ?? e.data.length;
    const csize = e.compressedSize ?? body.length;
    const lx = e.localExtra ?? new Uint8Array(0);
    const cx = e.extra ?? new Uint8Array(0);
    const loc = new Uint8Array(30 + name.length + lx.length);
    const lv = new DataView(loc.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint16(4, 20, true);
    lv.setUint16(6, (e.flags ?? 0) | 0x800, true);
    lv.setUint16(8, method, true);
    lv.setUint32(14, crc, true);
    lv.setUint32(18, csize, true);
    lv.setUint32(22, size, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, lx.length, true);
    loc.set(name, 30);
    loc.set(lx, 30 + name.length);
    const cen = new Uint8Array(46 + name.length + cx.length);
    const cv = new DataView(cen.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, e.madeBy ?? 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint16(8, (e.flags ?? 0) | 0x800, true);
    cv.setUint16(10, method, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, csize, true);
    cv.setUint32(24, size, true);
    cv.setUint16(28, name.length, true);
    cv.setUint16(30, cx.length, true);
    cv.setUint32(38, e.attrs ?? 0, true);
    cv.setUint32(42, offset, true);
    cen.set(name, 46);
    cen.set(cx, 46 + name.length);
    const after = e.after ?? new Uint8Array(0);
    parts.push(loc, body, after);
    central.push(cen);
    offset += loc.length + body.length + after.length;
  }
  const cdSize = central.reduce((n, c) => n + c.length, 0);
  const comment = opts.comment ?? new Uint8Array(0);
  const eocd = new Uint8Array(22 + comment.length);
  const ev = new DataView(eocd.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, opts.eocdCount ?? entries.length, true);
  ev.setUint16(10, opts.eocdCount ?? entries.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, opts.cdOffset ?? offset, true);
  ev.setUint16(20, comment.length, true);
  eocd.set(comment, 22);
  const all = [...parts, ...central, opts.beforeEnd ?? new Uint8Array(0), eocd, opts.append ?? new Uint8Array(0)];
  const out = new Uint8Array(all.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of all) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export function fromFiles(
  files: Record<string, Uint8Array>,
  patch: (entries: RawEntry[]) => RawEntry[] = (x) => x,
  opts: RawZipOptions = {},
): Uint8Array {
  return rawZip(patch(Object.entries(files).map(([name, data]) => ({ name, data }))), opts);
}

/** One extra field record: id, then its data. */
export function extraField(id: number, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + data.length);
  const v = new DataView(out.buffer);
  v.setUint16(0, id, true);
  v.setUint16(2, data.length, true);
  out.set(data, 4);
  return out;
}

/** Made on Unix with this mode (e.g. 0o100644). */
export const unixMode = (mode: number) => ({ madeBy: (3 << 8) | 20, attrs: (mode << 16) >>> 0 });
