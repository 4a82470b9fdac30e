import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDb, type ItaDb } from '../../../lib/storage/db';
import { saveSettings } from '../../../lib/storage/settings';

const adapter = vi.hoisted(() => ({
  injectOverlay: vi.fn(async () => undefined),
  siteOverlayAllowed: vi.fn(async () => true),
  watchTrailOn: vi.fn(async (_pattern: string | null) => undefined),
}));
vi.mock('../../../lib/platform/adapter', () => adapter);

const { watchSitePages } = await import('../../../entrypoints/background/site-overlay');

let db: ItaDb;
let n = 0;

async function completeTab(url: string): Promise<number> {
  const tab = await fakeBrowser.tabs.create({ url });
  await fakeBrowser.tabs.onUpdated.trigger(tab.id!, { status: 'complete' }, { ...tab, url });
  return tab.id!;
}

describe('background site watcher', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    adapter.injectOverlay.mockClear();
    adapter.watchTrailOn.mockClear();
    adapter.siteOverlayAllowed.mockReset().mockResolvedValue(true);
    db = openDb(`site-overlay-${++n}`);
    await saveSettings(db, { homeUrl: 'https://www.town.go.th/', agencyName: 'เทศบาลทดสอบ' });
  });
  afterEach(() => db.delete());

  it('puts the overlay on loaded pages of the configured site only, www or not', async () => {
    watchSitePages(db);
    const onSite = await completeTab('http://town.go.th/ita/o1');
    await completeTab('https://elsewhere.example/');
    await vi.waitFor(() => expect(adapter.injectOverlay).toHaveBeenCalledTimes(1));
    expect(adapter.injectOverlay).toHaveBeenCalledWith(onSite);
  });

  it('does nothing while the site permission is not granted, and starts once refreshed after a grant', async () => {
    adapter.siteOverlayAllowed.mockResolvedValue(false);
    const watcher = watchSitePages(db);
    await completeTab('https://www.town.go.th/');
    await new Promise((r) => setTimeout(r, 20));
    expect(adapter.injectOverlay).not.toHaveBeenCalled();
    adapter.siteOverlayAllowed.mockResolvedValue(true);
    expect(await watcher.refresh()).toBe(true);
    const id = await completeTab('https://www.town.go.th/news');
    await vi.waitFor(() => expect(adapter.injectOverlay).toHaveBeenCalledWith(id));
  });

  it('skips a tab that navigated off the site before the settings loaded', async () => {
    watchSitePages(db);
    const tab = await fakeBrowser.tabs.create({ url: 'https://elsewhere.example/' });
    await fakeBrowser.tabs.onUpdated.trigger(
      tab.id!,
      { status: 'complete' },
      { ...tab, url: 'https://www.town.go.th/' },
    );
    await new Promise((r) => setTimeout(r, 20));
    expect(adapter.injectOverlay).not.toHaveBeenCalled();
  });

  it('registers the click-path watcher for the granted site as the worker starts, and drops it when the grant goes', async () => {
    const watcher = watchSitePages(db);
    await vi.waitFor(() => expect(adapter.watchTrailOn).toHaveBeenLastCalledWith('https://www.town.go.th/*'));
    adapter.siteOverlayAllowed.mockResolvedValue(false);
    expect(await watcher.refresh()).toBe(false);
    expect(adapter.watchTrailOn).toHaveBeenLastCalledWith(null);
  });

  it('still puts the overlay on the site when the watcher cannot be registered', async () => {
    adapter.watchTrailOn.mockRejectedValue(new Error('scripting unavailable'));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    watchSitePages(db);
    const id = await completeTab('https://www.town.go.th/ita');
    await vi.waitFor(() => expect(adapter.injectOverlay).toHaveBeenCalledWith(id));
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('click-path watcher'), expect.any(Error));
    warn.mockRestore();
    adapter.watchTrailOn.mockResolvedValue(undefined);
  });
});
