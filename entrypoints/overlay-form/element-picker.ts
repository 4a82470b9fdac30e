import type { Region } from '../../lib/messages/protocol';

/**
 * Lets the reviewer click a block of the page. Resolves with the element, or null on Escape.
 * Page handlers never see the click: we stop it in the capture phase.
 */
export function pickElement(doc: Document, exclude: Element): Promise<Element | null> {
  return new Promise((resolve) => {
    const box = doc.createElement('div');
    box.setAttribute('data-ita-evidence', '');
    box.setAttribute('style', 'position:fixed!important;pointer-events:none!important;z-index:2147483646!important;border:3px solid #f39c12!important;background:rgba(243,156,18,.15)!important;display:none');
    doc.documentElement.appendChild(box);
    let current: Element | null = null;
    const onMove = (e: MouseEvent) => {
      const el = doc.elementFromPoint(e.clientX, e.clientY);
      if (!el || exclude.contains(el) || el === box) return;
      current = el;
      const r = el.getBoundingClientRect();
      box.style.cssText += `;display:block!important;left:${r.left}px;top:${r.top}px;width:${r.width}px;height:${r.height}px`;
    };
    const finish = (el: Element | null) => {
      doc.removeEventListener('mousemove', onMove, true);
      doc.removeEventListener('click', onClick, true);
      doc.removeEventListener('keydown', onKey, true);
      box.remove();
      resolve(el);
    };
    const onClick = (e: MouseEvent) => {
      if (!e.isTrusted) return;
      e.preventDefault();
      e.stopPropagation();
      onMove(e);
      finish(current);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') finish(null);
    };
    doc.addEventListener('mousemove', onMove, true);
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKey, true);
  });
}

/** Scrolls the element into view and returns its rectangle within the viewport (clamped). */
export async function regionOf(el: Element): Promise<{ region: Region; fits: boolean }> {
  el.scrollIntoView({ block: 'start', inline: 'nearest', behavior: 'instant' });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const r = el.getBoundingClientRect();
  const fits = r.height <= window.innerHeight && r.width <= window.innerWidth;
  const x = Math.max(0, r.left);
  const y = Math.max(0, r.top);
  return {
    region: { x, y, width: Math.max(1, Math.min(window.innerWidth, r.right) - x), height: Math.max(1, Math.min(window.innerHeight, r.bottom) - y) },
    fits,
  };
}
