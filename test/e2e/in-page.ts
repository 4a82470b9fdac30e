/**
 * Functions that run inside an extension page, passed to `page.evaluate` by Playwright (test/e2e) and
 * by puppeteer-core (test/e2e-firefox) alike. Self-contained: they are sent to the page as source text.
 */

export type Pixels = { width: number; height: number; pixels: [number, number, number][] };

/** Decodes a PNG and returns its size and chosen pixels as [r,g,b]. */
export async function pngPixelsInPage({ b64, pts }: { b64: string; pts: [number, number][] }): Promise<Pixels> {
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
}

/** A stored blob of the extension's IndexedDB, as base64. */
export async function blobBase64InPage(id: string): Promise<string> {
  const open = indexedDB.open('ita-evidence');
  const db: IDBDatabase = await new Promise((res, rej) => {
    open.onsuccess = () => res(open.result);
    open.onerror = () => rej(open.error);
  });
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
}

/** Every row of a store of the extension's IndexedDB. */
export async function dbAllInPage(store: string): Promise<unknown[]> {
  const open = indexedDB.open('ita-evidence');
  const db: IDBDatabase = await new Promise((res, rej) => {
    open.onsuccess = () => res(open.result);
    open.onerror = () => rej(open.error);
  });
  const rows = await new Promise<unknown[]>((res, rej) => {
    const r = db.transaction(store).objectStore(store).getAll();
    r.onsuccess = () => res(r.result);
    r.onerror = () => rej(r.error);
  });
  db.close();
  return rows;
}

type ExtensionApi = {
  permissions: { getAll(): Promise<{ origins?: string[] }> };
  scripting: { getRegisteredContentScripts(): Promise<{ id: string; matches?: string[]; runAt?: string }[]> };
};

/** The origins the extension holds now (Firefox's `browser`, Chrome's `chrome`). */
export async function grantedOriginsInPage(): Promise<string[]> {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  return (await (g.browser ?? g.chrome)!.permissions.getAll()).origins ?? [];
}

/** The content scripts the extension has registered at run time: id, matches and when they run. */
export async function registeredScriptsInPage(): Promise<{ id: string; matches?: string[]; runAt?: string }[]> {
  const g = globalThis as { browser?: ExtensionApi; chrome?: ExtensionApi };
  const all = await (g.browser ?? g.chrome)!.scripting.getRegisteredContentScripts();
  return all.map(({ id, matches, runAt }) => ({ id, matches, runAt }));
}
