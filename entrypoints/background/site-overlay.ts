import { browser } from 'wxt/browser';
import { injectOverlay, siteOverlayAllowed, watchTrailOn } from '../../lib/platform/adapter';
import { loadSettings, originPattern } from '../../lib/storage/settings';
import { sameSite } from '../../lib/util/url';
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
    await watchTrailOn(site ? pattern : null).catch((e: unknown) =>
      console.warn('[ita-evidence] the click-path watcher could not be registered; the overlay keeps the trail', e),
    );
    return site !== null;
  };
  const ready = () =>
    (loaded ??= refresh().then(
      () => undefined,
      () => undefined,
    ));

  browser.tabs.onUpdated.addListener((tabId, info, tab) => {
    if (info.status !== 'complete' || !tab.url || !/^https?:/.test(tab.url)) return;
    void ready().then(async () => {
      if (!site || !sameSite(tab.url!, site.origin)) return;
      // The tab may have moved on while the settings loaded: look at where it is now.
      const now = await browser.tabs.get(tabId).catch(() => null);
      if (!now?.url || !sameSite(now.url, site.origin)) return;
      return injectOverlay(tabId).catch(() => undefined);
    });
  });
  // At every start of the worker: the registration follows the settings and permissions of now.
  void ready();
  return { refresh };
}
