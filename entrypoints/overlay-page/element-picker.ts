import type { Region } from '../../lib/messages/protocol';

const DRAG_THRESHOLD = 8;

/** Blocks a keyboard user can step through with Tab: visible, of a useful size, in document order. */
export function keyboardBlocks(doc: Document, exclude: Element): Element[] {
  const out: Element[] = [];
  for (const el of doc.body?.querySelectorAll(
    'h1, h2, h3, h4, p, table, ul, ol, dl, section, article, figure, img, form, address, main > div, article > div',
  ) ?? []) {
    if (exclude.contains(el)) continue;
    const r = el.getBoundingClientRect();
    if (r.width >= 40 && r.height >= 16) out.push(el);
    if (out.length >= 2000) break;
  }
  return out;
}

/**
 * Lets the reviewer click a block of the page, or drag a rectangle over it; ArrowUp/ArrowDown
 * widen or narrow a clicked choice to the parent or back, Enter takes it. Without a mouse, the
 * block at the middle of the screen starts chosen and Tab / Shift+Tab step to the next or
 * previous block (WCAG 2.1.1). Resolves with the element, the dragged rectangle (viewport CSS
 * px), or null on Escape. Page handlers never see the clicks: we stop them in the capture phase.
 */
export function pickElement(doc: Document, exclude: Element): Promise<Element | Region | null> {
  return new Promise((resolve) => {
    const box = doc.createElement('ita-evidence-pick');
    const BOX_STYLE =
      'position:fixed!important;pointer-events:none!important;z-index:2147483646!important;border:3px solid #f39c12!important;background:rgba(243,156,18,.15)!important;margin:0!important;padding:0!important;box-sizing:border-box!important;transform:none!important;opacity:1!important;';
    box.setAttribute('style', `${BOX_STYLE}display:none!important`);
    doc.documentElement.appendChild(box);
    let base: Element | null = null;
    let level = 0;
    const current = (): Element | null => {
      let el = base;
      for (let i = 0; i < level && el?.parentElement && el.parentElement !== doc.documentElement; i++)
        el = el.parentElement;
      return el;
    };
    const draw = () => {
      const el = current();
      if (!el) return;
      const r = el.getBoundingClientRect();
      box.setAttribute(
        'style',
        `${BOX_STYLE}display:block!important;left:${r.left}px!important;top:${r.top}px!important;width:${r.width}px!important;height:${r.height}px!important`,
      );
    };
    let dragFrom: { x: number; y: number } | null = null;
    let dragging = false;
    const dragRect = (e: MouseEvent): Region => {
      const x = Math.max(0, Math.min(dragFrom!.x, e.clientX));
      const y = Math.max(0, Math.min(dragFrom!.y, e.clientY));
      return {
        x,
        y,
        width: Math.max(1, Math.abs(e.clientX - dragFrom!.x)),
        height: Math.max(1, Math.abs(e.clientY - dragFrom!.y)),
      };
    };
    const onDown = (e: MouseEvent) => {
      if (!e.isTrusted || e.button !== 0) return;
      e.preventDefault(); // no text selection while dragging
      e.stopPropagation();
      dragFrom = { x: e.clientX, y: e.clientY };
    };
    const onUp = (e: MouseEvent) => {
      if (!e.isTrusted || !dragging) return;
      e.preventDefault();
      e.stopPropagation();
      const rect = dragRect(e);
      // The click that follows this mouseup must not reach the page either.
      doc.addEventListener('click', swallow, { capture: true, once: true });
      setTimeout(() => doc.removeEventListener('click', swallow, true), 500);
      finish(rect);
    };
    const swallow = (e: Event) => {
      e.preventDefault();
      e.stopPropagation();
    };
    const onMove = (e: MouseEvent) => {
      if (
        dragFrom &&
        e.buttons & 1 &&
        (dragging || Math.hypot(e.clientX - dragFrom.x, e.clientY - dragFrom.y) > DRAG_THRESHOLD)
      ) {
        dragging = true;
        const r = dragRect(e);
        box.setAttribute(
          'style',
          `${BOX_STYLE}display:block!important;left:${r.x}px!important;top:${r.y}px!important;width:${r.width}px!important;height:${r.height}px!important`,
        );
        return;
      }
      const el = doc.elementFromPoint(e.clientX, e.clientY);
      if (!el || exclude.contains(el) || el === box || el === base) return;
      // Keep a widened choice while the pointer stays inside it.
      if (level > 0 && current()?.contains(el)) return;
      base = el;
      level = 0;
      draw();
    };
    const finish = (el: Element | Region | null) => {
      doc.removeEventListener('mousedown', onDown, true);
      doc.removeEventListener('mouseup', onUp, true);
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
      dragFrom = null;
      onMove(e);
      finish(current());
    };
    const blocks = keyboardBlocks(doc, exclude);
    const step = (dir: 1 | -1) => {
      const at = base ? blocks.indexOf(base) : -1;
      const next = blocks[at < 0 ? (dir > 0 ? 0 : blocks.length - 1) : (at + dir + blocks.length) % blocks.length];
      if (!next) return;
      base = next;
      level = 0;
      next.scrollIntoView({ block: 'nearest', behavior: 'instant' });
    };
    const onKey = (e: KeyboardEvent) => {
      if (!e.isTrusted) return;
      if (e.key === 'Escape') finish(null);
      else if (e.key === 'Tab') step(e.shiftKey ? -1 : 1);
      else if (e.key === 'Enter' && base) finish(current());
      else if (e.key === 'ArrowUp' && base) level++;
      else if (e.key === 'ArrowDown') level = Math.max(0, level - 1);
      else return;
      e.preventDefault();
      e.stopPropagation();
      draw();
    };
    // Start from the block in the middle of the screen, so that Enter alone takes something sensible.
    const mid = doc.elementFromPoint(innerWidth / 2, innerHeight / 2);
    if (mid && !exclude.contains(mid) && mid !== doc.documentElement && mid !== doc.body) {
      base = mid;
      draw();
    }
    doc.addEventListener('mousedown', onDown, true);
    doc.addEventListener('mouseup', onUp, true);
    doc.addEventListener('mousemove', onMove, true);
    doc.addEventListener('click', onClick, true);
    doc.addEventListener('keydown', onKey, true);
  });
}

/** Scrolls the element into view and returns its rectangle within the viewport (clamped). */
export async function regionOf(el: Element): Promise<{ region: Region; fits: boolean }> {
  // 'nearest' leaves a visible element where it is (under no fixed header it was not under before).
  el.scrollIntoView({ block: 'nearest', inline: 'nearest', behavior: 'instant' });
  await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
  const r = el.getBoundingClientRect();
  const fits = r.height <= window.innerHeight && r.width <= window.innerWidth;
  const x = Math.max(0, r.left);
  const y = Math.max(0, r.top);
  return {
    region: {
      x,
      y,
      width: Math.max(1, Math.min(window.innerWidth, r.right) - x),
      height: Math.max(1, Math.min(window.innerHeight, r.bottom) - y),
    },
    fits,
  };
}
