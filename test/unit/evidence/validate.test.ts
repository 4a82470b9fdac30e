import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../../lib/evidence/types';
import { mimeAllowed, validateEvidence } from '../../../lib/evidence/validate';

const H = 'a'.repeat(64);
function rec(patch: Partial<EvidenceRecord> = {}): EvidenceRecord {
  return {
    schemaVersion: 1,
    id: 'ev1',
    criteria: ['O5'],
    requestedUrl: 'https://www.example.go.th/a',
    url: 'https://www.example.go.th/a',
    title: 'หน้า',
    httpStatus: 200,
    capturedAt: '2021-03-01T03:00:00.000Z',
    timeZone: 'Asia/Bangkok',
    userAgent: 'UA',
    extensionVersion: '0.1.0',
    viewport: { width: 1280, height: 800 },
    devicePixelRatio: 1,
    note: '',
    artifacts: [
      { id: 'a1', method: 'viewport', mime: 'image/png', bytes: 10, sha256: H, width: 1280, height: 800 },
      { id: 'a2', method: 'dom-snapshot', mime: 'text/html; charset=utf-8', bytes: 10, sha256: H },
      { id: 'a3', method: 'text', mime: 'text/plain; charset=utf-8', bytes: 10, sha256: H },
      {
        id: 'a4',
        method: 'document-bytes',
        mime: 'application/pdf',
        bytes: 10,
        sha256: H,
        sourceUrl: 'https://www.example.go.th/x.pdf',
        fileName: 'รายงาน.pdf',
      },
    ],
    clickPath: [{ url: 'https://www.example.go.th/', linkText: '' }],
    reachedFromHome: true,
    elementTicks: { O5: ['e1'] },
    updatedAt: '2021-03-01T03:00:00.000Z',
    ...patch,
  };
}
const paths = (r: unknown) => validateEvidence(r).map((i) => i.path);

describe('validateEvidence', () => {
  it('accepts what the capture pipeline produces', () => {
    expect(validateEvidence(rec())).toEqual([]);
  });

  it('checks the MIME type against the method', () => {
    expect(mimeAllowed('viewport', 'image/png')).toBe(true);
    expect(mimeAllowed('fullpage-stitched', 'text/html')).toBe(false);
    expect(mimeAllowed('rendered-html2canvas', 'image/jpeg')).toBe(false);
    expect(mimeAllowed('dom-snapshot', 'text/html')).toBe(true);
    expect(mimeAllowed('dom-snapshot', 'text/html; charset=UTF-8')).toBe(true);
    expect(mimeAllowed('dom-snapshot', 'text/html; charset=tis-620')).toBe(false);
    expect(mimeAllowed('text', 'text/plain;charset=utf-8')).toBe(true);
    expect(mimeAllowed('text', 'text/html')).toBe(false);
    for (const m of [
      'application/pdf',
      'application/msword',
      'application/vnd.ms-excel',
      'image/jpeg',
      'image/gif',
      'image/png',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    ])
      expect(mimeAllowed('document-bytes', m), m).toBe(true);
    for (const m of ['text/html', 'image/svg+xml', 'application/xhtml+xml', 'application/octet-stream'])
      expect(mimeAllowed('document-bytes', m), m).toBe(false);
    const r = rec();
    r.artifacts[0] = { ...r.artifacts[0]!, mime: 'text/html' };
    expect(paths(r)).toEqual(['artifacts[0].mime']);
  });

  it('checks URLs, file names, click-paths, ticks and text lengths', () => {
    const r = rec();
    r.artifacts[3] = { ...r.artifacts[3]!, sourceUrl: 'javascript:alert(1)', fileName: 'x'.repeat(256) };
    expect(paths(r)).toEqual(['artifacts[3].sourceUrl', 'artifacts[3].fileName']);
    expect(paths(rec({ clickPath: [{ url: 'file:///etc/passwd', linkText: 'x'.repeat(501) }] }))).toEqual([
      'clickPath[0].url',
      'clickPath[0].linkText',
    ]);
    expect(paths(rec({ clickPath: ['x' as never] }))).toEqual(['clickPath[0]']);
    expect(paths(rec({ elementTicks: { O5: 'e1' as never } }))).toEqual(['elementTicks.O5']);
    expect(paths(rec({ elementTicks: { O5: ['x'.repeat(201)] } }))).toEqual(['elementTicks.O5']);
    expect(paths(rec({ elementTicks: { 'not a code': [] } }))).toEqual(['elementTicks']);
    expect(paths(rec({ title: 'ก'.repeat(2000) }))).toEqual([]);
    expect(paths(rec({ title: 'ก'.repeat(2001) }))).toEqual(['title']);
    expect(paths(rec({ note: 'ก'.repeat(5001) }))).toEqual(['note']);
    expect(paths(rec({ reachedFromHome: 'yes' as never, userAgent: {} as never }))).toEqual([
      'userAgent',
      'reachedFromHome',
    ]);
  });
});
