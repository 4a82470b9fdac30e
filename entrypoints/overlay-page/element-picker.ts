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

const BOX_STYLE =
  'position:fixed!important;pointer-events:none!important;z-index:2147483646!important;border:3px solid #f39c12!important;background:rgba(243,156,18,.15)!important;margin:0!important;padding:0!important;box-sizing:border-box!important;transform:none!important;opacity:1!important;';

/** The highlight box's style, shown over `r` (viewport CSS px). */
function boxStyleAt(r: { left: number; top: number; width: number; height: number }): string {
  return `${BOX_STYLE}display:block!important;left:${r.left}px!important;top:${r.top}px!important;width:${r.width}px!important;height:${r.height}px!important`;
}

/** The rectangle dragged from `from` to the pointer, at least 1 px each way, clamped to the viewport's top left. */
function dragRegion(from: { x: number; y: number }, to: { clientX: number; clientY: number }): Region {
  const x = Math.max(0, Math.min(from.x, to.clientX));
  const y = Math.max(0, Math.min(from.y, to.clientY));
  return {
    x,
    y,
    width: Math.max(1, Math.abs(to.clientX - from.x)),
    height: Math.max(1, Math.abs(to.clientY - from.y)),
  };
}

/** `el` widened `level` times to its parent, never to the root element. */
function widened(el: Element | null, level: number, root: Element): Element | null {
  for (let i = 0; i < level && el?.parentElement && el.parentElement !== root; i++) el = el.parentElement;
  return el;
}

/** The block after (or before) `from` in `blocks`, wrapping around; the first (or last) when `from` is not one. */
function nextBlock(blocks: Element[], from: Element | null, dir: 1 | -1): Element | undefined {
  const at = from ? blocks.indexOf(from) : -1;
  return blocks[at < 0 ? (dir > 0 ? 0 : blocks.length - 1) : (at + dir + blocks.length) % blocks.length];
}

/** The block in the middle of the screen, to start from, so that Enter alone takes something sensible. */
function middleBlock(doc: Document, exclude: Element): Element | null {
  const mid = doc.elementFromPoint(innerWidth / 2, innerHeight / 2);
  return mid && !exclude.contains(mid) && mid !== doc.documentElement && mid !== doc.body ? mid : null;
}

function swallow(e: Event): void {
  e.preventDefault();
  e.stopPropagation();
}

/** The click that follows a drag's mouseup must not reach the page either. */
function swallowNextClick(doc: Document): void {
  const once = (e: Event) => swallow(e);
  doc.addEventListener('click', once, { capture: true, once: true });
  setTimeout(() => doc.removeEventListener('click', once, true), 500);
}

type PickListeners = {
  mousedown(e: MouseEvent): void;
  mouseup(e: MouseEvent): void;
  mousemove(e: MouseEvent): void;
  click(e: MouseEvent): void;
  keydown(e: KeyboardEvent): void;
};

/** Adds or removes the picker's listeners, in the capture phase so that the page's handlers never see the events. */
function listenAll(doc: Document, listeners: PickListeners, on: boolean): void {
  for (const [type, fn] of Object.entries(listeners) as [keyof PickListeners, EventListener][])
    if (on) doc.addEventListener(type, fn, true);
    else doc.removeEventListener(type, fn, true);
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
    box.setAttribute('style', `${BOX_STYLE}display:none!important`);
    doc.documentElement.appendChild(box);
    let base: Element | null = null;
    let level = 0;
    const current = () => widened(base, level, doc.documentElement);
    const draw = () => {
      const el = current();
      if (el) box.setAttribute('style', boxStyleAt(el.getBoundingClientRect()));
    };
    let dragFrom: { x: number; y: number } | null = null;
    let dragging = false;
    const onDown = (e: MouseEvent) => {
      if (!e.isTrusted || e.button !== 0) return;
      swallow(e); // no text selection while dragging
      dragFrom = { x: e.clientX, y: e.clientY };
    };
    const onUp = (e: MouseEvent) => {
      if (!e.isTrusted || !dragging) return;
      swallow(e);
      swallowNextClick(doc);
      finish(dragRegion(dragFrom!, e));
    };
    const onMove = (e: MouseEvent) => {
      const far = (from: { x: number; y: number }) =>
        Math.hypot(e.clientX - from.x, e.clientY - from.y) > DRAG_THRESHOLD;
      if (dragFrom && e.buttons & 1 && (dragging || far(dragFrom))) {
        dragging = true;
        const r = dragRegion(dragFrom, e);
        box.setAttribute('style', boxStyleAt({ left: r.x, top: r.y, width: r.width, height: r.height }));
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
      listenAll(doc, listeners, false);
      box.remove();
      resolve(el);
    };
    const onClick = (e: MouseEvent) => {
      if (!e.isTrusted) return;
      swallow(e);
      dragFrom = null;
      onMove(e);
      finish(current());
    };
    const blocks = keyboardBlocks(doc, exclude);
    const step = (dir: 1 | -1) => {
      const next = nextBlock(blocks, base, dir);
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
      swallow(e);
      draw();
    };
    base = middleBlock(doc, exclude);
    draw();
    const listeners = { mousedown: onDown, mouseup: onUp, mousemove: onMove, click: onClick, keydown: onKey };
    listenAll(doc, listeners, true);
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
