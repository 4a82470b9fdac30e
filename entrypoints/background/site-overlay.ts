import { browser } from 'wxt/browser';
import { injectOverlay, siteOverlayAllowed } from '../../lib/platform/adapter';
import { loadSettings, originPattern } from '../../lib/storage/settings';
import type { ItaDb } from '../../lib/storage/db';

/**
 * Puts the "Tag this page" overlay on pages of the configured site once they have finished
 * loading: injecting after the load event costs the page nothing, where a registered content
 * script would run before it. Tab URLs are only visible for origins we hold permission for.
 */
export function watchSitePages(db: ItaDb): { refresh(): Promise<boolean> } {
  let site: { origin: string } | null = null;
  let loaded: Promise<void> | null = null;

  const refresh = async (): Promise<boolean> => {
    const s = await loadSettings(db);
    const pattern = originPattern(s.homeUrl);
    site = pattern && (await siteOverlayAllowed(pattern)) ? { origin: pattern.replace(/\/\*$/, '') } : null;
    return site !== null;
  };
  const ready = () => (loaded ??= refresh().then(() => undefined, () => undefined));

  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status !== 'complete' || !tab.url || !/^https?:/.test(tab.url)) return;
    void ready().then(() => {
      if (!site || !sameSite(tab.url!, site.origin)) return;
      return injectOverlay(tabId).catch(() => undefined);
    });
  });
  return { refresh };
}

/** Match patterns ignore the port, so a site on 127.0.0.1:PORT is the site whatever the port. */
function sameSite(url: string, origin: string): boolean {
  try {
    const u = new URL(url);
    const o = new URL(origin);
    return u.protocol === o.protocol && u.hostname === o.hostname;
  } catch {
    return false;
  }
}
