// Helpers for checking the static sites (demo-site, test/fixtures/site) in unit tests.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

export function listFiles(root: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(root)) {
    const full = path.join(root, name);
    if (statSync(full).isDirectory()) out.push(...listFiles(full));
    else out.push(full);
  }
  return out;
}

export interface Link {
  href: string;
  text: string;
}

/** Anchors of an HTML document (regex based: the sites are ours and well-formed). */
export function extractLinks(html: string): Link[] {
  const links: Link[] = [];
  for (const m of html.matchAll(/<a\b[^>]*?\bhref="([^"]*)"[^>]*>([\s\S]*?)<\/a>/g)) {
    const text = (m[2] ?? '')
      .replace(/<[^>]*>/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    links.push({ href: (m[1] ?? '').replace(/&amp;/g, '&'), text });
  }
  return links;
}

/** Every src/href that names a resource (not an anchor) — for "no external resources" checks. */
export function extractResourceUrls(html: string): string[] {
  const urls: string[] = [];
  for (const m of html.matchAll(/<(?:img|script|link|iframe|source|video|audio)\b[^>]*?\b(?:src|href)="([^"]*)"/g)) {
    urls.push(m[1] ?? '');
  }
  for (const m of html.matchAll(/url\(\s*['"]?([^'")]+)/g)) urls.push(m[1] ?? '');
  return urls;
}

export function titleOf(html: string): string | null {
  const m = /<title>([\s\S]*?)<\/title>/.exec(html);
  return m ? (m[1] ?? '').trim() : null;
}

/** Resolve a site-relative link from a page file to a file path under root (query/fragment dropped). */
export function resolveLink(root: string, pageFile: string, href: string): string | null {
  if (/^[a-z][a-z0-9+.-]*:/i.test(href) || href.startsWith('#') || href.startsWith('//')) return null;
  const clean = decodeURIComponent(href.split(/[?#]/, 1)[0] ?? '');
  const target = clean.startsWith('/') ? path.join(root, clean) : path.resolve(path.dirname(pageFile), clean);
  return clean.endsWith('/') || clean === '' ? path.join(target, 'index.html') : target;
}

/** Checks a classic (non-stream) xref table: each in-use entry must point at "N 0 obj". */
export function pdfXrefProblems(bytes: Buffer): string[] {
  const text = bytes.toString('latin1');
  const problems: string[] = [];
  if (!text.startsWith('%PDF-')) problems.push('no %PDF- header');
  if (!text.trimEnd().endsWith('%%EOF')) problems.push('no %%EOF');
  const sx = /startxref\s+(\d+)/.exec(text);
  const xrefAt = sx ? Number(sx[1]) : -1;
  if (text.slice(xrefAt, xrefAt + 4) !== 'xref') return [...problems, 'startxref does not point at xref'];
  const head = /xref\s+0 (\d+)\s+/.exec(text.slice(xrefAt));
  const count = head ? Number(head[1]) : 0;
  const entriesAt = xrefAt + (head?.[0].length ?? 0);
  for (let i = 1; i < count; i++) {
    const entry = text.slice(entriesAt + i * 20, entriesAt + i * 20 + 20);
    const offset = Number(entry.slice(0, 10));
    if (!text.startsWith(`${i} 0 obj`, offset)) problems.push(`object ${i} not at offset ${offset}`);
  }
  if (count < 2) problems.push('empty xref');
  return problems;
}

export function pngSize(bytes: Buffer): { width: number; height: number } | null {
  if (bytes.readUInt32BE(0) !== 0x89504e47 || bytes.toString('ascii', 12, 16) !== 'IHDR') return null;
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
