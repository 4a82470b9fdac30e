import { Inflate } from 'fflate';
import type { ZipError } from './errors';
import { crc32 } from './crc32';
import { unsafePathReason } from './paths';

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Largest allowed uncompressed/compressed ratio for entries above `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Largest allowed sum of uncompressed sizes as a multiple of the zip's own size (whole-archive bomb guard). */
  maxTotalRatio: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntries: 50_000,
  maxRatio: 200,
  ratioFloorBytes: 1024 * 1024,
  maxTotalRatio: 100,
};

export interface ZipEntry {
  name: string;
  method: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's (compressed) data starts, from its local header; set by readCentralDirectory. */
  dataOffset?: number;
}

type Result<T> = { ok: true; value: T } | { ok: false; errors: ZipError[] };

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads the central directory and checks everything that can be checked without inflating:
 * structure, encryption, methods, path safety, duplicates, declared sizes and ratios.
 */
export function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Result<ZipEntry[]> {
  if (bytes.length === 0) return { ok: false, errors: [{ code: 'empty-file' }] };
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65535); i--) {
    if (dv.getUint32(i, true) === EOCD_SIG) { eocd = i; break; }
  }
  if (eocd < 0) {
    const looksZip = bytes.length >= 4 && dv.getUint32(0, true) === LOC_SIG;
    return { ok: false, errors: [looksZip ? { code: 'zip-truncated', params: { detail: 'no end of central directory' } } : { code: 'not-zip' }] };
  }
  const count = dv.getUint16(eocd + 10, true);
  const cdSize = dv.getUint32(eocd + 12, true);
  const cdOffset = dv.getUint32(eocd + 16, true);
  if (dv.getUint16(eocd + 4, true) !== 0 || dv.getUint16(eocd + 6, true) !== 0 || count !== dv.getUint16(eocd + 8, true))
    return { ok: false, errors: [{ code: 'zip-unsupported', params: { detail: 'multi-disk archive' } }] };
  if (count === 0xffff || cdOffset === 0xffffffff) return { ok: false, errors: [{ code: 'zip-unsupported', params: { detail: 'zip64' } }] };
  if (cdOffset + cdSize > eocd) return { ok: false, errors: [{ code: 'zip-truncated', params: { detail: 'central directory out of range' } }] };
  if (count > limits.maxEntries) return { ok: false, errors: [{ code: 'too-many-entries', params: { count, limit: limits.maxEntries } }] };

  const entries: ZipEntry[] = [];
  const errors: ZipError[] = [];
  const seen = new Set<string>();
  let total = 0;
  let p = cdOffset;
  for (let i = 0; i < count; i++) {
    if (p + 46 > cdOffset + cdSize || dv.getUint32(p, true) !== CEN_SIG)
      return { ok: false, errors: [{ code: 'zip-truncated', params: { detail: `central directory entry ${i + 1}` } }] };
    const flags = dv.getUint16(p + 8, true);
    const method = dv.getUint16(p + 10, true);
    const nameLen = dv.getUint16(p + 28, true);
    const extraLen = dv.getUint16(p + 30, true);
    const commentLen = dv.getUint16(p + 32, true);
    if (p + 46 + nameLen > cdOffset + cdSize) return { ok: false, errors: [{ code: 'zip-truncated', params: { detail: 'entry name' } }] };
    let name: string;
    try {
      name = utf8.decode(bytes.subarray(p + 46, p + 46 + nameLen));
    } catch {
      name = String.fromCharCode(...bytes.subarray(p + 46, p + 46 + Math.min(nameLen, 200)));
    }
    const entry: ZipEntry = {
      name, method,
      crc: dv.getUint32(p + 16, true),
      compressedSize: dv.getUint32(p + 20, true),
      size: dv.getUint32(p + 24, true),
      localOffset: dv.getUint32(p + 42, true),
    };
    p += 46 + nameLen + extraLen + commentLen;
    if (name.endsWith('/') && name.length > 1) {
      // Directory entries, as `zip -r` and Windows add when re-zipping an unzipped bundle: checked, then skipped.
      const dirReason = unsafePathReason(name.slice(0, -1)) ?? (entry.size > 0 ? 'directory-with-data' : null);
      if (dirReason) errors.push({ code: 'path-unsafe', file: name, params: { reason: dirReason } });
      continue;
    }
    const reason = unsafePathReason(name);
    if (reason) { errors.push({ code: 'path-unsafe', file: name, params: { reason } }); continue; }
    if (seen.has(name)) { errors.push({ code: 'duplicate-entry', file: name }); continue; }
    seen.add(name);
    if (flags & 1) { errors.push({ code: 'zip-encrypted', file: name }); continue; }
    if (method !== 0 && method !== 8) { errors.push({ code: 'zip-method', file: name, params: { method } }); continue; }
    if (method === 0 && entry.size !== entry.compressedSize)
      errors.push({ code: 'size-mismatch', file: name, params: { expected: entry.size, actual: entry.compressedSize } });
    if (entry.size > limits.ratioFloorBytes && entry.size / Math.max(1, entry.compressedSize) > limits.maxRatio)
      errors.push({ code: 'ratio-too-high', file: name, params: { ratio: Math.round(entry.size / Math.max(1, entry.compressedSize)) } });
    if (entry.localOffset + 30 > cdOffset || entry.localOffset + entry.compressedSize > cdOffset)
      errors.push({ code: 'zip-truncated', file: name, params: { detail: 'entry data out of range' } });
    total += entry.size;
    entries.push(entry);
  }
  const totalLimit = Math.min(limits.maxTotalBytes, limits.maxTotalRatio * bytes.length);
  if (total > totalLimit) errors.push({ code: 'too-large', params: { bytes: total, limit: totalLimit } });
  if (!errors.length) errors.push(...checkLocalHeaders(bytes, dv, entries, cdOffset));
  return errors.length ? { ok: false, errors } : { ok: true, value: entries };
}

/**
 * Each local header must agree with its central directory record, and entries' data must not
 * overlap: otherwise one stored block could be listed many times (a small file expanding to the
 * size cap) or the bytes extracted could differ from what other zip tools show.
 */
function checkLocalHeaders(bytes: Uint8Array, dv: DataView, entries: ZipEntry[], cdOffset: number): ZipError[] {
  const errors: ZipError[] = [];
  const ranges: { start: number; end: number; name: string }[] = [];
  for (const e of entries) {
    const at = e.localOffset;
    const bad = (detail: string) => errors.push({ code: 'zip-inconsistent', file: e.name, params: { detail } });
    if (at + 30 > cdOffset || dv.getUint32(at, true) !== LOC_SIG) { bad('local header missing'); continue; }
    const flags = dv.getUint16(at + 6, true);
    const nameLen = dv.getUint16(at + 26, true);
    const dataStart = at + 30 + nameLen + dv.getUint16(at + 28, true);
    const localName = bytes.subarray(at + 30, Math.min(at + 30 + nameLen, bytes.length));
    const sameName = nameLen === utf8Length(e.name) && new TextDecoder().decode(localName) === e.name;
    const descriptor = (flags & 8) !== 0; // sizes and CRC follow the data (streaming writers, fflate)
    const sameSizes = descriptor || (dv.getUint32(at + 14, true) === e.crc && dv.getUint32(at + 18, true) === e.compressedSize && dv.getUint32(at + 22, true) === e.size);
    if (!sameName || dv.getUint16(at + 8, true) !== e.method || (flags & 1) !== 0 || !sameSizes) { bad('local header differs from the central directory'); continue; }
    if (dataStart + e.compressedSize > cdOffset) { bad('entry data out of range'); continue; }
    e.dataOffset = dataStart;
    ranges.push({ start: at, end: dataStart + e.compressedSize, name: e.name });
  }
  ranges.sort((a, b) => a.start - b.start);
  for (let i = 1; i < ranges.length; i++) {
    if (ranges[i]!.start < ranges[i - 1]!.end) errors.push({ code: 'zip-inconsistent', file: ranges[i]!.name, params: { detail: `overlaps ${ranges[i - 1]!.name}` } });
  }
  return errors;
}

function utf8Length(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** Inflates (or copies) one entry; never produces more than its declared size. */
export function extractEntry(bytes: Uint8Array, entry: ZipEntry): Result<Uint8Array> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localOffset;
  const fail = (e: Omit<ZipError, 'file'>): Result<Uint8Array> => ({ ok: false, errors: [{ ...e, file: entry.name }] });
  if (at + 30 > bytes.length || dv.getUint32(at, true) !== LOC_SIG) return fail({ code: 'zip-truncated', params: { detail: 'local header' } });
  const start = entry.dataOffset ?? at + 30 + dv.getUint16(at + 26, true) + dv.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) return fail({ code: 'zip-truncated', params: { detail: 'entry data' } });
  const src = bytes.subarray(start, end);
  let out: Uint8Array;
  if (entry.method === 0) {
    out = src.slice();
  } else {
    out = new Uint8Array(entry.size);
    let filled = 0;
    let over = false;
    const inflater = new Inflate((chunk) => {
      if (over) return;
      if (filled + chunk.length > entry.size) { over = true; return; }
      out.set(chunk, filled);
      filled += chunk.length;
    });
    try {
      for (let off = 0; off < src.length && !over; off += 1 << 14) {
        const stop = Math.min(off + (1 << 14), src.length);
        inflater.push(src.subarray(off, stop), stop === src.length);
      }
      if (src.length === 0) inflater.push(new Uint8Array(0), true);
    } catch (e) {
      if (!over) return fail({ code: 'inflate-failed', params: { detail: e instanceof Error ? e.message : String(e) } });
    }
    if (over) return fail({ code: 'size-mismatch', params: { expected: entry.size, actual: `>${entry.size}` } });
    if (filled !== entry.size) return fail({ code: 'size-mismatch', params: { expected: entry.size, actual: filled } });
  }
  if (crc32(out) !== entry.crc) return fail({ code: 'crc-mismatch' });
  return { ok: true, value: out };
}
