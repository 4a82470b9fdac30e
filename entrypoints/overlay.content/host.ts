/**
 * The overlay's host element: a shadow root attached to <html> (hostile pages remove what is
 * added to <body>), fixed so it causes no layout shift, styles isolated from the page.
 */
const HOST_STYLE = [
  'all: initial', 'position: fixed', 'right: 16px', 'bottom: 16px', 'z-index: 2147483647',
  'display: block', 'width: auto', 'height: auto', 'margin: 0', 'padding: 0', 'border: 0',
  'transform: none', 'filter: none', 'opacity: 1', 'visibility: visible', 'pointer-events: auto',
].map((d) => `${d} !important`).join('; ');

export interface OverlayHost {
  host: HTMLElement;
  root: ShadowRoot;
  setHidden(hidden: boolean): void;
  /** The host's style attribute is still exactly what we set (page script can rewrite it). */
  styleIntact(): boolean;
  destroy(): void;
}

export function createHost(doc: Document): OverlayHost {
  const host = doc.createElement('ita-evidence-overlay');
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('data-ita-evidence', '');
  // Open on purpose: screen readers and other assistive technology, and Playwright in our e2e
  // tests, must reach the controls. A closed root would not stop a hostile page anyway (it can
  // hook attachShadow before we run in some browsers, and it can always paint over us). The price
  // is that page script can read and edit our nodes, so the form (overlay-form/) keeps all its
  // state in JS and never reads it back from the DOM, every handler ignores untrusted events,
  // Save first checks that the form is untampered and visible (tamper-guard.ts), and the
  // background validates every message and applies its own fetch policy whatever the overlay says.
  const root = host.attachShadow({ mode: 'open' });
  const attach = () => {
    if (!host.isConnected) doc.documentElement.appendChild(host);
  };
  attach();
  // Re-attach when page script removes us. Appended after <body>, we paint above page layers of equal z-index.
  const observer = new MutationObserver(() => {
    if (!host.isConnected) attach();
  });
  observer.observe(doc.documentElement, { childList: true });
  let hidden = false;
  const expected = () => HOST_STYLE + (hidden ? '; visibility: hidden !important' : '');
  return {
    host,
    root,
    setHidden(h) {
      hidden = h;
      host.setAttribute('style', expected());
    },
    styleIntact() {
      return host.getAttribute('style') === expected();
    },
    destroy() {
      observer.disconnect();
      host.remove();
    },
  };
}

export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; font-family: "Sarabun", "Loma", "Garuda", "Tahoma", system-ui, sans-serif; }
.fab { font: 600 15px/1.2 inherit; color: #fff; background: #1a5276; border: 2px solid #fff; border-radius: 24px;
  padding: 10px 16px; cursor: pointer; box-shadow: 0 2px 8px rgba(0,0,0,.35); }
.fab:focus-visible, button:focus-visible, input:focus-visible, textarea:focus-visible { outline: 3px solid #f39c12; outline-offset: 2px; }
`;
