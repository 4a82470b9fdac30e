import { strToU8, Zip, ZipDeflate, ZipPassThrough, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  blobSource,
  extractEntry,
  memorySource,
  openZip,
  readCentralDirectory,
  readEntry,
} from '../../../lib/zip/read';
import { foldedName, unsafePathReason } from '../../../lib/zip/paths';
import { rawZip, unixMode } from '../bundle/raw-zip';

const FILES = {
  'a.txt': strToU8('hello '.repeat(1000)),
  'dir/b.bin': new Uint8Array(5000).map((_, i) => i * 31),
  'empty.txt': new Uint8Array(0),
};

function streamed(): Uint8Array {
  const chunks: Uint8Array[] = [];
  const z = new Zip((_err, c) => {
    if (c) chunks.push(c);
  });
  for (const [k, v] of Object.entries(FILES)) {
    const f = k.endsWith('.txt') ? new ZipDeflate(k, { level: 1 }) : new ZipPassThrough(k);
    z.add(f);
    f.push(v, true);
  }
  z.end();
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

async function readAll(bytes: Uint8Array, viaBlob = false): Promise<Record<string, Uint8Array>> {
  const src = viaBlob ? blobSource(new Blob([bytes as Uint8Array<ArrayBuffer>])) : memorySource(bytes);
  const z = await openZip(src);
  if (!z.ok) throw new Error(JSON.stringify(z.errors));
  const out: Record<string, Uint8Array> = {};
  for (const e of z.value.entries) {
    if (e.dir) continue;
    const r = await readEntry(src, e);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    out[e.name] = r.value;
  }
  return out;
}

describe('zip reader: honest zips are read as every tool reads them', () => {
  it('reads fflate zips (central sizes, and streamed with data descriptors), from memory and from a Blob', async () => {
    for (const bytes of [zipSync(FILES), zipSync(FILES, { level: 0 }), streamed()]) {
      expect(await readAll(bytes)).toEqual(FILES);
      expect(await readAll(bytes, true)).toEqual(FILES);
      const sync = readCentralDirectory(bytes);
      expect(sync.ok).toBe(true);
      if (sync.ok)
        for (const e of sync.value)
          expect(extractEntry(bytes, e)).toEqual({ ok: true, value: FILES[e.name as keyof typeof FILES] });
    }
  });

  it('accepts unix modes of plain files and folders, as Info-ZIP writes them', async () => {
    const bytes = rawZip([
      { name: 'evidence/', data: new Uint8Array(0), ...unixMode(0o040755) },
      { name: 'evidence/a.png', data: strToU8('png'), ...unixMode(0o100644) },
      { name: 'b.txt', data: strToU8('b'), ...unixMode(0o100600) },
    ]);
    expect(await readAll(bytes)).toEqual({ 'evidence/a.png': strToU8('png'), 'b.txt': strToU8('b') });
  });
});

describe('zip reader: streaming stays within the declared size', () => {
  it('stops an entry that inflates past its declared size, whatever it holds', async () => {
    const zeros = new Uint8Array(4 * 1024 * 1024);
    const bytes = rawZip([{ name: 'x.bin', data: zeros, method: 8, size: 1000 }]);
    const z = await openZip(memorySource(bytes));
    expect(z.ok).toBe(true);
    if (!z.ok) return;
    let seen = 0;
    const { streamEntry } = await import('../../../lib/zip/read');
    const problem = await streamEntry(memorySource(bytes), z.value.entries[0]!, (c) => {
      seen += c.length;
    });
    expect(problem?.code).toBe('size-mismatch');
    expect(seen).toBeLessThanOrEqual(1000);
  });
});

describe('entry names safe on Linux, Windows and macOS', () => {
  it('names each unsafe kind', () => {
    const cases: [string, string | null][] = [
      ['evidence/O05/ev1-viewport.png', null],
      ['report.html', null],
      ['fonts/sarabun-thai-400-normal.woff2', null],
      ['', 'empty'],
      ['/etc/passwd', 'absolute'],
      ['C:/x', 'drive'],
      ['a\\b', 'backslash'],
      ['a/../b', 'dotdot'],
      ['a//b', 'dot-segment'],
      ['a\u0001', 'control'],
      ['ไทย.png', 'not-ascii'],
      ['x'.repeat(256), 'too-long'],
      ['http://evil.example/', 'url'],
      ['javascript:alert(1)', 'url'],
      ['data:text/html,x', 'url'],
      ['a<b', 'windows-char'],
      ['a>b', 'windows-char'],
      ['a|b', 'windows-char'],
      ['a?b', 'windows-char'],
      ['a*b', 'windows-char'],
      ['a"b', 'windows-char'],
      ['dir/a:b', 'windows-char'],
      ['report.html.', 'trailing-dot-space'],
      ['report.html ', 'trailing-dot-space'],
      ['dir./x', 'trailing-dot-space'],
      ['CON', 'device-name'],
      ['con.txt', 'device-name'],
      ['evidence/nul.png', 'device-name'],
      ['COM1.png', 'device-name'],
      ['lpt9', 'device-name'],
      ['aux.tar.gz', 'device-name'],
      ['PRN', 'device-name'],
      ['CONOUT$', 'device-name'],
      ['console.txt', null],
      ['com10.png', null],
      ['nullish.png', null],
    ];
    for (const [name, reason] of cases) expect(unsafePathReason(name), name).toBe(reason);
  });

  it('folds case the way Windows and macOS compare names', () => {
    expect(foldedName('REPORT.HTML')).toBe(foldedName('report.html'));
    expect(foldedName('Evidence/')).toBe('evidence');
  });
});
