/**
 * Runs in the background after the page sent its snapshot: fetches what the snapshot would load
 * from the web (cross-origin stylesheets and their @imports, fonts, images, srcset, posters, SVG
 * images), inlines it as data: URLs, and replaces what cannot be fetched with visible placeholders.
 * The result is judged again by the snapshot rule; any active content leaves a text-only snapshot.
 * Fetching is injected: the background passes its document fetch policy (lib/net/address-policy).
 */
import { textOnlySnapshot } from './snapshot-policy';
import { cssRefs, rewriteCss } from './snapshot-css-refs';
import { rewriteSnapshot, scanSnapshot, snapshotRemoteRefs } from './snapshot-scan';

export interface FetchedResource {
  bytes: Uint8Array;
  contentType: string | null;
  /** After redirects: relative URLs in a stylesheet resolve against it. */
  url: string;
}

export interface InlineOptions {
  fetch(url: string): Promise<FetchedResource>;
  maxResources?: number;
  maxTotalBytes?: number;
  maxImportDepth?: number;
  concurrency?: number;
}

export interface SnapshotPage {
  url: string;
  text: string;
  capturedAt: string;
}

const SIGNATURES: [number[], string][] = [
  [[0x89, 0x50, 0x4e, 0x47], 'image/png'],
  [[0xff, 0xd8, 0xff], 'image/jpeg'],
  [[0x47, 0x49, 0x46, 0x38], 'image/gif'],
  [[0x42, 0x4d], 'image/bmp'],
  [[0x00, 0x00, 0x01, 0x00], 'image/x-icon'],
  [[0x77, 0x4f, 0x46, 0x32], 'font/woff2'],
  [[0x77, 0x4f, 0x46, 0x46], 'font/woff'],
  [[0x00, 0x01, 0x00, 0x00], 'font/ttf'],
  [[0x4f, 0x54, 0x54, 0x4f], 'font/otf'],
];

/** The type of an image or font, from its bytes (the declared type is the server's, not proof). */
export function sniffResourceType(bytes: Uint8Array): string | null {
  for (const [sig, mime] of SIGNATURES) if (sig.every((b, i) => bytes[i] === b)) return mime;
  const riff =
    String.fromCharCode(...bytes.subarray(0, 4)) === 'RIFF' && String.fromCharCode(...bytes.subarray(8, 12)) === 'WEBP';
  if (riff) return 'image/webp';
  if (String.fromCharCode(...bytes.subarray(4, 12)) === 'ftypavif') return 'image/avif';
  const head = new TextDecoder()
    .decode(bytes.subarray(0, 512))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (head.startsWith('<svg') || (head.startsWith('<?xml') && head.includes('<svg'))) return 'image/svg+xml';
  return null;
}

function base64(bytes: Uint8Array): string {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

function absolute(ref: string, base: string): string | null {
  try {
    const u = new URL(ref.trim(), base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

const decodeCss = (bytes: Uint8Array) =>
  new TextDecoder('utf-8')
    .decode(bytes)
    .replace(/^\uFEFF/, '')
    .replace(/^@charset\s+"[^"]*"\s*;/i, '');

/** Fetches and inlines what the snapshot loads; unfetchable parts become placeholders. */
export async function inlineSnapshotResources(html: string, opts: InlineOptions): Promise<string> {
  const maxResources = opts.maxResources ?? 300;
  const maxTotal = opts.maxTotalBytes ?? 30 * 1024 * 1024;
  const maxDepth = opts.maxImportDepth ?? 4;
  let fetched = 0;
  let total = 0;
  const get = async (url: string): Promise<FetchedResource | null> => {
    if (fetched >= maxResources || total >= maxTotal) return null;
    fetched++;
    try {
      const r = await opts.fetch(url);
      total += r.bytes.length;
      return total > maxTotal ? null : r;
    } catch {
      return null;
    }
  };

  // Stylesheets first (they name more resources), each with the base its own URLs resolve against.
  const sheets = new Map<string, { css: string; base: string } | null>();
  const resources = new Set<string>();
  const loadSheet = async (url: string, depth: number): Promise<void> => {
    if (sheets.has(url) || depth > maxDepth) return;
    sheets.set(url, null);
    const r = await get(url);
    if (!r || sniffResourceType(r.bytes)) return;
    const css = decodeCss(r.bytes);
    sheets.set(url, { css, base: r.url || url });
    for (const ref of cssRefs(css)) {
      const abs = absolute(ref.url, r.url || url);
      if (!abs || ref.url.trim().toLowerCase().startsWith('data:')) continue;
      if (ref.kind === 'import') await loadSheet(abs, depth + 1);
      else resources.add(abs);
    }
  };
  const refs = snapshotRemoteRefs(html);
  for (const url of refs.stylesheets) await loadSheet(url, 0);
  for (const url of refs.resources) resources.add(url);

  const data = new Map<string, string>();
  const queue = [...resources];
  const worker = async () => {
    for (let url = queue.shift(); url !== undefined; url = queue.shift()) {
      const r = await get(url);
      const mime = r && sniffResourceType(r.bytes);
      if (r && mime) data.set(url, `data:${mime};base64,${base64(r.bytes)}`);
    }
  };
  await Promise.all(Array.from({ length: opts.concurrency ?? 4 }, worker));

  const built = new Map<string, string | null>();
  const sheetText = (url: string, stack: string[] = []): string | null => {
    if (built.has(url)) return built.get(url)!;
    const s = sheets.get(url);
    if (!s || stack.includes(url)) return null;
    const text = rewriteCss(s.css, cssRefs(s.css), (ref) => {
      if (ref.url.trim().toLowerCase().startsWith('data:')) return null;
      const abs = absolute(ref.url, s.base);
      if (ref.kind === 'import') {
        const inner = abs ? sheetText(abs, [...stack, url]) : null;
        return inner === null ? '' : ref.media ? `@media ${ref.media} {\n${inner}\n}` : inner;
      }
      return `url("${(abs && data.get(abs)) ?? 'data:,'}")`;
    });
    built.set(url, text);
    return text;
  };
  return rewriteSnapshot(html, {
    resource: (url) => data.get(url.trim()) ?? null,
    stylesheet: (url) => sheetText(url.trim()),
  }).html;
}

/**
 * What the background stores for the page's snapshot: the rule applied first (active content →
 * text only), then resources inlined (when a fetcher is given) or replaced with placeholders.
 */
export async function completeSnapshot(html: string, page: SnapshotPage, opts?: InlineOptions): Promise<string> {
  const first = scanSnapshot(html);
  if (first.active.length) return textOnlySnapshot(page.text, page.url, page.capturedAt, first.active);
  let out = first.remote.length
    ? opts
      ? await inlineSnapshotResources(html, opts)
      : rewriteSnapshot(html).html
    : html;
  let last = scanSnapshot(out);
  if (!last.active.length && last.remote.length) {
    out = rewriteSnapshot(out).html;
    last = scanSnapshot(out);
  }
  const problems = [...last.active, ...last.remote];
  return problems.length ? textOnlySnapshot(page.text, page.url, page.capturedAt, problems) : out;
}
