import { describe, expect, it } from 'vitest';
import {
  completeSnapshot,
  inlineSnapshotResources,
  sniffResourceType,
  type FetchedResource,
} from '../../../lib/capture/snapshot-inline';
import { PLACEHOLDER_IMAGE, scanSnapshot } from '../../../lib/capture/snapshot-scan';
import { snapshotHtml } from './snapshot-corpus';

const PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9]);
const WOFF2 = new Uint8Array([0x77, 0x4f, 0x46, 0x32, 1, 2]);
const enc = new TextEncoder();

function server(files: Record<string, Uint8Array | string>) {
  const asked: string[] = [];
  const fetch = async (url: string): Promise<FetchedResource> => {
    asked.push(url);
    const f = files[url];
    if (f === undefined) throw new Error('404');
    return { bytes: typeof f === 'string' ? enc.encode(f) : f, contentType: null, url };
  };
  return { fetch, asked };
}

describe('inlining what a snapshot loads', () => {
  it('inlines cross-origin stylesheets with their @imports, fonts and images, srcset, picture, poster and SVG images', async () => {
    const { fetch, asked } = server({
      'https://cdn.example/css/site.css':
        '@import "print.css" print; h1{font-family:S;background:url(../img/bg.png)} @font-face{font-family:S;src:url("https://fonts.example/s.woff2")}',
      'https://cdn.example/css/print.css': 'h1::after{content:"<b>"}',
      'https://cdn.example/img/bg.png': PNG,
      'https://fonts.example/s.woff2': WOFF2,
      'https://a.example/1x.png': PNG,
      'https://a.example/2x.png': PNG,
      'https://a.example/p.png': PNG,
      'https://a.example/s.png': PNG,
    });
    const html = snapshotHtml(
      '<h1>หัวข้อ</h1><img src="https://a.example/1x.png" srcset="https://a.example/1x.png 1x, https://a.example/2x.png 2x">' +
        '<picture><source srcset="https://a.example/gone.webp" type="image/webp"><img src="https://a.example/1x.png"></picture>' +
        '<video poster="https://a.example/p.png"></video><svg><image href="https://a.example/s.png"/></svg><img src="https://a.example/missing.png">',
      '<link rel="stylesheet" href="https://cdn.example/css/site.css">',
    );
    const out = await inlineSnapshotResources(html, { fetch });
    expect(scanSnapshot(out)).toEqual({ active: [], remote: [] });
    expect(out).not.toMatch(/url\(\s*["']?https?:/);
    expect(out).not.toContain('<link');
    expect(out).toContain('data-ita-href="https://cdn.example/css/site.css"'); // where it came from, for the reader
    expect(out).toContain('data:font/woff2;base64,');
    expect(out).toContain('@media print {');
    expect(out).toContain('content:"\\3c b>"');
    expect(out).toContain('srcset="data:image/png;base64,');
    expect(out).toContain(`src="${PLACEHOLDER_IMAGE}"`); // missing.png
    expect(out).not.toContain('gone.webp');
    expect(out).toContain('ไม่ได้เก็บส่วนที่โหลดจากเว็บจริง');
    expect(new Set(asked).size).toBe(asked.length); // each URL fetched once
  });

  it('keeps to its budget and never turns a non-image into a data: URL', async () => {
    const { fetch, asked } = server({
      'https://a.example/page.png': '<!DOCTYPE html><script>alert(1)</script>',
      'https://a.example/x.png': PNG,
    });
    const html = snapshotHtml(
      '<img src="https://a.example/page.png"><img src="https://a.example/x.png"><img src="https://a.example/y.png">',
    );
    const out = await inlineSnapshotResources(html, { fetch, maxResources: 2, concurrency: 1 });
    expect(asked).toHaveLength(2);
    expect(out).not.toContain('text/html');
    expect(out.match(new RegExp(PLACEHOLDER_IMAGE.slice(0, 40).replace(/[+/]/g, '\\$&'), 'g'))).toHaveLength(2);
    expect(out).toContain('data:image/png;base64,');
  });

  it('sniffs image and font types from their bytes', () => {
    expect(sniffResourceType(PNG)).toBe('image/png');
    expect(sniffResourceType(WOFF2)).toBe('font/woff2');
    expect(sniffResourceType(enc.encode('<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"/>'))).toBe(
      'image/svg+xml',
    );
    expect(sniffResourceType(enc.encode('<html>'))).toBeNull();
  });

  it('the complete step leaves text only for active content', async () => {
    const out = await completeSnapshot(snapshotHtml('<svg><script>alert(1)</script></svg>'), {
      url: 'https://a.example/',
      text: 'ข้อความ',
      capturedAt: '2021-01-01T00:00:00.000Z',
    });
    expect(out).toContain('content="text-only"');
    expect(scanSnapshot(out)).toEqual({ active: [], remote: [] });
  });
});
