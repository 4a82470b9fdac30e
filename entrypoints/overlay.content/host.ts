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
  destroy(): void;
}

export function createHost(doc: Document): OverlayHost {
  const host = doc.createElement('ita-evidence-overlay');
  host.setAttribute('style', HOST_STYLE);
  host.setAttribute('data-ita-evidence', '');
  // Open, so that assistive technology and automation can reach the controls. Page scripts could
  // reach in too, so every action handler ignores untrusted (synthetic) events, and the
  // background validates every message whatever the overlay says.
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
  return {
    host,
    root,
    setHidden(h) {
      hidden = h;
      host.setAttribute('style', HOST_STYLE + (hidden ? '; visibility: hidden !important' : ''));
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
