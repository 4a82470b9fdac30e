import { describe, expect, it } from 'vitest';
import { csvCell } from '../../../lib/bundle/csv';
import { safeHref } from '../../../lib/bundle/escape';
import { escapeHtml } from '../../../lib/util/html';
import { EvidencePathAllocator, padCode } from '../../../lib/bundle/paths';
import { unsafePathReason } from '../../../lib/zip/paths';
import { formatSha256Sums, parseSha256Sums } from '../../../lib/bundle/sha256sums';
import { crc32 } from '../../../lib/zip/crc32';

describe('bundle parts', () => {
  it('classifies unsafe paths', () => {
    expect(unsafePathReason('evidence/O05/a-viewport.png')).toBeNull();
    expect(unsafePathReason('../x')).toBe('dotdot');
    expect(unsafePathReason('a/../../x')).toBe('dotdot');
    expect(unsafePathReason('/etc/passwd')).toBe('absolute');
    expect(unsafePathReason('C:/x')).toBe('drive');
    expect(unsafePathReason('c:x')).toBe('drive');
    expect(unsafePathReason('a\\b')).toBe('backslash');
    expect(unsafePathReason('a//b')).toBe('dot-segment');
    expect(unsafePathReason('./a')).toBe('dot-segment');
    expect(unsafePathReason('a\u0000b')).toBe('control');
    expect(unsafePathReason('หลักฐาน.png')).toBe('not-ascii');
    expect(unsafePathReason('')).toBe('empty');
  });

  it('allocates unique ASCII paths under the padded first criterion', () => {
    const alloc = new EvidencePathAllocator();
    const art = { id: 'x', method: 'viewport' as const, mime: 'image/png', bytes: 1, sha256: '0'.repeat(64) };
    expect(alloc.allocate('O5', 'ev/1 ก', art)).toBe('evidence/O05/ev_1__-viewport.png');
    expect(alloc.allocate('O5', 'ev/1 ก', art)).toBe('evidence/O05/ev_1__-viewport-2.png');
    expect(alloc.allocate('O12', 'e', { ...art, method: 'document-bytes', mime: 'application/pdf' })).toBe(
      'evidence/O12/e-document.pdf',
    );
    expect(padCode('O40')).toBe('O40');
  });

  it('writes and strictly parses SHA256SUMS', () => {
    const h = 'a'.repeat(64);
    const text = formatSha256Sums([
      { path: 'b', sha256: h },
      { path: 'a/x.png', sha256: h },
    ]);
    expect(text).toBe(`${h}  a/x.png\n${h}  b\n`);
    expect(parseSha256Sums(text)).toEqual({
      ok: true,
      entries: [
        { sha256: h, path: 'a/x.png' },
        { sha256: h, path: 'b' },
      ],
    });
    expect(parseSha256Sums(`${h} *bin\n`).ok).toBe(true);
    expect(parseSha256Sums(`${h}  a\n\n`)).toEqual({ ok: false, line: 2 });
    expect(parseSha256Sums(`${h.toUpperCase()}  a\n`)).toEqual({ ok: false, line: 1 });
    expect(parseSha256Sums(`${h}  a\\b\n`)).toEqual({ ok: false, line: 1 });
  });

  it('escapes HTML and refuses non-http links', () => {
    expect(escapeHtml(`<a href="x" onclick='y'>&</a>`)).toBe(
      '&#60;a href=&#34;x&#34; onclick=&#39;y&#39;&#62;&#38;&#60;/a&#62;',
    );
    expect(safeHref('javascript:alert(1)')).toBeNull();
    expect(safeHref('https://a.go.th/?q="x"')).toBe('https://a.go.th/?q=%22x%22');
  });

  it('quotes CSV cells and neutralises formulas', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-5)).toBe('-5');
  });

  it('neutralises a formula that starts after a ; a tab or a line break inside the cell (issue 9 §7)', () => {
    expect(csvCell('ok;=cmd|"/c calc"!A1')).toBe(`"ok;'=cmd|""/c calc""!A1"`);
    expect(csvCell('a\t+1')).toBe("a\t'+1");
    expect(csvCell('a; @SUM(A1)')).toBe("a; '@SUM(A1)");
    expect(csvCell('line 1\n-2+3')).toBe(`"line 1\n'-2+3"`);
    expect(csvCell('line 1\r=1')).toBe(`"line 1\r'=1"`);
    expect(csvCell(' =1')).toBe("' =1");
    expect(csvCell('\t=1')).toBe("'\t'=1");
    // Text that only looks close stays as it was.
    expect(csvCell('ราคา 5-3; ข้อ O5')).toBe('ราคา 5-3; ข้อ O5');
    expect(csvCell('a=b;c')).toBe('a=b;c');
  });

  it('computes zip CRC-32', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});
