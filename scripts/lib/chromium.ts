import { chromium, type BrowserContext, type Worker } from 'playwright-core';
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
}

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
