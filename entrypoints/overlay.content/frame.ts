import type { FormLayout } from '../../lib/messages/protocol';
import { formFrameOrigin, formPageUrl } from '../../lib/platform/adapter';
import type { OverlayHost } from './host';

/**
 * Places the tagging form, an extension-origin page, in a frame inside our shadow root. The page
 * can remove or cover the frame but cannot read or change what is in it. The frame works only
 * with the one-time token the background gave for this opening; it gets it by postMessage after
 * loading, so the token never appears in the DOM for page script to copy into a frame of its own.
 */
export interface FormFrame {
  show(token: string, title: string): void;
  layout(mode: FormLayout, height: number): void;
  close(): void;
  isOpen(): boolean;
  focus(): void;
  /** Why the frame is not plainly visible on top right now (clickjacking guard), or null. */
  check(): string | null;
}

const WIDTH: Record<FormLayout, number> = { dialog: 460, toast: 420, picking: 0 };

/**
 * The form reports its size as soon as it has drawn itself. A frame that has not done so by then
 * failed to load (a script error in the form, a browser quirk): the officer gets the button back
 * and a message, not an empty frame.
 */
export const FORM_READY_MS = 8000;

/** A frame of the form page that hands the token to the form once it has loaded. */
function formIframe(token: string, title: string): HTMLIFrameElement {
  const f = document.createElement('iframe');
  f.title = title;
  f.name = 'ita-evidence-form';
  f.style.width = `${WIDTH.dialog}px`;
  f.style.height = '120px';
  f.addEventListener(
    'load',
    () => {
      f.contentWindow?.postMessage({ itaToken: token }, formFrameOrigin());
      f.focus();
    },
    { once: true },
  );
  f.src = formPageUrl();
  return f;
}

/** Why the frame is not plainly visible on top, or null (see FormFrame.check). */
function frameProblem(overlay: OverlayHost, f: HTMLIFrameElement): string | null {
  if (!f.isConnected || !overlay.host.isConnected) return 'removed';
  if (!overlay.styleIntact()) return 'host-style';
  for (let el: Element | null = f; el; el = el.parentElement ?? (el.getRootNode() as ShadowRoot).host ?? null) {
    const cs = getComputedStyle(el);
    if (cs.opacity !== '1' || cs.display === 'none' || cs.visibility !== 'visible') return 'not-visible';
    if ((cs.filter && cs.filter !== 'none') || (cs.clipPath && cs.clipPath !== 'none')) return 'not-visible';
    if (el !== document.documentElement && cs.transform && cs.transform !== 'none') return 'not-visible';
  }
  const r = f.getBoundingClientRect();
  if (r.width < 200 || r.height < 40 || r.left < 0 || r.top < 0 || r.right > innerWidth || r.bottom > innerHeight)
    return 'not-visible';
  // Nothing of the page's is on top of us (elementFromPoint retargets our shadow content to the host).
  const points: [number, number][] = [
    [r.left + r.width / 2, r.top + r.height / 2],
    [r.left + 8, r.top + 8],
    [r.right - 8, r.top + 8],
    [r.left + 8, r.bottom - 8],
    [r.right - 8, r.bottom - 8],
  ];
  for (const [x, y] of points) if (document.elementFromPoint(x, y) !== overlay.host) return 'covered';
  return null;
}

export function createFormFrame(
  overlay: OverlayHost,
  fab: HTMLButtonElement,
  onFailed: () => void = () => undefined,
): FormFrame {
  let frame: HTMLIFrameElement | null = null;
  let readyTimer: ReturnType<typeof setTimeout> | undefined;

  const close = () => {
    clearTimeout(readyTimer);
    const hadFocus = frame !== null && overlay.root.activeElement === frame;
    frame?.remove();
    frame = null;
    fab.hidden = false;
    if (hadFocus || document.activeElement === document.body || document.activeElement === overlay.host) fab.focus();
  };

  return {
    show(token, title) {
      frame?.remove();
      const f = formIframe(token, title);
      fab.hidden = true;
      overlay.root.append(f);
      frame = f;
      clearTimeout(readyTimer);
      readyTimer = setTimeout(() => {
        if (frame !== f) return;
        close();
        onFailed();
      }, FORM_READY_MS);
    },
    layout(mode, height) {
      if (!frame) return;
      clearTimeout(readyTimer);
      frame.hidden = mode === 'picking';
      if (mode === 'picking') return;
      frame.style.width = `${WIDTH[mode]}px`;
      frame.style.height = `${Math.max(60, Math.min(Math.ceil(height), innerHeight - 32))}px`;
    },
    close,
    isOpen: () => frame !== null,
    focus() {
      frame?.focus();
    },
    check: () => (frame ? frameProblem(overlay, frame) : 'removed'),
  };
}
