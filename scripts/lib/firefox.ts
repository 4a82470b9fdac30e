import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export const FIREFOX = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';

export interface LaunchedFirefox {
  browser: Browser;
  geckoId: string;
  uuid: string;
  extUrl(p: string): string;
  /** Opens an extension page in a new tab; resolves once it has loaded (see openExtensionPage). */
  openExtPage(p: string): Promise<Page>;
  close(): Promise<void>;
}

export interface FirefoxLaunchOptions {
  extensionDir: string;
  headless?: boolean;
  locale?: string;
  viewport?: { width: number; height: number };
  prefs?: Record<string, unknown>;
  /** Downloads are saved here without asking. */
  downloadDir?: string;
}

/**
 * Debian's firefox-esr driven over WebDriver BiDi, with the unpacked extension installed as a
 * temporary add-on. Its moz-extension UUID is fixed in advance (a pref) so tests can open its pages.
 */
export async function launchFirefox(o: FirefoxLaunchOptions): Promise<LaunchedFirefox> {
  const manifest = JSON.parse(readFileSync(path.join(o.extensionDir, 'manifest.json'), 'utf8')) as {
    browser_specific_settings?: { gecko?: { id?: string } };
  };
  const geckoId = manifest.browser_specific_settings?.gecko?.id;
  if (!geckoId) throw new Error(`${o.extensionDir}/manifest.json has no gecko id`);
  if (!existsSync(FIREFOX)) throw new Error(`No Firefox at ${FIREFOX}: apt-get install firefox-esr`);
  const uuid = randomUUID();
  const locale = o.locale ?? 'en-US';
  const viewport = o.viewport ?? { width: 1280, height: 720 };
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: FIREFOX,
    headless: o.headless ?? true,
    // Without it BiDi refuses to navigate to moz-extension:// pages.
    args: ['--remote-allow-system-access'],
    defaultViewport: viewport,
    protocolTimeout: 60_000,
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: uuid }),
      'intl.accept_languages': locale,
      'intl.locale.requested': locale,
      ...(o.downloadDir
        ? {
            'browser.download.dir': o.downloadDir,
            'browser.download.folderList': 2,
            'browser.download.useDownloadDir': true,
            'browser.download.start_downloads_in_tmp_dir': false,
            'browser.download.always_ask_before_handling_new_types': false,
            'browser.download.alwaysOpenPanel': false,
          }
        : {}),
      ...o.prefs,
    },
  });
  try {
    await browser.installExtension(path.resolve(o.extensionDir));
  } catch (e) {
    await browser.close().catch(() => undefined);
    throw e;
  }
  const extUrl = (p: string) => `moz-extension://${uuid}/${p.replace(/^\//, '')}`;
  return {
    browser,
    geckoId,
    uuid,
    extUrl,
    openExtPage: (p) => openExtensionPage(browser, extUrl(p)),
    close: () => browser.close().catch(() => undefined),
  };
}

/**
 * page.goto of a moz-extension:// URL may never resolve (BiDi mis-tracks the options tab the
 * install opened), so start it without awaiting and wait for the document itself.
 */
export async function openExtensionPage(browser: Browser, url: string, timeout = 20_000): Promise<Page> {
  const page = await browser.newPage();
  void page.goto(url, { timeout }).catch(() => undefined);
  // Polled by hand: an evaluation that lands mid-navigation can fail inside Firefox's BiDi
  // ("right-hand side of 'in' should be an object"), which would end waitForFunction at once.
  const deadline = Date.now() + timeout;
  const loaded = () =>
    page.evaluate((u) => location.href === u && document.readyState === 'complete', url).catch(() => false);
  while (!(await loaded())) {
    if (Date.now() > deadline) throw new Error(`${url} did not load within ${timeout} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return page;
}

type BidiConnection = { send(method: string, params: object): Promise<{ result: Record<string, unknown> }> };

/**
 * The browser's own window (privileged "chrome" scope, reachable with --remote-allow-system-access).
 * Used for what a person does in the browser's UI and BiDi cannot click: the toolbar button, the sidebar.
 */
export async function chromeWindow(browser: Browser): Promise<{ evaluate<T>(expression: string): Promise<T> }> {
  // puppeteer-core keeps its BiDi connection on the browser object; it has no public way to address chrome scope.
  const conn = (browser as unknown as { connection: BidiConnection }).connection;
  const tree = (await conn.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })).result as {
    contexts: { context: string; url: string }[];
  };
  const top = tree.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!top) throw new Error('no browser window in chrome scope');
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const r = (
        await conn.send('script.evaluate', { expression, target: { context: top.context }, awaitPromise: true })
      ).result as {
        type: string;
        result?: { type: string; value?: unknown };
        exceptionDetails?: { text?: string };
      };
      if (r.type !== 'success')
        throw new Error(`chrome-scope script failed: ${r.exceptionDetails?.text ?? 'unknown error'}`);
      // BiDi serialises null as { type: 'null' } with no value.
      return (r.result?.type === 'null' ? null : r.result?.value) as T;
    },
  };
}

/** Firefox's widget id for an add-on's toolbar button (CustomizableUI's makeWidgetId + suffix). */
const actionWidgetId = (geckoId: string) => `${geckoId.toLowerCase().replace(/[^a-z0-9_-]/g, '_')}-browser-action`;

/**
 * Pins the add-on's button to the toolbar (as a person does from the extensions menu) and clicks it.
 * The click comes from the browser's own UI, so the add-on gets the user gesture and activeTab.
 */
export async function clickToolbarButton(ff: LaunchedFirefox): Promise<void> {
  const win = await chromeWindow(ff.browser);
  const id = JSON.stringify(actionWidgetId(ff.geckoId));
  await win.evaluate(`(() => {
    CustomizableUI.addWidgetToArea(${id}, CustomizableUI.AREA_NAVBAR);
    const item = document.getElementById(${id});
    (item.querySelector('toolbarbutton') ?? item).click();
  })()`);
}

/** Which add-on sidebar is open in the browser window, or null. */
export async function openSidebar(ff: LaunchedFirefox): Promise<string | null> {
  const win = await chromeWindow(ff.browser);
  return win.evaluate<string | null>('SidebarController.isOpen ? SidebarController.currentID : null');
}

export async function closeSidebar(ff: LaunchedFirefox): Promise<void> {
  const win = await chromeWindow(ff.browser);
  await win.evaluate('SidebarController.hide()');
}
