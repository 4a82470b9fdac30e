/**
 * The bundle's zip reader. Hand-written (fflate's unzip checks no CRC, overlap, local/central
 * agreement or layout), and strict on purpose: a bundle is refused unless every tool that opens it
 * would see exactly the same files as `check` does. So: one end record at the very end, the
 * central directory right before it, entries laid end to end from byte 0 with nothing between
 * them, no ZIP64, only regular files and folders, names safe on Windows and macOS too, and a
 * bounded expansion for every entry.
 *
 * Reading is split in pure steps over byte ranges (parseEnd, parseCentral, checkLocal, checkLayout)
 * so that the same checks run over bytes in memory (sync) and over a file or Blob (async, bounded
 * memory whatever the size of the zip).
 */
import { Inflate } from 'fflate';
import { crc32Update } from './crc32';
import type { ZipError } from './errors';
import { foldedName, unsafePathReason } from './paths';

export interface ZipLimits {
  /** Sum of the declared uncompressed sizes. */
  maxTotalBytes: number;
  maxEntries: number;
  /** Largest allowed uncompressed/compressed ratio of any entry larger than `ratioFloorBytes`. */
  maxRatio: number;
  ratioFloorBytes: number;
  /** Largest allowed sum of uncompressed sizes as a multiple of the zip's own size… */
  maxTotalRatio: number;
  /** …or this many bytes, whichever is larger (a tiny honest zip may expand more than a large one). */
  totalFloorBytes: number;
  /** Largest central directory read into memory. */
  maxCentralBytes: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = {
  maxTotalBytes: 2 * 1024 ** 3,
  maxEntries: 50_000,
  maxRatio: 200,
  ratioFloorBytes: 64 * 1024,
  maxTotalRatio: 20,
  totalFloorBytes: 64 * 1024 * 1024,
  maxCentralBytes: 16 * 1024 * 1024,
};

export interface ZipEntry {
  name: string;
  dir: boolean;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
  /** Where the entry's compressed data starts; set once its local header is checked. */
  dataOffset?: number;
  /** Where the entry ends (after its data descriptor, if any); set with dataOffset. */
  endOffset?: number;
}

/** Random access to the zip's bytes: memory, a file (CLI) or a Blob (extension). */
export interface ZipSource {
  readonly size: number;
  read(offset: number, length: number): Promise<Uint8Array>;
}

export function memorySource(bytes: Uint8Array): ZipSource {
  return { size: bytes.length, read: (o, n) => Promise.resolve(bytes.subarray(o, o + n)) };
}

export function blobSource(blob: Blob): ZipSource {
  return { size: blob.size, read: async (o, n) => new Uint8Array(await blob.slice(o, o + n).arrayBuffer()) };
}

export type Result<T> = { ok: true; value: T } | { ok: false; errors: ZipError[] };

const EOCD_SIG = 0x06054b50;
const CEN_SIG = 0x02014b50;
const LOC_SIG = 0x04034b50;
const DESC_SIG = 0x08074b50;
const Z64_LOCATOR_SIG = 0x07064b50;
const EOCD_LEN = 22;
const MAX_COMMENT = 0xffff;
/** Flags a bundle entry may carry: 1–2 deflate level hints, 3 data descriptor, 11 UTF-8 names. */
const ALLOWED_FLAGS = 0x0002 | 0x0004 | 0x0008 | 0x0800;
const utf8 = new TextDecoder('utf-8', { fatal: true });
const fail = (...errors: ZipError[]): { ok: false; errors: ZipError[] } => ({ ok: false, errors });
const u16 = (b: Uint8Array, o: number) => b[o]! | (b[o + 1]! << 8);
const u32 = (b: Uint8Array, o: number) => (b[o]! | (b[o + 1]! << 8) | (b[o + 2]! << 16) | (b[o + 3]! << 24)) >>> 0;

export interface EndRecord {
  count: number;
  cdOffset: number;
  cdSize: number;
  /** Offset of the end record in the zip. */
  at: number;
}

/** How many bytes at the end of the zip `parseEnd` needs. */
function tailLength(size: number): number {
  return Math.min(size, EOCD_LEN + MAX_COMMENT);
}

/** Finds the end record in the zip's tail; it must end exactly at the end of the file. */
function parseEnd(tail: Uint8Array, size: number): Result<EndRecord> {
  if (size === 0) return fail({ code: 'empty-file' });
  const base = size - tail.length;
  let found = -1;
  let sawSignature = false;
  for (let i = tail.length - EOCD_LEN; i >= 0; i--) {
    if (u32(tail, i) !== EOCD_SIG) continue;
    sawSignature = true;
    if (i + EOCD_LEN + u16(tail, i + 20) === tail.length) {
      found = i;
      break;
    }
  }
  if (found < 0) {
    if (sawSignature) return fail({ code: 'zip-appended-data' });
    return fail(
      tail.length >= 4 && size === tail.length && u32(tail, 0) === LOC_SIG
        ? { code: 'zip-truncated', params: { detail: 'no end of central directory' } }
        : { code: 'not-zip' },
    );
  }
  const comment = tail.subarray(found + EOCD_LEN);
  for (let i = 0; i + 4 <= comment.length; i++) {
    if (comment[i] === 0x50 && comment[i + 1] === 0x4b && comment[i + 2]! < 9 && comment[i + 3]! < 9)
      return fail({ code: 'zip-inconsistent', params: { detail: 'zip records inside the archive comment' } });
  }
  if (found >= 20 && u32(tail, found - 20) === Z64_LOCATOR_SIG) return fail({ code: 'zip64' });
  const disk = u16(tail, found + 4);
  const cdDisk = u16(tail, found + 6);
  const onDisk = u16(tail, found + 8);
  const count = u16(tail, found + 10);
  const cdSize = u32(tail, found + 12);
  const cdOffset = u32(tail, found + 16);
  if (count === 0xffff || onDisk === 0xffff || cdSize === 0xffffffff || cdOffset === 0xffffffff)
    return fail({ code: 'zip64' });
  if (disk !== 0 || cdDisk !== 0 || onDisk !== count)
    return fail({ code: 'zip-unsupported', params: { detail: 'multi-disk archive' } });
  const at = base + found;
  if (cdOffset + cdSize > at)
    return fail({ code: 'zip-truncated', params: { detail: 'central directory out of range' } });
  if (cdOffset + cdSize < at) return fail({ code: 'zip-cd-not-at-end', params: { bytes: at - cdOffset - cdSize } });
  return { ok: true, value: { count, cdOffset, cdSize, at } };
}

/** Walks an extra field block; null when its records do not add up, 'zip64' when it holds one. */
function extraProblem(extra: Uint8Array): string | null {
  let p = 0;
  while (p < extra.length) {
    if (p + 4 > extra.length) return 'malformed extra field';
    const id = u16(extra, p);
    const len = u16(extra, p + 2);
    if (id === 0x0001) return 'zip64';
    p += 4 + len;
  }
  return p === extra.length ? null : 'malformed extra field';
}

const S_IFMT = 0o170000;
const TYPE_NAMES: Record<number, string> = {
  0o120000: 'symlink',
  0o020000: 'character device',
  0o060000: 'block device',
  0o010000: 'fifo',
  0o140000: 'socket',
};

/** Unix file type and permission bits, where the writer recorded them (made on Unix or macOS). */
function modeProblem(versionMadeBy: number, external: number, dir: boolean): ZipError | null {
  const os = versionMadeBy >>> 8;
  if (os !== 3 && os !== 19) return null;
  const mode = external >>> 16;
  if (mode === 0) return null;
  const type = mode & S_IFMT;
  if (type !== 0 && type !== (dir ? 0o040000 : 0o100000))
    return {
      code: 'zip-entry-type',
      params: { type: TYPE_NAMES[type] ?? (type === 0o040000 ? 'folder' : `0${type.toString(8)}`) },
    };
  if (mode & 0o7000) return { code: 'zip-entry-mode', params: { mode: `0${(mode & 0o7777).toString(8)}` } };
  if (!dir && mode & 0o111) return { code: 'zip-entry-mode', params: { mode: `0${(mode & 0o7777).toString(8)}` } };
  return null;
}

type Problem = Omit<ZipError, 'file'>;

/** One central directory record as stored, before any check. */
interface CentralRecord {
  entry: ZipEntry;
  versionMadeBy: number;
  diskStart: number;
  external: number;
  extra: Uint8Array;
  /** Offset of the next record. */
  next: number;
}

/** The record at `p`, or null when the directory ends inside it. */
function readCentralRecord(cd: Uint8Array, p: number): CentralRecord | null {
  if (p + 46 > cd.length || u32(cd, p) !== CEN_SIG) return null;
  const nameLen = u16(cd, p + 28);
  const extraLen = u16(cd, p + 30);
  const commentLen = u16(cd, p + 32);
  const next = p + 46 + nameLen + extraLen + commentLen;
  if (next > cd.length) return null;
  const rawName = cd.subarray(p + 46, p + 46 + nameLen);
  let name: string;
  try {
    name = utf8.decode(rawName);
  } catch {
    name = String.fromCharCode(...rawName.subarray(0, 200));
  }
  return {
    entry: {
      name,
      dir: name.endsWith('/') && name.length > 1,
      flags: u16(cd, p + 8),
      method: u16(cd, p + 10),
      crc: u32(cd, p + 16),
      compressedSize: u32(cd, p + 20),
      size: u32(cd, p + 24),
      localOffset: u32(cd, p + 42),
    },
    versionMadeBy: u16(cd, p + 4),
    diskStart: u16(cd, p + 34),
    external: u32(cd, p + 38),
    extra: cd.subarray(p + 46 + nameLen, p + 46 + nameLen + extraLen),
    next,
  };
}

/** What the record's name, sizes, extra field, disk and unix mode refuse, if anything. */
function recordProblem(r: CentralRecord): Problem | null {
  const e = r.entry;
  const reason = unsafePathReason(e.dir ? e.name.slice(0, -1) : e.name);
  if (reason) return { code: 'path-unsafe', params: { reason } };
  if (e.size === 0xffffffff || e.compressedSize === 0xffffffff || e.localOffset === 0xffffffff)
    return { code: 'zip64' };
  const extraIssue = extraProblem(r.extra);
  if (extraIssue === 'zip64') return { code: 'zip64' };
  if (extraIssue) return { code: 'zip-inconsistent', params: { detail: extraIssue } };
  if (r.diskStart !== 0) return { code: 'zip-unsupported', params: { detail: 'multi-disk archive' } };
  return modeProblem(r.versionMadeBy, r.external, e.dir);
}

/** What the entry's flags and method refuse, if anything. */
function methodProblem(e: ZipEntry): Problem | null {
  if (e.flags & 1) return { code: 'zip-encrypted' };
  if (e.flags & ~ALLOWED_FLAGS)
    return { code: 'zip-unsupported', params: { detail: `flags 0x${e.flags.toString(16)}` } };
  if (e.method !== 0 && e.method !== 8) return { code: 'zip-method', params: { method: e.method } };
  return null;
}

/** What a file's declared sizes refuse: a stored entry that shrinks, or an expansion past the ratio. */
function sizeProblem(e: ZipEntry, limits: ZipLimits): Problem | null {
  if (e.method === 0 && e.size !== e.compressedSize)
    return { code: 'size-mismatch', params: { expected: e.size, actual: e.compressedSize } };
  if (e.size > Math.max(limits.ratioFloorBytes, limits.maxRatio * e.compressedSize))
    return { code: 'ratio-too-high', params: { ratio: Math.round(e.size / Math.max(1, e.compressedSize)) } };
  return null;
}

/** A file may not sit where another entry needs a folder of the same name (case ignored). */
function folderClashes(entries: ZipEntry[], folded: Map<string, string>, folders: Set<string>): ZipError[] {
  const errors: ZipError[] = [];
  for (const e of entries) {
    const parts = foldedName(e.name).split('/');
    for (let k = 1; k < parts.length; k++) {
      const prefix = parts.slice(0, k).join('/');
      const clash = folded.get(prefix);
      if (clash !== undefined && !folders.has(prefix))
        errors.push({ code: 'name-collision', file: e.name, params: { other: clash } });
    }
  }
  return errors;
}

/**
 * Parses the central directory (exactly `cdSize` bytes holding exactly `count` records) and checks
 * everything knowable from it: flags, methods, ZIP64, unix modes, names, collisions, declared
 * sizes and ratios. Folder entries are checked and dropped.
 */
function parseCentral(cd: Uint8Array, end: EndRecord, zipSize: number, limits: ZipLimits): Result<ZipEntry[]> {
  if (end.count > limits.maxEntries || cd.length > limits.maxCentralBytes)
    return fail({ code: 'too-many-entries', params: { count: end.count, limit: limits.maxEntries } });
  const entries: ZipEntry[] = [];
  const errors: ZipError[] = [];
  const folded = new Map<string, string>();
  const folders = new Set<string>();
  let total = 0;
  let p = 0;
  for (let i = 0; i < end.count; i++) {
    const r = readCentralRecord(cd, p);
    if (!r) return fail({ code: 'zip-truncated', params: { detail: `central directory entry ${i + 1}` } });
    p = r.next;
    const e = r.entry;
    const err = (x: Problem) => errors.push({ ...x, file: e.name });
    const refused = recordProblem(r);
    if (refused) {
      err(refused);
      continue;
    }
    const key = foldedName(e.name);
    const other = folded.get(key);
    if (other !== undefined) {
      err(other === e.name ? { code: 'duplicate-entry' } : { code: 'name-collision', params: { other } });
      continue;
    }
    folded.set(key, e.name);
    const unsupported = methodProblem(e);
    if (unsupported) {
      err(unsupported);
      continue;
    }
    if (e.dir) {
      if (e.size > 0) err({ code: 'path-unsafe', params: { reason: 'directory-with-data' } });
      folders.add(key);
      entries.push(e);
      continue;
    }
    const sizes = sizeProblem(e, limits);
    if (sizes) {
      err(sizes);
      continue;
    }
    total += e.size;
    entries.push(e);
  }
  if (p !== cd.length) return fail({ code: 'zip-cd-not-at-end', params: { bytes: cd.length - p } });
  errors.push(...folderClashes(entries, folded, folders));
  const totalLimit = Math.min(limits.maxTotalBytes, Math.max(limits.totalFloorBytes, limits.maxTotalRatio * zipSize));
  if (total > totalLimit) errors.push({ code: 'too-large', params: { bytes: total, limit: totalLimit } });
  return errors.length ? { ok: false, errors } : { ok: true, value: entries };
}

/** Bytes of an entry's local header that `checkLocal` reads: the fixed part, then name and extra. */
const LOCAL_FIXED = 30;

/**
 * Checks an entry's local header (`head`: its fixed 30 bytes plus name and extra) against the
 * central record, and the data descriptor that follows the data when flag 3 says there is one
 * (`desc`: the 16 bytes after the data, fewer at the end of the zip). Sets dataOffset/endOffset.
 */
function checkLocal(e: ZipEntry, head: Uint8Array, desc: Uint8Array | null): ZipError | null {
  const bad = (detail: string): ZipError => ({ code: 'zip-inconsistent', file: e.name, params: { detail } });
  if (head.length < LOCAL_FIXED || u32(head, 0) !== LOC_SIG) return bad('local header missing');
  const flags = u16(head, 6);
  const nameLen = u16(head, 26);
  const extraLen = u16(head, 28);
  if (head.length < LOCAL_FIXED + nameLen + extraLen) return bad('local header cut short');
  const localName = head.subarray(LOCAL_FIXED, LOCAL_FIXED + nameLen);
  let sameName = false;
  try {
    sameName = utf8.decode(localName) === e.name;
  } catch {
    /* not UTF-8: differs */
  }
  if (!sameName || flags !== e.flags || u16(head, 8) !== e.method)
    return bad('local header differs from the central directory');
  const extraIssue = extraProblem(head.subarray(LOCAL_FIXED + nameLen, LOCAL_FIXED + nameLen + extraLen));
  if (extraIssue === 'zip64') return { code: 'zip64', file: e.name };
  if (extraIssue) return bad(extraIssue);
  const lCrc = u32(head, 14);
  const lCsize = u32(head, 18);
  const lSize = u32(head, 22);
  const sameSizes = lCrc === e.crc && lCsize === e.compressedSize && lSize === e.size;
  const descriptor = (flags & 8) !== 0;
  // Streaming writers (fflate, Info-ZIP to a pipe) leave zeros here and write the descriptor.
  if (!sameSizes && !(descriptor && (lCrc | lCsize | lSize) === 0))
    return bad('local header differs from the central directory');
  e.dataOffset = e.localOffset + LOCAL_FIXED + nameLen + extraLen;
  e.endOffset = e.dataOffset + e.compressedSize;
  if (descriptor) {
    if (!desc || desc.length < 12) return bad('data descriptor missing');
    const signed = desc.length >= 16 && u32(desc, 0) === DESC_SIG;
    const o = signed ? 4 : 0;
    if (u32(desc, o) !== e.crc || u32(desc, o + 4) !== e.compressedSize || u32(desc, o + 8) !== e.size)
      return bad('data descriptor differs from the central directory');
    e.endOffset += signed ? 16 : 12;
  }
  return null;
}

/**
 * The entries, sorted by offset, must tile the bytes before the central directory exactly:
 * nothing before the first (prepended data, self-extractor stubs), between two (hidden data,
 * a second local header another tool would read) or overlapping (one block listed twice).
 */
function checkLayout(entries: ZipEntry[], cdOffset: number): ZipError[] {
  const sorted = [...entries].sort((a, b) => a.localOffset - b.localOffset);
  const errors: ZipError[] = [];
  let at = 0;
  let prev: ZipEntry | null = null;
  for (const e of sorted) {
    if (e.localOffset < at)
      errors.push({ code: 'zip-inconsistent', file: e.name, params: { detail: `overlaps ${prev?.name ?? ''}` } });
    else if (e.localOffset > at) {
      errors.push(
        prev
          ? { code: 'zip-unaccounted-bytes', file: prev.name, params: { bytes: e.localOffset - at } }
          : { code: 'zip-prepended-data', params: { bytes: e.localOffset } },
      );
    }
    at = Math.max(at, e.endOffset!);
    prev = e;
  }
  if (at > cdOffset)
    errors.push({
      code: 'zip-inconsistent',
      file: prev?.name,
      params: { detail: 'entry data runs into the central directory' },
    });
  else if (at < cdOffset) {
    errors.push(
      prev
        ? { code: 'zip-unaccounted-bytes', file: prev.name, params: { bytes: cdOffset - at } }
        : { code: 'zip-prepended-data', params: { bytes: cdOffset } },
    );
  }
  return errors;
}

/** Where an entry's variable header part and data descriptor are, once its fixed header is read. */
function regions(
  e: ZipEntry,
  fixed: Uint8Array,
  cdOffset: number,
): { varLen: number; descAt: number; descLen: number } {
  const varLen = fixed.length === LOCAL_FIXED && u32(fixed, 0) === LOC_SIG ? u16(fixed, 26) + u16(fixed, 28) : 0;
  const descAt = e.localOffset + LOCAL_FIXED + varLen + e.compressedSize;
  return { varLen, descAt, descLen: e.flags & 8 && descAt < cdOffset ? Math.min(16, cdOffset - descAt) : 0 };
}

const headerMissing = (e: ZipEntry): ZipError => ({
  code: 'zip-inconsistent',
  file: e.name,
  params: { detail: 'local header missing' },
});

/** Reads and checks the whole structure of a zip, inflating nothing. Folder entries are included. */
export async function openZip(
  src: ZipSource,
  limits: ZipLimits = DEFAULT_ZIP_LIMITS,
): Promise<Result<{ entries: ZipEntry[]; end: EndRecord }>> {
  const tailLen = tailLength(src.size);
  const end = parseEnd(await src.read(src.size - tailLen, tailLen), src.size);
  if (!end.ok) return end;
  if (end.value.cdSize > limits.maxCentralBytes)
    return fail({ code: 'too-many-entries', params: { count: end.value.count, limit: limits.maxEntries } });
  const cd = parseCentral(await src.read(end.value.cdOffset, end.value.cdSize), end.value, src.size, limits);
  if (!cd.ok) return cd;
  const errors: ZipError[] = [];
  for (const e of cd.value) {
    if (e.localOffset + LOCAL_FIXED > end.value.cdOffset) {
      errors.push(headerMissing(e));
      continue;
    }
    const fixed = await src.read(e.localOffset, LOCAL_FIXED);
    const r = regions(e, fixed, end.value.cdOffset);
    const head = r.varLen ? concat(fixed, await src.read(e.localOffset + LOCAL_FIXED, r.varLen)) : fixed;
    const problem = checkLocal(e, head, r.descLen ? await src.read(r.descAt, r.descLen) : null);
    if (problem) errors.push(problem);
  }
  if (!errors.length) errors.push(...checkLayout(cd.value, end.value.cdOffset));
  return errors.length ? { ok: false, errors } : { ok: true, value: { entries: cd.value, end: end.value } };
}

/**
 * The same checks over bytes in memory, synchronously (the verify CLI's input reader). Returns the
 * file entries (folders dropped).
 */
export function readCentralDirectory(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Result<ZipEntry[]> {
  const tailLen = tailLength(bytes.length);
  const end = parseEnd(bytes.subarray(bytes.length - tailLen), bytes.length);
  if (!end.ok) return end;
  if (end.value.cdSize > limits.maxCentralBytes)
    return fail({ code: 'too-many-entries', params: { count: end.value.count, limit: limits.maxEntries } });
  const cd = parseCentral(
    bytes.subarray(end.value.cdOffset, end.value.cdOffset + end.value.cdSize),
    end.value,
    bytes.length,
    limits,
  );
  if (!cd.ok) return cd;
  const errors: ZipError[] = [];
  for (const e of cd.value) {
    if (e.localOffset + LOCAL_FIXED > end.value.cdOffset) {
      errors.push(headerMissing(e));
      continue;
    }
    const r = regions(e, bytes.subarray(e.localOffset, e.localOffset + LOCAL_FIXED), end.value.cdOffset);
    const head = bytes.subarray(e.localOffset, e.localOffset + LOCAL_FIXED + r.varLen);
    const problem = checkLocal(e, head, r.descLen ? bytes.subarray(r.descAt, r.descAt + r.descLen) : null);
    if (problem) errors.push(problem);
  }
  if (!errors.length) errors.push(...checkLayout(cd.value, end.value.cdOffset));
  return errors.length ? { ok: false, errors } : { ok: true, value: cd.value.filter((e) => !e.dir) };
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}

/** Input slice fed to the inflater: bounds memory per entry whatever its size. */
const SLICE = 1 << 20;

/**
 * Streams one checked entry through `onData` (inflated), never producing more than its declared
 * size, and checks its size and CRC at the end. The caller hashes (and keeps, if it wants) the
 * chunks as they pass.
 */
export async function streamEntry(
  src: ZipSource,
  e: ZipEntry,
  onData: (chunk: Uint8Array) => void,
): Promise<ZipError | null> {
  const fail1 = (x: Omit<ZipError, 'file'>): ZipError => ({ ...x, file: e.name });
  if (e.dataOffset === undefined) return fail1({ code: 'zip-inconsistent', params: { detail: 'entry not checked' } });
  let produced = 0;
  let over = false;
  let crc = 0;
  const take = (chunk: Uint8Array) => {
    if (over) return;
    if (produced + chunk.length > e.size) {
      over = true;
      return;
    }
    produced += chunk.length;
    crc = crc32Update(crc, chunk);
    onData(chunk);
  };
  const readPart = async (off: number): Promise<Uint8Array | null> => {
    const n = Math.min(SLICE, e.compressedSize - off);
    const part = await src.read(e.dataOffset! + off, n);
    return part.length === n ? part : null;
  };
  try {
    if (e.method === 8 && typeof DecompressionStream === 'function') {
      // The platform's inflater (zlib in Node, the browser's own) is several times faster than fflate's.
      const problem = await inflateNative(e.compressedSize, readPart, take, () => over);
      if (problem === 'truncated') return fail1({ code: 'zip-truncated', params: { detail: 'entry data' } });
    } else {
      const inflater = e.method === 8 ? new Inflate((chunk) => take(chunk)) : null;
      if (e.compressedSize === 0) inflater?.push(new Uint8Array(0), true);
      for (let off = 0; off < e.compressedSize && !over; off += SLICE) {
        const part = await readPart(off);
        if (!part) return fail1({ code: 'zip-truncated', params: { detail: 'entry data' } });
        if (inflater) inflater.push(part, off + part.length === e.compressedSize);
        else take(part.slice());
      }
    }
  } catch (err) {
    if (!over)
      return fail1({ code: 'inflate-failed', params: { detail: err instanceof Error ? err.message : String(err) } });
  }
  if (over) return fail1({ code: 'size-mismatch', params: { expected: e.size, actual: `>${e.size}` } });
  if (produced !== e.size) return fail1({ code: 'size-mismatch', params: { expected: e.size, actual: produced } });
  if (crc !== e.crc) return fail1({ code: 'crc-mismatch' });
  return null;
}

/**
 * Inflates through DecompressionStream('deflate-raw'), feeding 1 MiB slices and taking output as it
 * comes; stops reading as soon as `stop()` says the output went past the declared size.
 */
async function inflateNative(
  compressedSize: number,
  readPart: (off: number) => Promise<Uint8Array | null>,
  take: (c: Uint8Array) => void,
  stop: () => boolean,
): Promise<'truncated' | null> {
  const ds = new DecompressionStream('deflate-raw');
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let truncated = false;
  const pump = (async () => {
    for (let off = 0; off < compressedSize && !stop(); off += SLICE) {
      const part = await readPart(off);
      if (!part) {
        truncated = true;
        break;
      }
      await writer.write(part as Uint8Array<ArrayBuffer>);
    }
    await writer.close();
  })();
  pump.catch(() => {}); // its failure surfaces through the reader
  try {
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      take(value);
      if (stop()) {
        await reader.cancel();
        break;
      }
    }
  } finally {
    await pump.catch(() => {});
  }
  return truncated ? 'truncated' : null;
}

/** One entry in memory, checked (size, CRC). */
export async function readEntry(src: ZipSource, e: ZipEntry): Promise<Result<Uint8Array>> {
  const out = new Uint8Array(e.size);
  let o = 0;
  const problem = await streamEntry(src, e, (c) => {
    out.set(c, o);
    o += c.length;
  });
  return problem ? fail(problem) : { ok: true, value: out };
}

/** One entry of a zip in memory, inflated and checked (size, CRC), synchronously. */
export function extractEntry(bytes: Uint8Array, e: ZipEntry): Result<Uint8Array> {
  const out = new Uint8Array(e.size);
  let o = 0;
  let over = false;
  let crc = 0;
  const err = (x: Omit<ZipError, 'file'>) => fail({ ...x, file: e.name });
  if (e.dataOffset === undefined) return err({ code: 'zip-inconsistent', params: { detail: 'entry not checked' } });
  const src = bytes.subarray(e.dataOffset, e.dataOffset + e.compressedSize);
  const take = (chunk: Uint8Array) => {
    if (over || o + chunk.length > e.size) {
      over = true;
      return;
    }
    out.set(chunk, o);
    o += chunk.length;
    crc = crc32Update(crc, chunk);
  };
  if (e.method === 0) take(src);
  else {
    try {
      const inflater = new Inflate((c) => take(c));
      if (src.length === 0) inflater.push(src, true);
      for (let off = 0; off < src.length && !over; off += 1 << 16)
        inflater.push(src.subarray(off, off + (1 << 16)), off + (1 << 16) >= src.length);
    } catch (x) {
      if (!over) return err({ code: 'inflate-failed', params: { detail: x instanceof Error ? x.message : String(x) } });
    }
  }
  if (over) return err({ code: 'size-mismatch', params: { expected: e.size, actual: `>${e.size}` } });
  if (o !== e.size) return err({ code: 'size-mismatch', params: { expected: e.size, actual: o } });
  if (crc !== e.crc) return err({ code: 'crc-mismatch' });
  return { ok: true, value: out };
}
