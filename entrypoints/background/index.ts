import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { openDb, type ItaDb } from '../../lib/storage/db';
import { isConfigured, loadSettings } from '../../lib/storage/settings';
import { createPageMenuItem, onPageMenuItem, openChecklistPanel } from '../../lib/platform/adapter';
import { resolveLanguage } from '../../lib/i18n/language';
import { PAGE_MENU_TITLE } from '../../lib/i18n/overlay-strings';
import { getCriteriaSet } from '../../lib/storage/criteria-store';
import { getBlob, listByCriterion } from '../../lib/storage/evidence-repo';
import { executiveNamesFromEvidence } from '../../lib/capture/executives';
import type { OverlayConfig } from '../../lib/messages/protocol';
import { listen, type Handlers } from './router';
import { watchSitePages } from './site-overlay';
import { cancelCapture, reportGaveUp, reportTagFailure } from './capture';
import { copyTrail, forgetTab, pathForTab, recordTrail } from './trail-store';
import {
  boundSession,
  closeForm,
  forgetForm,
  helloForm,
  layoutForm,
  openChecklist,
  openForm,
  saveDraft,
  saveForm,
  undoSave,
} from './form-session';

const PAGE_MENU_ID = 'ita-tag-page';

/** The form frame's messages: every one carries the token of the opening it belongs to. */
function formHandlers(db: ItaDb, overlayConfig: () => Promise<OverlayConfig>): Handlers {
  return {
    'form/hello': async ({ token }, sender) => helloForm(db, token, sender, await overlayConfig()),
    'form/save': async (req, sender) => {
      const s = await boundSession(req.token, sender);
      return s ? saveForm(db, s, req) : { ok: false, code: 'invalid-request', detail: 'no form session' };
    },
    'form/layout': async ({ token, mode, height }, sender) => {
      const s = await boundSession(token, sender);
      if (s) await layoutForm(s, mode, height);
      return { ok: !!s };
    },
    'form/draft': async ({ token, draft }, sender) => {
      const s = await boundSession(token, sender);
      if (s) await saveDraft(s, sender.tab?.url, draft);
      return { ok: !!s };
    },
    'form/close': async ({ token }, sender) => {
      const s = await boundSession(token, sender);
      if (s) await closeForm(s);
      return { ok: !!s };
    },
    'form/cancel': async ({ token }, sender) => {
      const s = await boundSession(token, sender);
      return { ok: !!s && cancelCapture(s.tab.id) };
    },
    'form/undo': async ({ token, evidenceId }, sender) => {
      const s = await boundSession(token, sender);
      return { ok: !!s && (await undoSave(db, s, evidenceId)) };
    },
    'form/open-checklist': async ({ token }, sender) => {
      const s = await boundSession(token, sender);
      if (s) await openChecklist(s);
      return { ok: !!s };
    },
  };
}

/** On install: the page's context menu item, and the setup page when nothing is set up yet. */
function wireInstall(db: ItaDb): void {
  browser.runtime.onInstalled.addListener(() => {
    void createPageMenuItem(PAGE_MENU_ID, PAGE_MENU_TITLE).catch((e: unknown) =>
      console.warn('[ita-evidence] context menu', e),
    );
  });
  const openSetupOnInstall = async (reason: string) => {
    const s = await loadSettings(db);
    if (reason === 'install' && !isConfigured(s)) await browser.runtime.openOptionsPage();
  };
  browser.runtime.onInstalled.addListener(({ reason }) => {
    void openSetupOnInstall(reason);
  });
}

export default defineBackground(() => {
  const db = openDb();
  const sitePages = watchSitePages(db);

  const overlayConfig = async (): Promise<OverlayConfig> => {
    const s = await loadSettings(db);
    return {
      configured: isConfigured(s),
      language: resolveLanguage(s.language, navigator.language),
      homeUrl: s.homeUrl,
      fiscalYear: s.fiscalYear,
      criteriaSetId: s.criteriaSetId,
      lastCaptureMode: s.lastCaptureMode,
    };
  };
  const tabOf = (t: { id?: number; windowId?: number; url?: string }) => ({
    id: t.id!,
    windowId: t.windowId!,
    url: t.url ?? null,
  });

  listen({
    'overlay/config': overlayConfig,
    'overlay/criteria': async () => getCriteriaSet(db, (await loadSettings(db)).criteriaSetId),
    'overlay/open-form': async (_p, sender) => {
      await openForm(tabOf(sender.tab!), (await overlayConfig()).language, true);
      return { ok: true };
    },
    'overlay/click-path': async (_p, sender) => {
      const s = await loadSettings(db);
      return pathForTab(sender.tab!.id!, sender.tab!.url ?? '', s.homeUrl);
    },
    'overlay/executives': async ({ item }) => ({
      names: await executiveNamesFromEvidence(await listByCriterion(db, item), (id) => getBlob(db, id)),
    }),
    'overlay/gave-up': async (_p, sender) => {
      await reportGaveUp(db, { id: sender.tab!.id!, url: sender.tab!.url });
      return { ok: true };
    },
    'trail/event': async (ev, sender) => {
      const via = ev.via;
      // A click happened on the sender's page: take its URL from the browser, not from the payload
      // (sender.url is the sending document itself, so a navigation racing the message cannot swap it).
      const fromUrl = via === 'click' ? (sender.url ?? sender.tab?.url ?? '') : ev.fromUrl;
      await recordTrail(sender.tab!.id!, { url: ev.url, linkText: via === 'click' ? ev.linkText : '', fromUrl, via });
      return { ok: true };
    },
    'capture/cancel': (_p, sender) => ({ ok: cancelCapture(sender.tab!.id!) }),
    ...formHandlers(db, overlayConfig),
    'settings/apply': async () => {
      const registered = await sitePages.refresh();
      return { ok: true, registered };
    },
  });

  // The toolbar button, the keyboard shortcut and the context menu tag the current page, on any
  // site: each is a gesture on the extension itself, which grants activeTab for the screenshot.
  const tagActiveTab = async (tab?: { id?: number; windowId?: number; url?: string }) => {
    void openChecklistPanel(tab?.windowId).catch(() => undefined);
    if (tab?.id === undefined) return;
    try {
      await openForm(tabOf(tab), (await overlayConfig()).language, false);
    } catch (e) {
      console.warn('[ita-evidence] cannot tag this page', e);
      await reportTagFailure(db, { id: tab.id, url: tab.url }, e);
    }
  };
  browser.action.onClicked.addListener((tab) => void tagActiveTab(tab));
  browser.commands.onCommand.addListener((command, tab) => {
    if (command === 'tag-page') void tagActiveTab(tab);
  });
  onPageMenuItem(PAGE_MENU_ID, (tab) => void tagActiveTab(tab));

  browser.tabs.onRemoved.addListener((tabId) => {
    void forgetTab(tabId);
    forgetForm(tabId);
  });
  // A link opened in a new tab (target=_blank) keeps the path recorded in the tab it came from.
  browser.tabs.onCreated.addListener((tab) => {
    if (tab.id !== undefined && tab.openerTabId !== undefined)
      void copyTrail(tab.openerTabId, tab.id).catch(() => undefined);
  });

  wireInstall(db);
  browser.permissions.onAdded?.addListener(() => void sitePages.refresh());
  browser.permissions.onRemoved?.addListener(() => void sitePages.refresh());
});
