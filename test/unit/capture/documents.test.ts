import { describe, expect, it } from 'vitest';
import {
  allowedDocumentMime,
  checkDocumentSize,
  classifyDocumentUrl,
  DOCUMENT_SIZE_CAP,
  safeDecode,
  sniffMime,
} from '../../../lib/capture/documents';

describe('classifyDocumentUrl', () => {
  it('classifies by extension, case-insensitive, Thai names included', () => {
    expect(classifyDocumentUrl('https://x.go.th/files/report.PDF')).toBe('pdf');
    expect(classifyDocumentUrl('https://x.go.th/files/%E0%B9%81%E0%B8%9C%E0%B8%99.docx')).toBe('docx');
    expect(classifyDocumentUrl('https://x.go.th/a/b.xls#page=2')).toBe('xls');
    expect(classifyDocumentUrl('https://x.go.th/photo.jpeg')).toBe('image');
    expect(classifyDocumentUrl('https://x.go.th/news.php?id=5')).toBeNull();
  });

  it('looks at query-string values', () => {
    expect(classifyDocumentUrl('https://x.go.th/download.php?file=plan2564.pdf')).toBe('pdf');
    expect(classifyDocumentUrl('https://x.go.th/dl?id=3&name=%E0%B8%87%E0%B8%9A.xlsx')).toBe('xlsx');
  });

  it('prefers a specific MIME type', () => {
    expect(classifyDocumentUrl('https://x.go.th/dl?id=3', 'application/pdf; charset=binary')).toBe('pdf');
    expect(classifyDocumentUrl('https://x.go.th/dl?id=3', 'application/msword')).toBe('doc');
    expect(classifyDocumentUrl('https://x.go.th/a.pdf', 'application/octet-stream')).toBe('pdf');
    expect(classifyDocumentUrl('https://x.go.th/page', 'text/html')).toBeNull();
  });
});

describe('sniffMime', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const ascii = (s: string) => new TextEncoder().encode(s);
  it('recognises magic numbers', () => {
    expect(sniffMime(ascii('%PDF-1.7\n'))).toBe('application/pdf');
    expect(sniffMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toBe('image/png');
    expect(sniffMime(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(sniffMime(ascii('GIF89a'))).toBe('image/gif');
    expect(sniffMime(ascii('<html>'))).toBeNull();
  });

  it('tells OOXML and OLE formats apart by name or content', () => {
    const zip = (inner: string) => new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...ascii(`....${inner}`)]);
    expect(sniffMime(zip('[Content_Types].xml'), 'แผน.xlsx')).toContain('spreadsheetml');
    expect(sniffMime(zip('word/document.xml'))).toContain('wordprocessingml');
    expect(sniffMime(zip('xl/workbook.xml'))).toContain('spreadsheetml');
    expect(sniffMime(zip('other'))).toBe('application/zip');
    const ole = bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0);
    expect(sniffMime(ole, 'a.doc')).toBe('application/msword');
    expect(sniffMime(ole, 'a.xls')).toBe('application/vnd.ms-excel');
  });
});

describe('allowedDocumentMime', () => {
  const bytes = (...b: number[]) => new Uint8Array(b);
  const ascii = (s: string) => new TextEncoder().encode(s);
  const utf16 = (s: string) => [...s].flatMap((c) => [c.charCodeAt(0), 0]);
  const ole = (...tail: number[]) => bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, ...tail);

  it('accepts PDF, Office documents and PNG/JPEG/GIF images by their bytes', () => {
    expect(allowedDocumentMime(ascii('%PDF-1.7\n'), 'x.bin')).toBe('application/pdf');
    expect(allowedDocumentMime(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a))).toBe('image/png');
    expect(allowedDocumentMime(bytes(0xff, 0xd8, 0xff, 0xe0))).toBe('image/jpeg');
    expect(allowedDocumentMime(ascii('GIF89a'))).toBe('image/gif');
    expect(allowedDocumentMime(bytes(0x50, 0x4b, 0x03, 0x04, ...ascii('word/document.xml')))).toContain(
      'wordprocessingml',
    );
    expect(allowedDocumentMime(ole(), 'plan.xls')).toBe('application/vnd.ms-excel');
    expect(allowedDocumentMime(ole(...utf16('WordDocument')), 'download.php')).toBe('application/msword');
    expect(allowedDocumentMime(ole(...utf16('Workbook')))).toBe('application/vnd.ms-excel');
  });

  it('refuses markup, scripts, SVG, plain zips, unknown OLE files and unknown bytes', () => {
    expect(allowedDocumentMime(ascii('<!DOCTYPE html><html>'), 'a.pdf')).toBeNull();
    expect(allowedDocumentMime(ascii('<svg xmlns="http://www.w3.org/2000/svg">'), 'a.png')).toBeNull();
    expect(allowedDocumentMime(ascii('alert(1)'), 'a.js')).toBeNull();
    expect(allowedDocumentMime(bytes(0x50, 0x4b, 0x03, 0x04, 1, 2))).toBeNull();
    expect(allowedDocumentMime(ole())).toBeNull();
    expect(allowedDocumentMime(new Uint8Array(0))).toBeNull();
  });
});

describe('safeDecode', () => {
  it('decodes percent escapes and keeps malformed input', () => {
    expect(safeDecode('%E0%B9%81%E0%B8%9C%E0%B8%99.pdf')).toBe('แผน.pdf');
    expect(safeDecode('100%.pdf')).toBe('100%.pdf');
    expect(safeDecode('%E0%B8.pdf')).toBe('%E0%B8.pdf');
  });
});

describe('checkDocumentSize', () => {
  it('accepts files up to 50 MB and unknown sizes', () => {
    expect(DOCUMENT_SIZE_CAP).toBe(50 * 1024 * 1024);
    expect(checkDocumentSize(DOCUMENT_SIZE_CAP)).toBeNull();
    expect(checkDocumentSize(new Uint8Array(10))).toBeNull();
    expect(checkDocumentSize(null)).toBeNull();
  });

  it('reports too-large with Thai and English messages', () => {
    const error = checkDocumentSize(DOCUMENT_SIZE_CAP + 1);
    expect(error?.code).toBe('too-large');
    expect(error?.message.th).toContain('50 MB');
    expect(error?.message.th).toContain('เกิน');
    expect(error?.message.en).toContain('over the 50 MB limit');
    expect(checkDocumentSize(new Uint8Array(11), 10)?.code).toBe('too-large');
  });
});
