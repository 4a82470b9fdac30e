/**
 * NODE-ONLY: loads the report fonts (Sarabun woff2) from public/fonts/ for exports made in Node
 * (`npm run demo`, tests). The extension fetches the same files from its own /fonts/ assets.
 * Do not import this file from extension code.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';

export const REPORT_FONT_FILES = [
  'sarabun-thai-400-normal.woff2',
  'sarabun-thai-700-normal.woff2',
  'sarabun-latin-400-normal.woff2',
  'sarabun-latin-700-normal.woff2',
] as const;

/** `root` is the repository root (the folder holding public/). */
export async function loadReportFontsFromDisk(root: string): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    REPORT_FONT_FILES.map(async (name) => ({
      name,
      bytes: new Uint8Array(await readFile(join(root, 'public', 'fonts', name))),
    })),
  );
}
