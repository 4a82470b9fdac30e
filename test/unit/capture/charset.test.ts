import { describe, expect, it } from 'vitest';
import { decodeHtml, detectCharset } from '../../../lib/net/charset';

/** windows-874: ASCII as is, Thai U+0E01–U+0E5B at 0xA1–0xFB. */
function encode874(s: string): Uint8Array {
  return new Uint8Array(
    [...s].map((ch) => {
      const c = ch.codePointAt(0)!;
      if (c < 0x80) return c;
      if (c >= 0x0e01 && c <= 0x0e5b) return c - 0x0e01 + 0xa1;
      throw new Error(`not encodable: ${ch}`);
    }),
  );
}

const THAI = 'ข้อมูลการติดต่อ เทศบาลตำบล ๒๕๖๔';

describe('detectCharset', () => {
  const ascii = (s: string) => new TextEncoder().encode(s);
  it('uses the header charset and maps Thai legacy labels to windows-874', () => {
    expect(detectCharset('text/html; charset=TIS-620', new Uint8Array())).toBe('windows-874');
    expect(detectCharset('text/html; charset="iso-8859-11"', new Uint8Array())).toBe('windows-874');
    expect(detectCharset('text/html;charset=x-windows-874', new Uint8Array())).toBe('windows-874');
    expect(detectCharset('text/html; charset=UTF-8', ascii('<meta charset="tis-620">'))).toBe('utf-8');
  });

  it('falls back to <meta charset> and http-equiv in the first 4 KB', () => {
    expect(detectCharset(null, ascii('<html><head><meta charset=tis-620>'))).toBe('windows-874');
    expect(
      detectCharset('text/html', ascii('<meta http-equiv="Content-Type" content="text/html; charset=windows-874">')),
    ).toBe('windows-874');
    expect(detectCharset(null, ascii(`${' '.repeat(5000)}<meta charset="tis-620">`))).toBe('utf-8');
    expect(detectCharset(null, ascii('<!-- <meta charset="tis-620"> --><p>'))).toBe('utf-8');
  });

  it('honours a BOM and defaults to UTF-8', () => {
    expect(detectCharset(null, new Uint8Array([0xef, 0xbb, 0xbf, 0x3c]))).toBe('utf-8');
    expect(detectCharset(null, new Uint8Array([0xff, 0xfe, 0x3c, 0]))).toBe('utf-16le');
    expect(detectCharset(null, ascii('<p>hello</p>'))).toBe('utf-8');
    expect(detectCharset('text/html; charset=bogus-enc', ascii('<p>'))).toBe('utf-8');
  });
});

describe('decodeHtml', () => {
  it('decodes a TIS-620 page declared in the header', () => {
    const bytes = encode874(`<p>${THAI}</p>`);
    expect(decodeHtml(bytes, 'text/html; charset=tis-620')).toBe(`<p>${THAI}</p>`);
  });

  it('decodes a windows-874 page declared only in <meta>', () => {
    const bytes = encode874(
      `<html><head><meta http-equiv="content-type" content="text/html; charset=TIS-620"></head><body>${THAI}</body></html>`,
    );
    expect(decodeHtml(bytes, 'text/html')).toContain(THAI);
  });

  it('decodes UTF-8 by default', () => {
    expect(decodeHtml(new TextEncoder().encode(THAI), null)).toBe(THAI);
  });
});
