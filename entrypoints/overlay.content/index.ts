import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { sendToBackground } from '../../lib/platform/messaging';
import { PAGE_STRINGS } from '../../lib/i18n/overlay-strings';
import { createHost, OVERLAY_CSS, type OverlayHost } from './host';
import { createFormFrame, type FormFrame } from './frame';
import { showNotice } from './notice';
import { handlePageMessage } from './page-commands';
import { watchTrail } from '../trail.content/trail';

/**
 * Always-present part of the overlay: the "Tag this page" button, the frame that holds the
 * tagging form (entrypoints/overlay-form, an extension page), the navigation trail and the page
 * commands used by captures. The snapshot and element picker are injected on demand (overlay-page.js).
 * Injected by the background once a page of the configured site has loaded (entrypoints/background/site-overlay.ts),
 * and on demand elsewhere (toolbar button, shortcut, context menu). `registration: runtime` keeps it out of the manifest.
 */
export interface OverlayGlobal {
  overlay: OverlayHost;
  frame: FormFrame;
  lang: 'th' | 'en';
}

declare global {
  // The isolated world's global, shared with overlay-page.js; invisible to page scripts.
  var __itaEvidence: OverlayGlobal | undefined;
  var __itaEvidenceStarting: boolean | undefined;
}

export default defineContentScript({
  registration: 'runtime',
  main() {
    // Injected twice (site watcher and toolbar button): the first one wins.
    if (globalThis.__itaEvidence || globalThis.__itaEvidenceStarting) return;
    globalThis.__itaEvidenceStarting = true;
    // The trail at once (unless the site's trail script has it): a click must not slip past while the overlay starts.
    watchTrail();
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
  const t = PAGE_STRINGS[lang];
  let frame: FormFrame | null = null;
  const overlay = createHost(document, {
    onGaveUp: () => void sendToBackground('overlay/gave-up', {}).catch(() => undefined),
    // The page removed us with the form open: the frame reloaded empty, so ask for a fresh one
    // (the officer's input comes back from the draft kept for this page).
    onReattached: () => {
      if (frame?.isOpen()) void openForm();
    },
  });
  overlay.host.lang = lang;
  const style = document.createElement('style');
  style.textContent = OVERLAY_CSS;
  const button = document.createElement('button');
  button.className = 'fab';
  button.type = 'button';
  button.textContent = t.tagButton;
  const pickHint = document.createElement('div');
  pickHint.className = 'pick-hint';
  pickHint.tabIndex = -1;
  pickHint.setAttribute('role', 'status');
  pickHint.textContent = t.pickElement;
  pickHint.hidden = true;
  overlay.root.append(style, pickHint, button);
  const formFailed = () => showNotice(overlay, t.formFailed);
  frame = createFormFrame(overlay, button, formFailed);
  const f = frame;

  const openForm = async () => {
    button.disabled = true;
    try {
      await sendToBackground('overlay/open-form', {});
    } catch (e) {
      console.warn('[ita-evidence] the tagging form could not open', e);
      button.hidden = false;
      formFailed();
    } finally {
      button.disabled = false;
    }
  };
  globalThis.__itaEvidence = { overlay, frame: f, lang };
  button.addEventListener('click', (e) => {
    if (!e.isTrusted) return;
    if (f.isOpen()) f.focus();
    else void openForm();
  });

  const ctx = {
    overlay,
    frame: f,
    pickHint,
    onCancelKey: () => void sendToBackground('capture/cancel', {}).catch(() => undefined),
  };
  browser.runtime.onMessage.addListener((msg: unknown, sender, sendResponse) => {
    if (sender.id !== browser.runtime.id || sender.tab) return false;
    const reply = handlePageMessage(msg, ctx);
    if (!reply) return false;
    reply.then(sendResponse, (e: unknown) => sendResponse({ error: String(e) }));
    return true;
  });
}
