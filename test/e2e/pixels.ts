import type { Page } from 'playwright-core';

import { blobBase64InPage, pngPixelsInPage, type Pixels } from './in-page';

/** Decodes a PNG in the browser (an extension page) and returns its size and chosen pixels as [r,g,b]. */
export async function pngPixels(page: Page, pngBase64: string, points: [number, number][]): Promise<Pixels> {
  return page.evaluate(pngPixelsInPage, { b64: pngBase64, pts: points });
}

/** Reads a stored blob as base64 through an extension page. */
export async function blobBase64(page: Page, blobId: string): Promise<string> {
  return page.evaluate(blobBase64InPage, blobId);
}

export function near(a: [number, number, number], hex: string, tol = 24): boolean {
  const n = parseInt(hex.slice(1), 16);
  const b = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return a.every((v, i) => Math.abs(v - b[i]!) <= tol);
}
