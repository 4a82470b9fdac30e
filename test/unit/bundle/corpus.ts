/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate parsed manifests freely to build bad bundles */
/**
 * The bad-bundle corpus: each case is a mutation of a valid export, the error code it must be
 * refused with, and (where there is one) the entry or file the refusal names. Grouped by class of
 * attack; bad-bundles.test.ts runs every case against import and asserts the database unchanged.
 */
import { deflateSync, strToU8 } from 'fflate';
import type { BundleLimits } from '../../../lib/bundle/check';
import type { BundleErrorCode } from '../../../lib/bundle/messages';
import { sha256Hex } from '../../../lib/util/hash';
import { manifestOf, resum, withManifest, zip } from './helpers';
import { extraField, fromFiles, rawZip, unixMode, type RawEntry } from './raw-zip';

export type CaseClass =
  'format' | 'container' | 'entry-type' | 'name' | 'amplification' | 'listing' | 'value' | 'verification';

export interface Case {
  cls: CaseClass;
  name: string;
  code: BundleErrorCode;
  file?: string;
  make: () => Uint8Array | Promise<Uint8Array>;
  limits?: Partial<BundleLimits>;
  /** Codes that must NOT appear: proof that the refusal came before inflating. */
  not?: BundleErrorCode[];
}

export const EV = 'evidence/O05/ev1-viewport.png';
const u8 = (n: number, fill = 0) => new Uint8Array(n).fill(fill);

export function buildCorpus(good: Uint8Array, files: Record<string, Uint8Array>): Case[] {
  const m = () => manifestOf(files);
  const withM = async (mutate: (x: any) => void) => {
    const x = m();
    mutate(x);
    return zip(await withManifest(files, x));
  };
  /** The manifest as raw JSON text, one substitution applied (for values JSON.stringify cannot write). */
  const withRawM = async (from: string | RegExp, to: string) => {
    const text = JSON.stringify(m(), null, 2);
    const next = text.replace(from, to);
    if (next === text) throw new Error(`corpus: ${String(from)} not found in the manifest`);
    return zip(await withManifest(files, null, strToU8(next)));
  };
  const patchEntry = (name: string, patch: Partial<RawEntry>) => (es: RawEntry[]) =>
    es.map((e) => (e.name === name ? { ...e, ...patch } : e));
  const add = (name: string, data: Uint8Array = strToU8('x'), patch: Partial<RawEntry> = {}) =>
    fromFiles({ ...files, [name]: data }, patchEntry(name, patch));
  const ver = (patch: Record<string, unknown>, result: Record<string, unknown> = {}) =>
    withM((x) => {
      x.verification = [
        {
          key: 'ev1',
          evidenceId: 'ev1',
          checkedAt: '2021-03-09T00:00:00.000Z',
          ...patch,
          result: {
            key: 'ev1',
            url: 'https://www.example.go.th/page?id=ev1',
            criterion: 'O5',
            evidenceId: 'ev1',
            kind: 'page',
            checkedAt: '2021-03-09T00:00:00.000Z',
            ok: true,
            status: 200,
            finalUrl: 'https://www.example.go.th/page?id=ev1',
            redirects: [],
            problems: [],
            similarity: 1,
            linkPath: null,
            details: {},
            ...result,
          },
        },
      ];
    });
  const zeros = u8(200 * 1024);
  const zerosDeflated = deflateSync(zeros);

  return [
    // --- format: not a bundle at all, or the wrong one (kept from the first corpus) ---
    { cls: 'format', name: 'empty file', code: 'empty-file', make: () => new Uint8Array(0) },
    {
      cls: 'format',
      name: 'non-zip bytes',
      code: 'not-zip',
      make: () => strToU8('%PDF-1.4 this is not a zip at all, just some text '.repeat(10)),
    },
    {
      cls: 'format',
      name: 'truncated zip (tail cut)',
      code: 'zip-truncated',
      make: () => good.slice(0, good.length - 40),
    },
    {
      cls: 'format',
      name: 'truncated zip (half)',
      code: 'zip-truncated',
      make: () => good.slice(0, Math.floor(good.length / 2)),
    },
    {
      cls: 'format',
      name: 'missing manifest',
      code: 'missing-manifest',
      make: () => {
        const { 'manifest.json': _m, ...rest } = files;
        return zip(rest);
      },
    },
    {
      cls: 'format',
      name: 'missing SHA256SUMS',
      code: 'missing-sha256sums',
      make: () => {
        const { SHA256SUMS: _s, ...rest } = files;
        return zip(rest);
      },
    },
    {
      cls: 'format',
      name: 'invalid JSON',
      code: 'manifest-json',
      file: 'manifest.json',
      make: async () => zip(await withManifest(files, null, strToU8('{"format": "ita-evidence-bundle",'))),
    },
    {
      cls: 'format',
      name: 'manifest not UTF-8',
      code: 'manifest-json',
      file: 'manifest.json',
      make: async () => zip(await withManifest(files, null, new Uint8Array([0x7b, 0xff, 0xfe, 0x7d]))),
    },
    {
      cls: 'format',
      name: 'manifest not an object',
      code: 'manifest-not-object',
      file: 'manifest.json',
      make: async () => zip(await withManifest(files, [m()])),
    },
    {
      cls: 'format',
      name: 'wrong format name',
      code: 'format-unknown',
      make: () =>
        withM((x) => {
          x.format = 'something-else';
        }),
    },
    {
      cls: 'format',
      name: 'unsupported format version',
      code: 'format-version-unsupported',
      make: () =>
        withM((x) => {
          x.formatVersion = 99;
        }),
    },
    {
      cls: 'format',
      name: 'criteria file invalid',
      code: 'criteria-invalid',
      file: 'criteria.json',
      make: async () => {
        const crit = strToU8('{"formatVersion":1}');
        const x = m();
        const h = await sha256Hex(crit);
        x.criteriaSet.sha256 = h;
        const f = x.files.find((y: any) => y.path === 'criteria.json');
        f.sha256 = h;
        f.bytes = crit.length;
        return zip(await withManifest({ ...files, 'criteria.json': crit }, x));
      },
    },
    {
      cls: 'format',
      name: 'encrypted entry',
      code: 'zip-encrypted',
      file: EV,
      make: () => fromFiles(files, patchEntry(EV, { flags: 1 })),
    },
    {
      cls: 'format',
      name: 'unsupported compression method',
      code: 'zip-method',
      file: EV,
      make: () => fromFiles(files, patchEntry(EV, { method: 12 })),
    },
    {
      cls: 'format',
      name: 'CRC mismatch',
      code: 'crc-mismatch',
      file: EV,
      make: () => fromFiles(files, patchEntry(EV, { crc: 1234 })),
    },
    {
      cls: 'format',
      name: 'corrupt deflate stream',
      code: 'inflate-failed',
      file: 'report.html',
      make: () =>
        fromFiles(
          files,
          patchEntry('report.html', { method: 8, raw: new Uint8Array([0xff, 0xff, 0xff, 0xff, 0xff, 0xff]) }),
        ),
    },

    // --- container: what other unzip tools would read differently ---
    {
      cls: 'container',
      name: 'ZIP64 end-record locator',
      code: 'zip64',
      make: () =>
        fromFiles(files, undefined, {
          beforeEnd: (() => {
            const b = u8(20);
            new DataView(b.buffer).setUint32(0, 0x07064b50, true);
            return b;
          })(),
        }),
    },
    {
      cls: 'container',
      name: 'ZIP64 entry count marker',
      code: 'zip64',
      make: () => rawZip([{ name: 'a', data: strToU8('a') }], { eocdCount: 0xffff }),
    },
    {
      cls: 'container',
      name: 'ZIP64 extra field in the central directory',
      code: 'zip64',
      file: EV,
      make: () => fromFiles(files, patchEntry(EV, { extra: extraField(1, u8(16)) })),
    },
    {
      cls: 'container',
      name: 'ZIP64 extra field in a local header',
      code: 'zip64',
      file: EV,
      make: () => fromFiles(files, patchEntry(EV, { localExtra: extraField(1, u8(16)) })),
    },
    {
      cls: 'container',
      name: 'ZIP64 size sentinel',
      code: 'zip64',
      file: 'report.html',
      make: () => fromFiles(files, patchEntry('report.html', { size: 0xffffffff })),
    },
    {
      cls: 'container',
      name: 'bytes between the central directory and the end record',
      code: 'zip-cd-not-at-end',
      make: () => fromFiles(files, undefined, { beforeEnd: strToU8('hidden') }),
    },
    {
      cls: 'container',
      name: 'data appended after the end record',
      code: 'zip-appended-data',
      make: () => fromFiles(files, undefined, { append: strToU8('appended after the zip') }),
    },
    {
      cls: 'container',
      name: 'an end record whose comment length does not reach the end',
      code: 'zip-appended-data',
      make: () => {
        const z = fromFiles(files, undefined, { comment: strToU8('comment') });
        new DataView(z.buffer).setUint16(z.length - 7 - 2, 3, true);
        return z;
      },
    },
    {
      cls: 'container',
      name: 'data prepended (self-extractor stub)',
      code: 'zip-prepended-data',
      make: () => fromFiles(files, undefined, { prepend: strToU8('MZ stub '.repeat(64)) }),
    },
    {
      cls: 'container',
      name: 'hidden bytes between two entries',
      code: 'zip-unaccounted-bytes',
      file: 'criteria.json',
      make: () =>
        fromFiles(files, patchEntry('criteria.json', { after: strToU8('hidden bytes no entry accounts for') })),
    },
    {
      cls: 'container',
      name: 'a hidden local entry the central directory does not list',
      code: 'zip-unaccounted-bytes',
      file: 'report.html',
      make: () => {
        const hidden = rawZip([{ name: 'evil.html', data: strToU8('<script>alert(1)</script>') }]);
        return fromFiles(files, patchEntry('report.html', { after: hidden.subarray(0, 30 + 9 + 25) }));
      },
    },
    {
      cls: 'container',
      name: 'end-record look-alike in the archive comment',
      code: 'zip-inconsistent',
      make: () => fromFiles(files, undefined, { comment: new Uint8Array([0x50, 0x4b, 0x05, 0x06, 0, 0]) }),
    },
    {
      cls: 'container',
      name: 'malformed extra field',
      code: 'zip-inconsistent',
      file: EV,
      make: () => fromFiles(files, patchEntry(EV, { extra: new Uint8Array([0x55, 0x54, 0x09]) })),
    },
    {
      cls: 'container',
      name: 'data descriptor disagrees with the central directory',
      code: 'zip-inconsistent',
      file: 'report.html',
      make: () => {
        const d = u8(16);
        new DataView(d.buffer).setUint32(0, 0x08074b50, true);
        return fromFiles(files, patchEntry('report.html', { flags: 8, after: d }));
      },
    },
    {
      cls: 'container',
      name: 'unknown general-purpose flag',
      code: 'zip-unsupported',
      file: EV,
      make: () => fromFiles(files, patchEntry(EV, { flags: 1 << 13 })),
    },
    {
      cls: 'container',
      name: 'central directory offset past the directory',
      code: 'zip-truncated',
      make: () => rawZip([{ name: 'a', data: strToU8('a') }], { cdOffset: 5000 }),
    },

    // --- entry-type: not a regular file or folder, or a file unzip would make special ---
    {
      cls: 'entry-type',
      name: 'symlink entry',
      code: 'zip-entry-type',
      file: 'evidence/O05/link.png',
      make: () => add('evidence/O05/link.png', strToU8('/etc/passwd'), unixMode(0o120777)),
    },
    {
      cls: 'entry-type',
      name: 'character device entry',
      code: 'zip-entry-type',
      file: 'dev.png',
      make: () => add('dev.png', new Uint8Array(0), unixMode(0o020666)),
    },
    {
      cls: 'entry-type',
      name: 'fifo entry',
      code: 'zip-entry-type',
      file: 'pipe.png',
      make: () => add('pipe.png', new Uint8Array(0), unixMode(0o010644)),
    },
    {
      cls: 'entry-type',
      name: 'folder entry marked as a regular file',
      code: 'zip-entry-type',
      file: 'evidence/',
      make: () => add('evidence/', new Uint8Array(0), unixMode(0o100644)),
    },
    {
      cls: 'entry-type',
      name: 'set-uid file',
      code: 'zip-entry-mode',
      file: EV,
      make: () => fromFiles(files, patchEntry(EV, unixMode(0o104755))),
    },
    {
      cls: 'entry-type',
      name: 'executable file',
      code: 'zip-entry-mode',
      file: 'report.html',
      make: () => fromFiles(files, patchEntry('report.html', unixMode(0o100755))),
    },
    {
      cls: 'entry-type',
      name: 'set-gid folder',
      code: 'zip-entry-mode',
      file: 'evidence/',
      make: () => add('evidence/', new Uint8Array(0), unixMode(0o042755)),
    },

    // --- name: unsafe to extract on Windows or macOS, or outside the folder ---
    { cls: 'name', name: 'zip-slip ../', code: 'path-unsafe', file: '../evil.sh', make: () => add('../evil.sh') },
    {
      cls: 'name',
      name: 'zip-slip nested',
      code: 'path-unsafe',
      file: 'evidence/../../evil.sh',
      make: () => add('evidence/../../evil.sh'),
    },
    {
      cls: 'name',
      name: 'zip-slip directory entry',
      code: 'path-unsafe',
      file: '../up/',
      make: () => add('../up/', new Uint8Array(0)),
    },
    {
      cls: 'name',
      name: 'absolute path',
      code: 'path-unsafe',
      file: '/etc/cron.d/x',
      make: () => add('/etc/cron.d/x'),
    },
    {
      cls: 'name',
      name: 'path with backslash',
      code: 'path-unsafe',
      file: 'evidence\\..\\x.png',
      make: () => add('evidence\\..\\x.png'),
    },
    {
      cls: 'name',
      name: 'Windows drive path',
      code: 'path-unsafe',
      file: 'C:/Windows/x.dll',
      make: () => add('C:/Windows/x.dll'),
    },
    {
      cls: 'name',
      name: 'names differing only in case',
      code: 'name-collision',
      file: 'REPORT.HTML',
      make: () => add('REPORT.HTML', strToU8('<p>other</p>')),
    },
    {
      cls: 'name',
      name: 'a file where another entry needs a folder',
      code: 'name-collision',
      file: 'Report.html/x.png',
      make: () => add('Report.html/x.png'),
    },
    {
      cls: 'name',
      name: 'duplicate entries',
      code: 'duplicate-entry',
      file: 'report.html',
      make: () => fromFiles(files, (es) => [...es, { name: 'report.html', data: strToU8('<p>second</p>') }]),
    },
    { cls: 'name', name: 'trailing dot', code: 'path-unsafe', file: 'report.html.', make: () => add('report.html.') },
    {
      cls: 'name',
      name: 'trailing space in a folder',
      code: 'path-unsafe',
      file: 'evidence/O05 /x.png',
      make: () => add('evidence/O05 /x.png'),
    },
    ...[':', '<', '>', '|', '?', '*', '"'].map((ch): Case => ({
      cls: 'name',
      name: `Windows-reserved ${ch}`,
      code: 'path-unsafe',
      file: `evidence/a${ch}b.png`,
      make: () => add(`evidence/a${ch}b.png`),
    })),
    ...['CON', 'nul.txt', 'evidence/COM1.png', 'Lpt9.html', 'aux.tar.gz', 'CONIN$'].map((n): Case => ({
      cls: 'name',
      name: `device name ${n}`,
      code: 'path-unsafe',
      file: n,
      make: () => add(n),
    })),
    ...['http://evil.example/x.html', 'javascript:alert(1)', 'file:///etc/passwd'].map((n): Case => ({
      cls: 'name',
      name: `URL as a name: ${n}`,
      code: 'path-unsafe',
      file: n,
      make: () => add(n),
    })),

    // --- amplification: refused before the bytes are inflated ---
    {
      cls: 'amplification',
      name: 'zip bomb (honest sizes, huge ratio)',
      code: 'ratio-too-high',
      file: 'bomb.bin',
      make: () => add('bomb.bin', u8(40 * 1024 * 1024), { method: 8 }),
    },
    {
      cls: 'amplification',
      name: 'small entry, huge ratio (no size floor dodge)',
      code: 'ratio-too-high',
      file: 'evidence/O05/z.png',
      make: () => add('evidence/O05/z.png', zeros, { method: 8, raw: zerosDeflated }),
    },
    {
      cls: 'amplification',
      name: 'zip bomb (declared size lies)',
      code: 'size-mismatch',
      file: 'report.html',
      make: () =>
        fromFiles(files, patchEntry('report.html', { method: 8, raw: deflateSync(u8(8 * 1024 * 1024)), crc: 0 })),
    },
    {
      cls: 'amplification',
      name: 'declared total over the limit',
      code: 'too-large',
      make: () =>
        rawZip([{ name: 'big.bin', data: new Uint8Array(10), size: 3_000_000_000, compressedSize: 3_000_000_000 }]),
    },
    {
      cls: 'amplification',
      name: 'many small entries adding up (whole-archive bomb)',
      code: 'too-large',
      make: () => {
        const small = u8(60 * 1024);
        const raw = deflateSync(small);
        return rawZip(Array.from({ length: 1200 }, (_, i) => ({ name: `f${i}.txt`, data: small, method: 8, raw })));
      },
    },
    {
      cls: 'amplification',
      name: 'too many entries',
      code: 'too-many-entries',
      limits: { maxEntries: 5 },
      make: () => good,
    },
    {
      cls: 'amplification',
      name: 'huge manifest',
      code: 'manifest-too-large',
      file: 'manifest.json',
      make: () => fromFiles({ ...files, 'manifest.json': u8(33 * 1024 * 1024, 0x20) }),
    },
    {
      cls: 'amplification',
      name: 'huge SHA256SUMS',
      code: 'manifest-too-large',
      file: 'SHA256SUMS',
      make: () => fromFiles({ ...files, SHA256SUMS: u8(9 * 1024 * 1024, 0x20) }),
    },
    {
      cls: 'amplification',
      name: 'unlisted entry is refused before it is inflated',
      code: 'file-unlisted',
      file: 'extra.bin',
      not: ['inflate-failed'],
      make: () => add('extra.bin', u8(1000), { method: 8, raw: u8(50, 0xff) }),
    },
    {
      cls: 'amplification',
      name: 'listed at another size: refused before it is inflated',
      code: 'file-size-mismatch',
      file: 'report.html',
      not: ['inflate-failed', 'crc-mismatch'],
      make: () =>
        fromFiles(
          files,
          patchEntry('report.html', { method: 8, size: files['report.html']!.length + 1, raw: u8(50, 0xff) }),
        ),
    },

    // --- listing: the three lists (zip, manifest, SHA256SUMS) disagree ---
    {
      cls: 'listing',
      name: 'hash mismatch (sums recomputed)',
      code: 'hash-mismatch',
      file: EV,
      make: async () => zip(await resum({ ...files, [EV]: new Uint8Array(files[EV]!.length) })),
    },
    {
      cls: 'listing',
      name: 'size mismatch in manifest',
      code: 'file-size-mismatch',
      file: EV,
      make: () =>
        withM((x) => {
          x.evidence[0].artifacts[0].bytes += 1;
        }),
    },
    {
      cls: 'listing',
      name: 'missing evidence file',
      code: 'file-missing',
      file: EV,
      make: async () => {
        const { [EV]: _e, ...rest } = files;
        return zip(await resum(rest));
      },
    },
    {
      cls: 'listing',
      name: 'extra unlisted file',
      code: 'file-unlisted',
      file: 'evidence/O05/extra.png',
      make: async () => zip(await resum({ ...files, 'evidence/O05/extra.png': strToU8('x') })),
    },
    {
      cls: 'listing',
      name: 'bad SHA256SUMS line',
      code: 'sums-bad-line',
      file: 'SHA256SUMS',
      make: () =>
        zip({ ...files, SHA256SUMS: strToU8(`${new TextDecoder().decode(files.SHA256SUMS)}not a checksum line\n`) }),
    },
    {
      cls: 'listing',
      name: 'SHA256SUMS lists a missing file',
      code: 'sums-extra-entry',
      file: 'SHA256SUMS',
      make: () =>
        zip({
          ...files,
          SHA256SUMS: strToU8(`${'0'.repeat(64)}  aaa.txt\n${new TextDecoder().decode(files.SHA256SUMS)}`),
        }),
    },
    {
      cls: 'listing',
      name: 'file absent from SHA256SUMS',
      code: 'sums-missing-entry',
      file: 'report.html',
      make: () =>
        zip({
          ...files,
          SHA256SUMS: strToU8(
            new TextDecoder()
              .decode(files.SHA256SUMS)
              .split('\n')
              .filter((l) => !l.endsWith('report.html'))
              .join('\n'),
          ),
        }),
    },
    {
      cls: 'listing',
      name: 'SHA256SUMS not canonical (reordered)',
      code: 'sums-not-canonical',
      file: 'SHA256SUMS',
      make: () =>
        zip({
          ...files,
          SHA256SUMS: strToU8(
            new TextDecoder().decode(files.SHA256SUMS).trim().split('\n').reverse().join('\n') + '\n',
          ),
        }),
    },
    {
      cls: 'listing',
      name: 'two manifest paths differing only in case',
      code: 'name-collision',
      file: 'EVIDENCE/O05/ev1-viewport.png',
      make: () =>
        withM((x) => {
          x.evidence[2].artifacts[0].path = 'EVIDENCE/O05/ev1-viewport.png';
          x.evidence[2].artifacts[0].sha256 = x.evidence[0].artifacts[0].sha256;
        }),
    },
    {
      cls: 'listing',
      name: 'duplicate evidence ids',
      code: 'duplicate-evidence-id',
      make: () =>
        withM((x) => {
          x.evidence.push({ ...x.evidence[1], artifacts: [] });
        }),
    },
    {
      cls: 'listing',
      name: 'duplicate artifact ids',
      code: 'duplicate-artifact-id',
      make: () =>
        withM((x) => {
          x.evidence[1].artifacts.push({ ...x.evidence[0].artifacts[0] });
        }),
    },

    // --- value: fields nobody checked ---
    {
      cls: 'value',
      name: 'schema: items not a list',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.items = 'O1';
        }),
    },
    {
      cls: 'value',
      name: 'evidence with unknown method',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.evidence[0].artifacts[0].method = 'photoshop';
        }),
    },
    {
      cls: 'value',
      name: 'item with bad status',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.items[0].status = 'done';
        }),
    },
    {
      cls: 'value',
      name: 'non-finite number (1e309)',
      code: 'manifest-schema',
      make: () => withRawM(/"score": [0-9.]+/, '"score": 1e309'),
    },
    {
      cls: 'value',
      name: 'non-finite viewport width',
      code: 'manifest-schema',
      make: () => withRawM(/"width": 1280/, '"width": 1e999'),
    },
    {
      cls: 'value',
      name: 'timestamp "zzzz"',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.items[0].updatedAt = 'zzzz';
        }),
    },
    {
      cls: 'value',
      name: 'capture time on 30 February',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.evidence[0].capturedAt = '2021-02-30T03:00:00.000Z';
        }),
    },
    {
      cls: 'value',
      name: 'date 2021-13-45',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.items[0].dueDate = '2021-13-45';
        }),
    },
    {
      cls: 'value',
      name: 'export time not a time',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.exportedAt = '1';
        }),
    },
    {
      cls: 'value',
      name: 'extra field inside statusOverride',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          const it = x.items.find((i: any) => i.statusOverride);
          it.statusOverride.statusOverride = { status: 'complete' };
        }),
    },
    {
      cls: 'value',
      name: 'extra top-level field',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.statusOverride = 'complete';
        }),
    },
    {
      cls: 'value',
      name: 'extra field in an artifact',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.evidence[0].artifacts[0].onload = 'alert(1)';
        }),
    },
    {
      cls: 'value',
      name: 'extra field in a click-path step',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.evidence[0].clickPath[0].html = '<b>x</b>';
        }),
    },
    {
      cls: 'value',
      name: 'javascript: URL in submitUrls',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.items.find((i: any) => i.submitUrls).submitUrls = ['javascript:alert(1)'];
        }),
    },
    {
      cls: 'value',
      name: 'data: URL in the URLs to submit',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.items[0].urls = ['data:text/html,<script>alert(1)</script>'];
        }),
    },
    {
      cls: 'value',
      name: 'javascript: home page',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.agency.homeUrl = 'javascript:alert(1)';
        }),
    },
    {
      cls: 'value',
      name: 'javascript: artifact path',
      code: 'path-unsafe',
      file: 'javascript:alert(1)',
      make: () =>
        withM((x) => {
          x.evidence[0].artifacts[0].path = 'javascript:alert(1)';
        }),
    },
    {
      cls: 'value',
      name: 'artifact path escapes',
      code: 'path-unsafe',
      file: '../x.png',
      make: () =>
        withM((x) => {
          x.evidence[0].artifacts[0].path = '../x.png';
        }),
    },
    {
      cls: 'value',
      name: '100,000-step click path',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.evidence[0].clickPath = Array.from({ length: 100_000 }, () => ({
            url: 'https://www.example.go.th/',
            linkText: 'a',
          }));
        }),
    },
    {
      cls: 'value',
      name: '10,000 URLs to submit',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.items[0].urls = Array.from({ length: 10_000 }, (_, i) => `https://www.example.go.th/${i}`);
        }),
    },
    {
      cls: 'value',
      name: 'title over its cap',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.evidence[0].title = 'ก'.repeat(2001);
        }),
    },
    {
      cls: 'value',
      name: 'negative score',
      code: 'manifest-schema',
      make: () =>
        withM((x) => {
          x.summary.score = -1;
        }),
    },

    // --- verification: results rebuilt from a whitelist, keyed to their own row ---
    {
      cls: 'verification',
      name: 'result about evidence outside the bundle',
      code: 'verification-unknown-evidence',
      make: () => ver({ key: 'victim', evidenceId: 'victim' }, { key: 'victim', evidenceId: 'victim' }),
    },
    {
      cls: 'verification',
      name: 'result missing fields',
      code: 'verification-invalid',
      make: () => ver({}, { redirects: undefined, details: undefined }),
    },
    {
      cls: 'verification',
      name: 'key names another evidence record',
      code: 'verification-invalid',
      make: () => ver({ key: 'ev2' }),
    },
    {
      cls: 'verification',
      name: 'document key naming no artifact of the evidence',
      code: 'verification-invalid',
      make: () => ver({ key: 'ev1#a4' }, { kind: 'document' }),
    },
    {
      cls: 'verification',
      name: 'checkedAt "zzzz" (would win every newer-than)',
      code: 'verification-invalid',
      make: () => ver({ checkedAt: 'zzzz' }),
    },
    {
      cls: 'verification',
      name: 'checkedAt in the future',
      code: 'verification-invalid',
      make: () => ver({ checkedAt: '2999-01-01T00:00:00.000Z' }),
    },
    {
      cls: 'verification',
      name: 'javascript: result URL',
      code: 'verification-invalid',
      make: () => ver({}, { url: 'javascript:alert(1)' }),
    },
    {
      cls: 'verification',
      name: 'non-http final URL',
      code: 'verification-invalid',
      make: () => ver({}, { finalUrl: 'file:///etc/passwd' }),
    },
    {
      cls: 'verification',
      name: 'similarity out of range',
      code: 'verification-invalid',
      make: () => ver({}, { similarity: 5 }),
    },
    {
      cls: 'verification',
      name: 'unknown problem code',
      code: 'verification-invalid',
      make: () => ver({}, { problems: ['<b>x</b>'] }),
    },
  ];
}
