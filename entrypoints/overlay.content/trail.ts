import type { TrailEvent } from '../../lib/messages/protocol';

/** Reports each link click (target URL and its text) so the background can rebuild the click-path. */
export function trackLinkClicks(doc: Document, report: (ev: TrailEvent) => void): void {
  doc.addEventListener(
    'click',
    (e) => {
      const a = (e.target as Element | null)?.closest?.('a[href], area[href]') as HTMLAnchorElement | null;
      if (!a || !/^https?:/.test(a.href)) return;
      const text = (a.innerText || a.getAttribute('aria-label') || a.title || '').replace(/\s+/g, ' ').trim().slice(0, 200);
      report({ url: a.href, linkText: text, fromUrl: location.href });
    },
    { capture: true },
  );
}
