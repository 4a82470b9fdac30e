/**
 * Clickjacking guard from inside the frame: IntersectionObserver v2 (Chromium) tells a frame
 * whether the page covers it, even with a pointer-events:none layer, or has made it transparent
 * or transformed it. Observing the form's outermost box means our own popups never count as
 * covering it; the form's document never scrolls (its fields scroll inside it), so that box is
 * never partly scrolled out of the frame either. Where the browser has no v2, the overlay's check
 * (overlay.content/frame.ts) runs at Save all the same. Returns whether the element was last seen
 * plainly visible.
 */
export function watchVisibility(el: Element): () => boolean {
  if (typeof IntersectionObserverEntry === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype))
    return () => true;
  let visible = true;
  try {
    new IntersectionObserver(
      (entries) => {
        const last: (IntersectionObserverEntry & { isVisible?: boolean }) | undefined = entries.at(-1);
        if (last) visible = last.isVisible !== false;
      },
      { trackVisibility: true, delay: 100 } as IntersectionObserverInit,
    ).observe(el);
  } catch {
    /* no v2 after all */
  }
  return () => visible;
}
