/**
 * The overlay's host element: a shadow root attached to <html> (hostile pages remove what is
 * added to <body>), fixed so it causes no layout shift, styles isolated from the page.
 */
const HOST_STYLE = [
  'all: initial',
  'position: fixed',
  'right: 16px',
  'bottom: 16px',
  'z-index: 2147483647',
  'display: block',
  'width: auto',
  'height: auto',
  'margin: 0',
  'padding: 0',
  'border: 0',
  'transform: none',
  'filter: none',
  'opacity: 1',
  'visibility: visible',
  'pointer-events: auto',
]
  .map((d) => `${d} !important`)
  .join('; ');

/** Re-attaching after the page removed us: at most this many times, further and further apart. */
export const REATTACH_DELAYS_MS = [0, 50, 150, 400, 1000, 2500];

export interface OverlayHost {
  host: HTMLElement;
  root: ShadowRoot;
  /**
   * Hides everything of ours for a capture. A rule of a constructed style sheet changes: no
   * attribute or node changes, so a page's MutationObserver sees nothing to react to.
   */
  setHidden(hidden: boolean): void;
  /** The host's style attribute is still exactly what we set (page script can rewrite it). */
  styleIntact(): boolean;
  destroy(): void;
}

export interface HostEvents {
  /** The page removed us again and again: we stopped re-attaching. */
  onGaveUp?(): void;
  /** We put ourselves back after the page removed us (a frame inside was reloaded). */
  onReattached?(): void;
}

export function createHost(doc: Document, events: HostEvents = {}): OverlayHost {
  const host = doc.createElement('ita-evidence-overlay');
  host.setAttribute('style', HOST_STYLE);
  // Open on purpose: screen readers and other assistive technology, and Playwright in our e2e
  // tests, must reach the controls. The page can read and remove the button, but the form lives
  // in an extension-origin frame (entrypoints/overlay-form) that page script cannot reach into.
  const root = host.attachShadow({ mode: 'open' });
  const hide = new CSSStyleSheet();
  root.adoptedStyleSheets = [hide];

  let attempts = 0;
  let attachedAt = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let gaveUp = false;
  const attach = () => {
    if (!host.isConnected) doc.documentElement.appendChild(host);
    attachedAt = Date.now();
  };
  attach();
  // Re-attach when page script removes us (appended after <body>, we paint above page layers of
  // equal z-index), but never fight a page that keeps removing us: a capped back-off, then stop.
  const observer = new MutationObserver(() => {
    if (host.isConnected || timer !== undefined || gaveUp) return;
    // A page that removed us once long ago (a re-rendering app) starts a fresh count.
    if (Date.now() - attachedAt > 30_000) attempts = 0;
    const delay = REATTACH_DELAYS_MS[attempts++];
    if (delay === undefined) {
      gaveUp = true;
      observer.disconnect();
      events.onGaveUp?.();
      return;
    }
    timer = setTimeout(() => {
      timer = undefined;
      attach();
      events.onReattached?.();
    }, delay);
  });
  observer.observe(doc.documentElement, { childList: true });
  return {
    host,
    root,
    setHidden(h) {
      hide.replaceSync(h ? ':host > * { opacity: 0 !important; }' : '');
    },
    styleIntact() {
      return host.getAttribute('style') === HOST_STYLE;
    },
    destroy() {
      observer.disconnect();
      clearTimeout(timer);
      host.remove();
    },
  };
}

export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: "Sarabun", "Loma", "Garuda", "Tahoma", system-ui, sans-serif; }
.fab { font: 600 15px/1.2 inherit; color: #fff; background: #1a5276; border: 2px solid #fff; border-radius: 24px;
  padding: 10px 16px; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.35); }
.fab:focus-visible, button:focus-visible { outline: 3px solid #f39c12; outline-offset: 2px; }
.fab[hidden], iframe[hidden], .pick-hint[hidden] { display: none; }
.notice { max-width: min(360px, calc(100vw - 32px)); margin: 0 0 8px; padding: 8px 12px; background: #fdedec; color: #7b241c; border: 2px solid #a93226; border-radius: 8px; font: 600 14px/1.4 inherit; }
iframe { display: block; border: 0; background: transparent; color-scheme: normal; max-width: calc(100vw - 32px); max-height: calc(100vh - 32px); }
.pick-hint { max-width: min(440px, calc(100vw - 32px)); padding: 8px 12px; background: #fff; color: #1b1b1b; border: 2px solid #f39c12;
  border-radius: 8px; font: 15px/1.4 inherit; box-shadow: 0 2px 8px rgba(0,0,0,.35); }
.pick-hint:focus { outline: 3px solid #f39c12; }
`;
