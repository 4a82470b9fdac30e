/** The report fonts (Sarabun, OFL) that the extension serves from /fonts/ and puts into every bundle. */
export const REPORT_FONTS = [
  'sarabun-thai-400-normal.woff2',
  'sarabun-thai-700-normal.woff2',
  'sarabun-latin-400-normal.woff2',
  'sarabun-latin-700-normal.woff2',
] as const;

export type FetchLike = (url: string) => Promise<{ ok: boolean; status: number; arrayBuffer(): Promise<ArrayBuffer> }>;

/** Fetches every report font; `urlOf` maps `/fonts/<name>` to a URL the fetch can load. */
export async function loadReportFonts(
  fetchFn: FetchLike,
  urlOf: (path: string) => string,
): Promise<{ name: string; bytes: Uint8Array }[]> {
  return Promise.all(
    REPORT_FONTS.map(async (name) => {
      const res = await fetchFn(urlOf(`/fonts/${name}`));
      if (!res.ok) throw new Error(`${name}: HTTP ${res.status}`);
      return { name, bytes: new Uint8Array(await res.arrayBuffer()) };
    }),
  );
}
