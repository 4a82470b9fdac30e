import type { Page } from 'playwright-core';

/** Decodes a PNG in the browser (an extension page) and returns its size and chosen pixels as [r,g,b]. */
export async function pngPixels(page: Page, pngBase64: string, points: [number, number][]): Promise<{ width: number; height: number; pixels: [number, number, number][] }> {
  return page.evaluate(async ({ b64, pts }) => {
    const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
    const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const c = new OffscreenCanvas(bmp.width, bmp.height);
    const g = c.getContext('2d')!;
    g.drawImage(bmp, 0, 0);
    const pixels = pts.map(([x, y]) => {
      const d = g.getImageData(x, y, 1, 1).data;
      return [d[0]!, d[1]!, d[2]!] as [number, number, number];
    });
    return { width: bmp.width, height: bmp.height, pixels };
  }, { b64: pngBase64, pts: points });
}

/** Reads a stored blob as base64 through an extension page. */
export async function blobBase64(page: Page, blobId: string): Promise<string> {
  return page.evaluate(async (id) => {
    const open = indexedDB.open('ita-evidence');
    const db: IDBDatabase = await new Promise((res, rej) => { open.onsuccess = () => res(open.result); open.onerror = () => rej(open.error); });
    const row = await new Promise<{ data: Uint8Array } | undefined>((res, rej) => {
      const r = db.transaction('blobs').objectStore('blobs').get(id);
      r.onsuccess = () => res(r.result as { data: Uint8Array } | undefined);
      r.onerror = () => rej(r.error);
    });
    db.close();
    if (!row) throw new Error(`no blob ${id}`);
    let s = '';
    const data = row.data;
    for (let i = 0; i < data.length; i += 0x8000) s += String.fromCharCode(...data.subarray(i, i + 0x8000));
    return btoa(s);
  }, blobId);
}

export function near(a: [number, number, number], hex: string, tol = 24): boolean {
  const n = parseInt(hex.slice(1), 16);
  const b = [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  return a.every((v, i) => Math.abs(v - b[i]!) <= tol);
}
