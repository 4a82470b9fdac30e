import type { PageFacts, PageSummary } from '../../lib/messages/protocol';
import { snapshotDocument } from '../../lib/capture/snapshot.dom';
import { classifyDocumentUrl } from '../../lib/capture/documents';
import { extractText } from '../../lib/capture/page-text.dom';
import { SITE_CHROME_SELECTOR, contentTextOrUndefined } from '../../lib/capture/site-chrome';

function httpStatus(): number | null {
  const nav = performance.getEntriesByType('navigation')[0] as
    (PerformanceNavigationTiming & { responseStatus?: number }) | undefined;
  return nav?.responseStatus && nav.responseStatus > 0 ? nav.responseStatus : null;
}

function imageToDataUrl(img: HTMLImageElement): string | null {
  if (!img.complete || !img.naturalWidth || img.naturalWidth * img.naturalHeight > 2_000_000) return null;
  const c = document.createElement('canvas');
  c.width = img.naturalWidth;
  c.height = img.naturalHeight;
  c.getContext('2d')!.drawImage(img, 0, 0);
  return c.toDataURL('image/png'); // throws on tainted (cross-origin) images: the snapshot keeps the src
}

/** The tab itself shows a document (Chrome's PDF viewer, an image): offer to store its bytes. */
export function openDocument(doc: Document): { url: string; text: string } | null {
  const type = doc.contentType || '';
  if (/html|xml/i.test(type) || !/^https?:/.test(doc.URL) || !classifyDocumentUrl(doc.URL, type)) return null;
  let name = doc.URL;
  try {
    name = decodeURIComponent(new URL(doc.URL).pathname.split('/').pop() || doc.URL);
  } catch {
    /* keep the URL */
  }
  return { url: doc.URL, text: name };
}

export function documentLinks(doc: Document): { url: string; text: string }[] {
  const seen = new Set<string>();
  const out: { url: string; text: string }[] = [];
  const self = openDocument(doc);
  if (self) {
    seen.add(self.url);
    out.push(self);
  }
  for (const a of doc.querySelectorAll<HTMLAnchorElement>('a[href]')) {
    if (!/^https?:/.test(a.href) || seen.has(a.href)) continue;
    if (!classifyDocumentUrl(a.href)) continue;
    seen.add(a.href);
    out.push({ url: a.href, text: (a.innerText || a.href).replace(/\s+/g, ' ').trim().slice(0, 300) });
    if (out.length >= 100) break;
  }
  return out;
}

export function hasMap(doc: Document): boolean {
  return !!doc.querySelector(
    'iframe[src*="google.com/maps"], iframe[src*="maps.google"], iframe[src*="openstreetmap"], a[href*="maps.google"], a[href*="google.com/maps"], a[href*="goo.gl/maps"], a[href*="maps.app.goo.gl"]',
  );
}

const clean = (s: string, max = 300) => s.replace(/\s+/g, ' ').trim().slice(0, max);

/** What the page says about itself, for suggesting the item: headings and breadcrumb. */
function headings(doc: Document): string[] {
  return [...doc.querySelectorAll('h1, h2, h3')]
    .slice(0, 12)
    .map((h) => clean((h as HTMLElement).innerText ?? h.textContent ?? ''))
    .filter(Boolean);
}

function breadcrumb(doc: Document): string {
  const el = doc.querySelector(
    'nav[aria-label*="breadcrumb" i], [itemtype*="BreadcrumbList"], .breadcrumb, .breadcrumbs, #breadcrumb, ol.breadcrumb',
  );
  if (!el) return '';
  const steps = [...el.querySelectorAll('li, a, span')].map((n) => clean(n.textContent ?? '', 120)).filter(Boolean);
  return (steps.length ? [...new Set(steps)].join(' > ') : clean(el.textContent ?? '')).slice(0, 500);
}

/**
 * Everything a capture keeps from the page, taken in one go. `exclude` is our overlay host, left
 * out by identity: page elements cannot hide themselves from the evidence by looking like it.
 */
export function gatherPageFacts(doc: Document, exclude: Element): { facts: PageFacts; summary: PageSummary } {
  const snap = snapshotDocument(doc, { exclude: (el) => el === exclude, imageToDataUrl });
  const text = snap.text.slice(0, 5 * 1024 * 1024);
  const links = documentLinks(doc);
  return {
    facts: {
      url: location.href,
      title: doc.title.slice(0, 2000),
      text,
      html: snap.html,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      dpr: window.devicePixelRatio || 1,
      httpStatus: httpStatus(),
      documentLinks: links,
    },
    summary: {
      url: location.href,
      title: doc.title.slice(0, 500),
      headings: headings(doc),
      breadcrumb: breadcrumb(doc),
      text: text.slice(0, 200_000),
      contentText: contentTextOrUndefined(
        text,
        extractText(doc.body ?? doc.documentElement, {
          excludeSelector: SITE_CHROME_SELECTOR,
          exclude: (el) => el === exclude,
        }),
      )?.slice(0, 200_000),
      hasMap: hasMap(doc),
      documentLinks: links.slice(0, 20),
      openDocument: openDocument(doc),
    },
  };
}
