import { browser } from 'wxt/browser';

/**
 * Browser differences live here and nowhere else: Chrome's sidePanel versus Firefox's
 * sidebar_action, and how a visible-tab capture is asked for.
 */
type ChromeSidePanel = {
  open(opts: { windowId?: number; tabId?: number }): Promise<void>;
  setPanelBehavior?(opts: { openPanelOnActionClick: boolean }): Promise<void>;
};
type FirefoxSidebar = { open(): Promise<void> };

function sidePanelApi(): ChromeSidePanel | null {
  return (browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel ?? null;
}
function sidebarApi(): FirefoxSidebar | null {
  return (browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction ?? null;
}

/** Must be called from a user gesture (toolbar click, command, button). */
export async function openChecklistPanel(windowId?: number): Promise<void> {
  const panel = sidePanelApi();
  if (panel) return panel.open(windowId !== undefined ? { windowId } : {});
  const sidebar = sidebarApi();
  if (sidebar) return sidebar.open();
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}

export async function captureVisiblePng(windowId: number): Promise<Uint8Array> {
  const dataUrl = await browser.tabs.captureVisibleTab(windowId, { format: 'png' });
  const res = await fetch(dataUrl);
  return new Uint8Array(await res.arrayBuffer());
}

export function extensionVersion(): string {
  return browser.runtime.getManifest().version;
}

const OVERLAY_SCRIPT_FILE = '/content-scripts/overlay.js';
const PAGE_HELPER_FILE = '/overlay-page.js';
const FORM_PAGE = '/overlay-form.html';

/**
 * The tagging form's URL, for the overlay to frame. In Chrome (use_dynamic_url, see manifest.ts)
 * this is the session's dynamic URL, which sites cannot guess; in Firefox the usual one.
 */
export function formPageUrl(): string {
  return browser.runtime.getURL(FORM_PAGE);
}

/**
 * The origin of the framed form's document, for postMessage. Chrome loads a dynamic URL into a
 * document of the extension's usual origin; Firefox has one origin, its per-profile UUID.
 */
export function formFrameOrigin(): string {
  const url = new URL(formPageUrl());
  return url.protocol === 'chrome-extension:' ? `chrome-extension://${browser.runtime.id}` : url.origin;
}

export async function openChecklistTab(): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
}

type Menus = {
  removeAll(): Promise<void>;
  create(p: { id: string; title: string; contexts: string[] }): unknown;
  onClicked: {
    addListener(
      cb: (info: { menuItemId: string | number }, tab?: { id?: number; windowId?: number; url?: string }) => void,
    ): void;
  };
};
function menusApi(): Menus | null {
  const b = browser as unknown as { contextMenus?: Menus; menus?: Menus };
  return b.contextMenus ?? b.menus ?? null;
}

/** The page's right-click menu item: a user gesture on the extension, so it grants activeTab. */
export async function createPageMenuItem(id: string, title: string): Promise<void> {
  const menus = menusApi();
  if (!menus) return;
  await menus.removeAll();
  menus.create({ id, title, contexts: ['page', 'selection', 'link', 'image', 'frame'] });
}

export function onPageMenuItem(id: string, run: (tab: { id?: number; windowId?: number; url?: string }) => void): void {
  menusApi()?.onClicked.addListener((info, tab) => {
    if (info.menuItemId === id && tab) run(tab);
  });
}

/** The overlay is shown on the configured site only, and only once its host permission is granted. */
export async function siteOverlayAllowed(pattern: string | null): Promise<boolean> {
  return !!pattern && browser.permissions.contains({ origins: [pattern] });
}

export async function injectOverlay(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [OVERLAY_SCRIPT_FILE] });
}

export async function injectPageHelper(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [PAGE_HELPER_FILE] });
}

const TRAIL_SCRIPT = { id: 'ita-trail', file: '/content-scripts/trail.js' };

/**
 * The click-path watcher, registered for the granted site from document_start (the overlay itself
 * is injected only after a page's load event). `null` unregisters it. Registrations persist across
 * browser restarts in Chrome and Firefox alike; this replaces whatever was registered before.
 */
export function watchTrailOn(pattern: string | null): Promise<void> {
  // One change at a time: a settings save and a permission event can ask together.
  const next = trailChanges.then(() => replaceTrailScript(pattern));
  trailChanges = next.catch(() => undefined);
  return next;
}
let trailChanges: Promise<void> = Promise.resolve();

async function replaceTrailScript(pattern: string | null): Promise<void> {
  const [had] = await browser.scripting.getRegisteredContentScripts({ ids: [TRAIL_SCRIPT.id] });
  // Every worker start asks again: an unchanged registration is left alone, so no page loads in a gap without it.
  if (had && pattern && had.matches?.length === 1 && had.matches[0] === pattern && had.runAt === 'document_start')
    return;
  if (had) await browser.scripting.unregisterContentScripts({ ids: [TRAIL_SCRIPT.id] });
  if (!pattern) return;
  await browser.scripting.registerContentScripts([
    { id: TRAIL_SCRIPT.id, js: [TRAIL_SCRIPT.file], matches: [pattern], runAt: 'document_start', allFrames: false },
  ]);
}
