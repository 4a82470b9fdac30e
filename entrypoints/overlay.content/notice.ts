import type { OverlayHost } from './host';

const NOTICE_MS = 15_000;

/** A message beside the "Tag this page" button (role alert), for when the form could not open. */
export function showNotice(overlay: OverlayHost, text: string): HTMLElement {
  for (const n of overlay.root.querySelectorAll('.notice')) n.remove();
  const notice = overlay.root.ownerDocument.createElement('div');
  notice.className = 'notice';
  notice.setAttribute('role', 'alert');
  notice.textContent = text;
  overlay.root.prepend(notice);
  setTimeout(() => notice.remove(), NOTICE_MS);
  return notice;
}
