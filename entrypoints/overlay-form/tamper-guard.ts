import { ownElements } from './dom';

/**
 * Our shadow root is open (see overlay.content/host.ts), so page script can add a <style> that
 * makes Save invisible and stretches it over the page, so that the reviewer's next real click
 * lands on it (clickjacking). The guard watches the root for changes we did not make, and
 * `checkSave` verifies, right before a Save is acted on, that the button is really visible.
 */
export type TamperReason = 'foreign-node' | 'foreign-style' | 'style-attribute' | 'host-style' | 'not-visible' | 'not-under-pointer';

export interface TamperGuard {
  /** A <style> we add ourselves; its rules are fingerprinted now. */
  ownStyle(style: HTMLStyleElement): void;
  /** Elements whose text we replace (status lines): text nodes added there are ours. */
  ownText(el: Element): void;
  checkSave(save: HTMLElement, e: MouseEvent): Promise<TamperReason | null>;
  /** Stops watching and removes whatever the page added. */
  disconnect(): void;
}

const rulesOf = (style: HTMLStyleElement): string | null => {
  try {
    return style.sheet ? [...style.sheet.cssRules].map((r) => r.cssText).join('\n') : null;
  } catch {
    return null;
  }
};

export function guardShadowRoot(root: ShadowRoot, hostStyleIntact: () => boolean): TamperGuard {
  // What the overlay itself put there before the form opened: its <style> and its button.
  const top = [...root.children];
  const baseline = new WeakSet<Node>([top.find((n) => n.localName === 'style'), top.find((n) => n.matches('button.fab'))].filter((n): n is Element => !!n));
  const styles = new Map<HTMLStyleElement, string | null>();
  const textHosts = new WeakSet<Node>();
  let foreign: TamperReason | null = null;
  const isOurs = (n: Node) => baseline.has(n) || (n instanceof Element && ownElements.has(n));

  // Anything present at open beyond the overlay's <style> and button came from the page.
  if ([...root.querySelectorAll('*')].some((n) => !isOurs(n)) || root.querySelector('[style]')) foreign = 'foreign-node';
  for (const s of root.querySelectorAll('style')) styles.set(s, rulesOf(s));

  const flag = (r: TamperReason) => {
    foreign ??= r;
  };
  const inspect = (records: MutationRecord[]) => {
    for (const r of records) {
      if (r.type === 'attributes') flag('style-attribute');
      else if (r.type === 'characterData') flag('foreign-node');
      else {
        for (const n of r.addedNodes) {
          if (n.nodeType === Node.ELEMENT_NODE ? !isOurs(n) : !textHosts.has(r.target)) flag(n instanceof HTMLStyleElement || n instanceof HTMLLinkElement ? 'foreign-style' : 'foreign-node');
        }
        for (const n of r.removedNodes) if (n instanceof HTMLStyleElement && styles.has(n)) flag('foreign-style');
      }
    }
  };
  const observer = new MutationObserver(inspect);
  observer.observe(root, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['style'] });

  const stylesIntact = (): boolean => {
    if (root.adoptedStyleSheets.length) return false;
    for (const s of root.querySelectorAll('style, link')) {
      if (!(s instanceof HTMLStyleElement) || !styles.has(s) || rulesOf(s) !== styles.get(s)) return false;
    }
    return true;
  };

  return {
    ownStyle(style) {
      styles.set(style, rulesOf(style));
    },
    ownText(el) {
      textHosts.add(el);
    },
    async checkSave(save, e) {
      inspect(observer.takeRecords());
      if (foreign) return foreign;
      if (!stylesIntact()) return 'foreign-style';
      if (root.querySelector('[style]')) return 'style-attribute';
      if (!hostStyleIntact()) return 'host-style';
      const chain: Element[] = [];
      for (let el: Element | null = save; el; el = el.parentElement ?? ((el.getRootNode() as ShadowRoot).host ?? null)) chain.push(el);
      for (const el of chain) {
        const cs = getComputedStyle(el);
        if (cs.opacity !== '1' || (cs.filter !== 'none' && cs.filter !== '') || cs.display === 'none') return 'not-visible';
      }
      const cs = getComputedStyle(save);
      if (cs.visibility !== 'visible' || cs.pointerEvents === 'none') return 'not-visible';
      const r = save.getBoundingClientRect();
      if (r.width < 8 || r.height < 8 || r.width > innerWidth * 0.9 || r.height > innerHeight * 0.5) return 'not-visible';
      // Keyboard activation has no pointer position (detail 0, clientX = clientY = 0).
      if (e.detail > 0 || e.clientX || e.clientY) {
        const hit = root.elementFromPoint(e.clientX, e.clientY);
        if (!hit || (hit !== save && !save.contains(hit))) return 'not-under-pointer';
      }
      if ((await visibleV2(save)) === false) return 'not-visible';
      return null;
    },
    disconnect() {
      observer.disconnect();
      for (const el of [...root.querySelectorAll('*')]) if (!isOurs(el)) el.remove();
      root.adoptedStyleSheets = [];
    },
  };
}

/**
 * IntersectionObserver v2 (Chromium) also sees what elementFromPoint cannot: a page element
 * with pointer-events:none painted over us, or opacity/filters up the chain. null when the
 * browser has no v2 or gives no answer in time.
 */
function visibleV2(el: Element): Promise<boolean | null> {
  if (typeof IntersectionObserverEntry === 'undefined' || !('isVisible' in IntersectionObserverEntry.prototype)) return Promise.resolve(null);
  return new Promise((resolve) => {
    let io: IntersectionObserver | null = null;
    const done = (v: boolean | null) => {
      io?.disconnect();
      clearTimeout(timer);
      resolve(v);
    };
    const timer = setTimeout(() => done(null), 300);
    try {
      io = new IntersectionObserver((entries) => {
        const last = entries.at(-1) as (IntersectionObserverEntry & { isVisible?: boolean }) | undefined;
        done(last?.isVisible ?? null);
      }, { trackVisibility: true, delay: 100 } as IntersectionObserverInit);
      io.observe(el);
    } catch {
      done(null);
    }
  });
}
