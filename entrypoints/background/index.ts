import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { openDb } from '../../lib/storage/db';
import { isConfigured, loadSettings } from '../../lib/storage/settings';
import { injectForm, injectOverlay, openChecklistPanel } from '../../lib/platform/adapter';
import { resolveLanguage } from '../../lib/i18n/language';
import { getCriteriaSet } from '../../lib/storage/criteria-store';
import { getBlob, listByCriterion } from '../../lib/storage/evidence-repo';
import { executiveNamesFromEvidence } from '../../lib/capture/executives';
import { listen } from './router';
import { watchSitePages } from './site-overlay';
import { cancelCapture, handleCapture, reportTagFailure } from './capture';
import { copyTrail, forgetTab, pathForTab, recordTrail } from './trail-store';

export default defineBackground(() => {
  const db = openDb();
  const sitePages = watchSitePages(db);

  listen({
    'overlay/config': async () => {
      const s = await loadSettings(db);
      return {
        configured: isConfigured(s),
        language: resolveLanguage(s.language, navigator.language),
        homeUrl: s.homeUrl,
        fiscalYear: s.fiscalYear,
        criteriaSetId: s.criteriaSetId,
        lastCaptureMode: s.lastCaptureMode,
      };
    },
    'overlay/criteria': async () => getCriteriaSet(db, (await loadSettings(db)).criteriaSetId),
    'overlay/open-form': async (_p, sender) => {
      await injectForm(sender.tab!.id!);
      return { ok: true };
    },
    'overlay/click-path': async (_p, sender) => {
      const s = await loadSettings(db);
      return pathForTab(sender.tab!.id!, sender.tab!.url ?? '', s.homeUrl);
    },
    'overlay/executives': async ({ item }) => ({
      names: await executiveNamesFromEvidence(await listByCriterion(db, item), (id) => getBlob(db, id)),
    }),
    'trail/event': async (ev, sender) => {
      const via = ev.via;
      // A click happened on the sender's page: take its URL from the browser, not from the payload
      // (sender.url is the sending document itself, so a navigation racing the message cannot swap it).
      const fromUrl = via === 'click' ? (sender.url ?? sender.tab?.url ?? '') : ev.fromUrl;
      await recordTrail(sender.tab!.id!, { url: ev.url, linkText: via === 'click' ? ev.linkText : '', fromUrl, via });
      return { ok: true };
    },
    'capture/save': (req, sender) => {
      const tab = sender.tab!;
      return handleCapture(db, req, { id: tab.id!, windowId: tab.windowId!, url: tab.url ?? null });
    },
    'capture/cancel': (_p, sender) => ({ ok: cancelCapture(sender.tab!.id!) }),
    'settings/apply': async () => {
      const registered = await sitePages.refresh();
      return { ok: true, registered };
    },
  });

  // The toolbar button and the keyboard shortcut tag the current page, on any site (activeTab).
  const tagActiveTab = async (tab?: { id?: number; windowId?: number; url?: string }) => {
    void openChecklistPanel(tab?.windowId).catch(() => undefined);
    if (tab?.id === undefined) return;
    try {
      await injectOverlay(tab.id);
      await injectForm(tab.id);
    } catch (e) {
      console.warn('[ita-evidence] cannot tag this page', e);
      await reportTagFailure(db, { id: tab.id, url: tab.url }, e);
    }
  };
  browser.action.onClicked.addListener((tab) => void tagActiveTab(tab));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'tag-page') void tagActiveTab(tab);
  });

  browser.tabs.onRemoved.addListener((tabId) => void forgetTab(tabId));
  // A link opened in a new tab (target=_blank) keeps the path recorded in the tab it came from.
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id !== undefined && tab.openerTabId !== undefined) void copyTrail(tab.openerTabId, tab.id).catch(() => undefined);
  });

  browser.runtime.onInstalled.addListener(async ({ reason }) => {
    const s = await loadSettings(db);
    if (reason === 'install' && !isConfigured(s)) await browser.runtime.openOptionsPage();
  });
  browser.permissions.onAdded?.addListener(() => void sitePages.refresh());
  browser.permissions.onRemoved?.addListener(() => void sitePages.refresh());
});
