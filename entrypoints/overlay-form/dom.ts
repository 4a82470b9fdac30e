/** Every element the form builds: anything else found in our shadow root was put there by the page. */
export const ownElements = new WeakSet<Element>();

type Attrs = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** Tiny element builder: text is always set as textContent, never parsed as HTML. */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Attrs = {},
  ...children: (Node | string | null | false)[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  ownElements.add(el);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (typeof v === 'function') el.addEventListener(k.replace(/^on/, '').toLowerCase(), v);
    else if (v === true) el.setAttribute(k, '');
    else el.setAttribute(k, String(v));
  }
  for (const c of children) if (c !== null && c !== false) el.append(c);
  return el;
}

let counter = 0;
export const uid = (p: string) => `ita-${p}-${++counter}`;
