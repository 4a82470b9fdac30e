import { browser } from 'wxt/browser';
import { captureVisiblePng, extensionVersion } from '../../lib/platform/adapter';
import { sendToTab } from '../../lib/platform/messaging';
import { planFullPage } from '../../lib/capture/stitch-plan';
import { stitchFullPage, CaptureCancelledError, isQuotaError } from '../../lib/capture/stitch';
import { runCapture, captureErrorCode, type CaptureDeps } from '../../lib/capture/pipeline';
import type { CaptureRequest, CaptureResult } from '../../lib/messages/protocol';
import { loadSettings, saveSettings } from '../../lib/storage/settings';
import type { ItaDb } from '../../lib/storage/db';
import { resolveLanguage } from '../../lib/i18n/language';
import { captureMessage } from '../../lib/capture/messages';
import { FORM_STRINGS } from '../../lib/i18n/overlay-strings';
import { fetchUnderPolicy, readCappedDocument } from './fetch-document';
import { pathForTab } from './trail-store';
import { TabSlots } from '../../lib/capture/tab-slots';

const running = new TabSlots();
/** One snapshot resource (image, font, stylesheet): larger ones become placeholders. */
const RESOURCE_SIZE_CAP = 5 * 1024 * 1024;
const RESOURCE_TIMEOUT_MS = 10_000;

/** Full-page progress goes on the toolbar badge: visible to the reviewer, never in the screenshot. */
async function showProgress(tabId: number, done: number, total: number): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: done >= total ? '' : `${done}/${total}` }).catch(() => undefined);
}

export function cancelCapture(tabId: number): boolean {
  return running.cancel(tabId);
}

async function pngFromCanvas(canvas: OffscreenCanvas): Promise<Uint8Array> {
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
}

const decode = (png: Uint8Array) => createImageBitmap(new Blob([png as BlobPart], { type: 'image/png' }));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export async function withQuotaRetry<T>(fn: () => Promise<T>, checkAbort: () => void): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await fn();
    } catch (e) {
      if (!isQuotaError(e) || attempt >= 3) throw e;
      await sleep(600 * 2 ** attempt);
      checkAbort();
    }
  }
}

type CaptureTab = { id: number; windowId: number; url: string | null };

/**
 * captureVisibleTab shoots whatever tab is in front of the window: before every shot (tiles and
 * quota retries included) make sure that is still our tab, at the same URL.
 */
async function assertStillInFront(tab: CaptureTab, onChanged: () => void): Promise<void> {
  const [active] = await browser.tabs.query({ active: true, windowId: tab.windowId });
  if (!active || active.id !== tab.id || (tab.url && active.url && active.url !== tab.url)) {
    onChanged();
    throw new CaptureCancelledError();
  }
}

/** Scrolls the page tile by tile (after its lazy content is loaded) and stitches the shots, then restores the reviewer's place. */
async function captureFullPage(
  tabId: number,
  signal: AbortSignal,
  checkAbort: () => void,
  shoot: () => Promise<Uint8Array>,
): Promise<{ parts: Uint8Array[]; tiles: number }> {
  // Remember where the reviewer was before the lazy-load pass scrolls the page.
  const start = await sendToTab(tabId, 'page/metrics', {});
  const restore = async () => {
    await sendToTab(tabId, 'page/restore', { y: start.scrollY }).catch(() => undefined);
  };
  let m: typeof start;
  try {
    checkAbort();
    await sendToTab(tabId, 'page/prepare-fullpage', {});
    m = await sendToTab(tabId, 'page/metrics', {});
    checkAbort();
  } catch (e) {
    await restore();
    throw e;
  }
  const plan = planFullPage({
    pageHeight: m.pageHeight,
    viewportHeight: m.viewportHeight,
    viewportWidth: m.viewportWidth,
    dpr: m.dpr,
    fixedTop: m.fixedTop,
    fixedBottom: m.fixedBottom,
  });
  return stitchFullPage(plan, {
    scrollTo: async (y) => (await sendToTab(tabId, 'page/scroll-to', { y })).y,
    capture: shoot,
    decode,
    createCanvas: (w, h) => new OffscreenCanvas(w, h),
    encode: pngFromCanvas,
    restore,
    sleep,
    now: () => performance.now(),
    signal,
    onProgress: (done, total) => void showProgress(tabId, done, total),
  });
}

function browserDeps(
  db: ItaDb,
  tab: CaptureTab,
  homeUrl: Promise<string>,
  signal: AbortSignal,
  onTabChanged: () => void,
  shot?: Uint8Array,
): CaptureDeps {
  const checkAbort = () => {
    if (signal.aborted) throw new CaptureCancelledError();
  };
  const shoot = async () => {
    checkAbort();
    await assertStillInFront(tab, onTabChanged);
    return captureVisiblePng(tab.windowId);
  };
  return {
    db,
    now: () => new Date(),
    newId: () => crypto.randomUUID(),
    extensionVersion: extensionVersion(),
    userAgent: navigator.userAgent,
    timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
    tabUrl: tab.url,
    captureViewport: async () => {
      checkAbort();
      // Taken when the form opened (or just now, with the overlay hidden): the page as the officer chose it.
      if (shot) return shot;
      return withQuotaRetry(shoot, checkAbort);
    },
    captureFullPage: () => captureFullPage(tab.id, signal, checkAbort, shoot),
    cropRegion: async (png, r, dpr) => {
      const img = await decode(png);
      const sx = Math.max(0, Math.round(r.x * dpr));
      const sy = Math.max(0, Math.round(r.y * dpr));
      const w = Math.max(1, Math.min(img.width - sx, Math.round(r.width * dpr)));
      const h = Math.max(1, Math.min(img.height - sy, Math.round(r.height * dpr)));
      const canvas = new OffscreenCanvas(w, h);
      canvas.getContext('2d')!.drawImage(img, sx, sy, w, h, 0, 0, w, h);
      img.close();
      return pngFromCanvas(canvas);
    },
    fetchDocument: async (url) => {
      checkAbort();
      const { res, url: finalUrl } = await fetchUnderPolicy(
        url,
        { tabUrl: tab.url, homeUrl: await homeUrl.catch(() => '') },
        signal,
      );
      return { bytes: await readCappedDocument(res), contentType: res.headers.get('content-type'), finalUrl };
    },
    // What the page snapshot loads (stylesheets, fonts, images), inlined under the same policy.
    fetchResource: async (url) => {
      checkAbort();
      const perResource = AbortSignal.any([signal, AbortSignal.timeout(RESOURCE_TIMEOUT_MS)]);
      const { res, url: finalUrl } = await fetchUnderPolicy(
        url,
        { tabUrl: tab.url, homeUrl: await homeUrl.catch(() => '') },
        perResource,
      );
      return {
        bytes: await readCappedDocument(res, RESOURCE_SIZE_CAP),
        contentType: res.headers.get('content-type'),
        url: finalUrl,
      };
    },
    clickPath: async () => pathForTab(tab.id, tab.url ?? '', await homeUrl),
  };
}

/** One capture per tab at a time; navigation away cancels it; nothing is stored unless it all worked. */
export async function handleCapture(
  db: ItaDb,
  req: CaptureRequest,
  tab: CaptureTab,
  shot?: Uint8Array,
): Promise<CaptureResult> {
  const controller = await running.acquire(tab.id);
  if (!controller) return { ok: false, code: 'failed', detail: 'busy' };
  let tabChanged = false;
  const onTabChanged = () => {
    tabChanged = true;
    controller.abort();
  };
  const onUpdated = (tabId: number, info: { url?: string; status?: string }) => {
    if (tabId === tab.id && (info.url || info.status === 'loading')) controller.abort();
  };
  const onActivated = (info: { tabId: number; windowId: number }) => {
    if (info.windowId === tab.windowId && info.tabId !== tab.id) onTabChanged();
  };
  browser.tabs.onUpdated.addListener(onUpdated);
  browser.tabs.onActivated.addListener(onActivated);
  try {
    const settings = loadSettings(db);
    settings.catch(() => undefined);
    const record = await runCapture(
      req,
      browserDeps(
        db,
        tab,
        settings.then((s) => s.homeUrl),
        controller.signal,
        onTabChanged,
        shot,
      ),
    );
    if ((await settings).lastCaptureMode !== req.mode) await saveSettings(db, { lastCaptureMode: req.mode });
    return {
      ok: true,
      evidenceId: record.id,
      artifacts: record.artifacts.length,
      reachedFromHome: record.reachedFromHome,
    };
  } catch (e) {
    if (controller.signal.aborted)
      return { ok: false, code: 'cancelled', ...(tabChanged ? { detail: 'tab-changed' } : {}) };
    const code = captureErrorCode(e);
    // The page can read the status line: URLs and HTTP statuses stay in the background console.
    console.warn('[ita-evidence] capture failed', code, e, (e as { cause?: unknown })?.cause ?? '');
    return { ok: false, code, detail: e instanceof Error ? e.message : String(e) };
  } finally {
    browser.tabs.onUpdated.removeListener(onUpdated);
    browser.tabs.onActivated.removeListener(onActivated);
    void browser.action.setBadgeText({ tabId: tab.id, text: '' }).catch(() => undefined);
    running.release(tab.id, controller);
  }
}

/**
 * A page kept removing the overlay, so it stopped coming back: say on the toolbar button and in
 * the side panel how to tag that page all the same (context menu, toolbar button).
 */
export async function reportGaveUp(db: ItaDb, tab: { id: number; url?: string }): Promise<void> {
  const s = await loadSettings(db).catch(() => null);
  const lang = resolveLanguage(s?.language ?? 'auto', navigator.language);
  const message = FORM_STRINGS[lang].gaveUp;
  await browser.action.setTitle({ tabId: tab.id, title: message }).catch(() => undefined);
  await browser.storage.session
    .set({
      lastTagError: {
        tabId: tab.id,
        url: tab.url ?? '',
        code: 'overlay-removed',
        message,
        at: new Date().toISOString(),
      },
    })
    .catch(() => undefined);
}

/**
 * The toolbar button could not put the form on the page (chrome://, the Web Store, a page the
 * browser protects): say so on the button itself, and leave the reason for the side panel.
 */
export async function reportTagFailure(db: ItaDb, tab: { id: number; url?: string }, error: unknown): Promise<void> {
  const code = captureErrorCode(error);
  const s = await loadSettings(db).catch(() => null);
  const lang = resolveLanguage(s?.language ?? 'auto', navigator.language);
  const message = captureMessage(code === 'permission-missing' ? 'permission-missing' : 'restricted-page', lang, {
    url: tab.url ?? '',
  });
  await browser.action.setBadgeBackgroundColor({ tabId: tab.id, color: '#a93226' }).catch(() => undefined);
  await browser.action.setBadgeText({ tabId: tab.id, text: '!' }).catch(() => undefined);
  await browser.action.setTitle({ tabId: tab.id, title: message }).catch(() => undefined);
  await browser.storage.session
    .set({ lastTagError: { tabId: tab.id, url: tab.url ?? '', code, message, at: new Date().toISOString() } })
    .catch(() => undefined);
}
