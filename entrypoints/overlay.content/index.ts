import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/platform/messaging';
import { OVERLAY_STRINGS } from '../../lib/i18n/overlay-strings';
import { createHost, OVERLAY_CSS, type OverlayHost } from './host';
import { handlePageMessage } from './page-commands';
import { trackLinkClicks } from './trail';

/**
 * Always-present part of the overlay: the "Tag this page" button, navigation trail and the page
 * commands used by full-page capture. The form itself is injected lazily (overlay-form.js).
 * Injected by the background once a page of the configured site has loaded (entrypoints/background/site-overlay.ts),
 * and on demand elsewhere (toolbar button, shortcut). `registration: runtime` keeps it out of the manifest.
 */
export interface OverlayGlobal {
  overlay: OverlayHost;
  lang: 'th' | 'en';
  openForm(): void;
}

declare global {
  // The isolated world's global, shared with overlay-form.js; invisible to page scripts.
  var __itaEvidence: OverlayGlobal | undefined;
  var __itaEvidenceStarting: boolean | undefined;
}

export default defineContentScript({
  registration: 'runtime',
  main() {
    // Injected twice (site watcher and toolbar button): the first one wins.
    if (globalThis.__itaEvidence || globalThis.__itaEvidenceStarting) return;
    globalThis.__itaEvidenceStarting = true;
    afterLoad(() => void start());
  },
});

/** A page nobody tags should not wait for us: start after its load event (or after 3 s at most). */
function afterLoad(run: () => void): void {
  if (document.readyState === 'complete') return run();
  let done = false;
  const once = () => {
    if (done) return;
    done = true;
    run();
  };
  addEventListener('load', () => setTimeout(once, 0), { once: true });
  setTimeout(once, 3000);
}

async function start(): Promise<void> {
  const config = await sendToBackground('overlay/config', {}).catch(() => null);
  const lang = config?.language ?? 'th';
  const overlay = createHost(document);
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  const button = document.createElement('button');
  button.className = 'fab';
  button.type = 'button';
  button.textContent = OVERLAY_STRINGS[lang].tagButton;
  overlay.root.append(style, button);

  const g: OverlayGlobal = {
    overlay,
    lang,
    openForm() {
      button.hidden = true;
      void sendToBackground('overlay/open-form', {});
    },
  };
  globalThis.__itaEvidence = g;
  button.addEventListener('click', (e) => {
    if (e.isTrusted) g.openForm();
  });

  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || sender.tab) return false;
    const reply = handlePageMessage(msg, overlay);
    if (!reply) return false;
    reply.then(sendResponse, (e: unknown) => sendResponse({ error: String(e) }));
    return true;
  });

  void sendToBackground('trail/event', { url: location.href, linkText: '', fromUrl: document.referrer.startsWith('http') ? document.referrer : '', via: 'load' }).catch(() => {});
  trackLinkClicks(document, (ev) => void sendToBackground('trail/event', ev).catch(() => {}));
}
