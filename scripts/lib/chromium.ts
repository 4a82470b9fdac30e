import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export function repoRoot(): string {
  let dir = process.cwd();
  while (!existsSync(path.join(dir, 'wxt.config.ts')) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/**
 * The e2e build: the production extension with the host permission granted at install, because
 * automation cannot click Chrome's permission prompt. Built when missing (or when forced).
 */
export function ensureE2eBuild(force = false): string {
  const dir = path.join(repoRoot(), '.output', 'chrome-mv3-e2e');
  if (force || !existsSync(path.join(dir, 'manifest.json'))) {
    const r = spawnSync('npx', ['wxt', 'build'], {
      cwd: repoRoot(),
      stdio: 'inherit',
      env: { ...process.env, ITA_E2E: '1' },
    });
    if (r.status !== 0) throw new Error('wxt build failed');
  }
  return dir;
}

export interface LaunchedExtension {
  ctx: BrowserContext;
  worker: Worker;
  extensionId: string;
  extUrl(p: string): string;
  close(): Promise<void>;
}

export interface LaunchOptions {
  extensionDir: string;
  headless?: boolean;
  locale?: string;
  viewport?: { width: number; height: number } | null;
  /** Extra command-line switches, e.g. TOOLBAR_DEBUGGING for clickToolbarButton. */
  args?: string[];
}

/** Lets CDP run the extension's toolbar action (`Extensions.triggerAction`, over Playwright's pipe). */
export const TOOLBAR_DEBUGGING = '--enable-unsafe-extension-debugging';

/** Chromium with the unpacked extension in a throw-away profile (flags verified on Debian's Chromium). */
export async function launchWithExtension(o: LaunchOptions): Promise<LaunchedExtension> {
  const headless = o.headless ?? true;
  const profile = await mkdtemp(path.join(tmpdir(), 'ita-profile-'));
  const locale = o.locale ?? 'en-US';
  const ctx = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless,
    locale,
    viewport: o.viewport === undefined ? { width: 1280, height: 720 } : o.viewport,
    acceptDownloads: true,
    args: [
      ...(headless ? ['--headless=new'] : []),
      `--disable-extensions-except=${o.extensionDir}`,
      `--load-extension=${o.extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      `--lang=${locale}`,
      ...(o.args ?? []),
    ],
  });
  const worker = ctx.serviceWorkers()[0] ?? (await ctx.waitForEvent('serviceworker'));
  const extensionId = worker.url().split('/')[2]!;
  return {
    ctx,
    worker,
    extensionId,
    extUrl: (p) => `chrome-extension://${extensionId}/${p.replace(/^\//, '')}`,
    async close() {
      await ctx.close().catch(() => undefined);
      await rm(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Clicks the extension's toolbar button for this page's tab, as Chrome does for a real click: the
 * action runs and activeTab is granted for the tab. Needs TOOLBAR_DEBUGGING at launch. CDP names
 * tabs by "tab" targets, which carry no link to the page target: the tab is found by its URL.
 */
export async function clickToolbarButton(ext: LaunchedExtension, page: Page): Promise<void> {
  await page.bringToFront();
  const cdp = await ext.ctx.browser()!.newBrowserCDPSession();
  try {
    const { targetInfos } = await cdp.send('Target.getTargets', { filter: [{ type: 'tab' }] });
    const tabs = targetInfos.filter((t) => t.type === 'tab' && t.url === page.url());
    if (tabs.length !== 1) throw new Error(`${tabs.length} tabs show ${page.url()}: cannot tell which to click`);
    await cdp.send('Extensions.triggerAction', { id: ext.extensionId, targetId: tabs[0]!.targetId });
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}

/**
 * Opens one of the extension's pages in `page`. Right after install the extension opens its setup page itself, and
 * Chromium may put it into this very tab: the goto is then interrupted by that navigation to the same page, which is
 * where we wanted to be.
 */
export async function gotoExtensionPage(ext: LaunchedExtension, page: Page, file: string): Promise<void> {
  const url = ext.extUrl(file);
  await page.goto(url).catch(async (e: unknown) => {
    if (!String(e).includes('interrupted by another navigation')) throw e;
    await page.waitForURL(url);
  });
}
