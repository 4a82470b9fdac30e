import type { TrailEvent } from '../../lib/messages/protocol';
import { sendToBackground } from '../../lib/platform/messaging';

/** A link click as reported to the background, which takes `fromUrl` from the sender, not from here. */
export type ClickReport = TrailEvent & { via: 'click' };

/** What a link says: its visible text, else an image's alt text, else aria-label or title. */
export function linkLabel(a: HTMLAnchorElement | HTMLAreaElement): string {
  // innerText skips hidden text; jsdom and non-rendered nodes lack it, textContent stands in.
  const visible = typeof a.innerText === 'string' ? a.innerText : (a.textContent ?? '');
  const alt = a.querySelector<HTMLImageElement>('img[alt]')?.alt ?? (a instanceof HTMLAreaElement ? a.alt : '');
  const raw = [visible, alt, a.getAttribute('aria-label') ?? '', a.title].find((s) => s.trim() !== '') ?? '';
  return raw.replace(/\s+/g, ' ').trim().slice(0, 200);
}

/**
 * The report for a click, or null. Untrusted (script-made) clicks are ignored: a page could
 * otherwise forge the path by "clicking" links it never showed.
 */
export function clickReport(e: Pick<Event, 'isTrusted' | 'target'>, pageUrl: string): ClickReport | null {
  if (!e.isTrusted) return null;
  const target = e.target instanceof Element ? e.target : null;
  const a = target?.closest<HTMLAnchorElement | HTMLAreaElement>('a[href], area[href]');
  if (!a || !/^https?:/.test(a.href)) return null;
  return { url: a.href, linkText: linkLabel(a), fromUrl: pageUrl, via: 'click' };
}

/** Reports each link click (target URL and its text) so the background can rebuild the click-path. */
export function trackLinkClicks(doc: Document, report: (ev: ClickReport) => void): void {
  const onClick = (e: MouseEvent) => {
    if (e.type === 'auxclick' && e.button !== 1) return; // middle click opens a new tab; others do not follow
    const r = clickReport(e, doc.location.href);
    if (r) report(r);
  };
  // On the window, in the capture phase, from document_start: the first listener any click meets, so a page that
  // stops clicks early (its own window capture listener) cannot hide them from the trail.
  const first = doc.defaultView ?? doc;
  first.addEventListener('click', onClick as EventListener, { capture: true });
  first.addEventListener('auxclick', onClick as EventListener, { capture: true });
}

declare global {
  // Set in the isolated world once this page's trail is being reported (by either content script).
  var __itaTrailWatching: boolean | undefined;
}

/**
 * Reports this page's load (with its referrer) and every link click, once per page. The site's
 * registered trail script does it at document_start; the overlay does it too, for pages it reaches
 * without that script (the toolbar button on another site, or a page open before the grant).
 */
export function watchTrail(): void {
  if (globalThis.__itaTrailWatching) return;
  globalThis.__itaTrailWatching = true;
  void sendToBackground('trail/event', {
    url: location.href,
    linkText: '',
    fromUrl: document.referrer.startsWith('http') ? document.referrer : '',
    via: 'load',
  }).catch(() => {});
  trackLinkClicks(document, (ev) => void sendToBackground('trail/event', ev).catch(() => {}));
}
