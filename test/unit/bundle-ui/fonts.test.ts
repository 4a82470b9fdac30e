import { readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadReportFonts, REPORT_FONTS } from '../../../components/bundle/fonts';

describe('loadReportFonts', () => {
  it('names every font in public/fonts, all present there', () => {
    const onDisk = readdirSync(path.resolve(import.meta.dirname, '../../../public/fonts'));
    expect([...REPORT_FONTS].sort()).toEqual(onDisk.filter((f) => f.endsWith('.woff2')).sort());
  });

  it('fetches each font from its extension URL', async () => {
    const asked: string[] = [];
    const fonts = await loadReportFonts(
      async (u) => {
        asked.push(u);
        return { ok: true, status: 200, arrayBuffer: async () => new Uint8Array([u.length]).buffer };
      },
      (p) => `chrome-extension://id${p}`,
    );
    expect(asked).toEqual(REPORT_FONTS.map((n) => `chrome-extension://id/fonts/${n}`));
    expect(fonts.map((f) => f.name)).toEqual([...REPORT_FONTS]);
    expect(fonts[0]!.bytes).toEqual(new Uint8Array([asked[0]!.length]));
  });

  it('fails naming the font that could not be loaded', async () => {
    await expect(
      loadReportFonts(
        async (u) => ({ ok: !u.includes('thai-700'), status: 404, arrayBuffer: async () => new ArrayBuffer(0) }),
        (p) => p,
      ),
    ).rejects.toThrow('sarabun-thai-700-normal.woff2: HTTP 404');
  });
});
