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
  return ((browser as unknown as { sidePanel?: ChromeSidePanel }).sidePanel) ?? null;
}
function sidebarApi(): FirefoxSidebar | null {
  return ((browser as unknown as { sidebarAction?: FirefoxSidebar }).sidebarAction) ?? null;
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

export const OVERLAY_SCRIPT_FILE = '/content-scripts/overlay.js';
export const FORM_SCRIPT_FILE = '/overlay-form.js';

/** The overlay is shown on the configured site only, and only once its host permission is granted. */
export async function siteOverlayAllowed(pattern: string | null): Promise<boolean> {
  return !!pattern && browser.permissions.contains({ origins: [pattern] });
}

export async function injectOverlay(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [OVERLAY_SCRIPT_FILE] });
}

export async function injectForm(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [FORM_SCRIPT_FILE] });
}
