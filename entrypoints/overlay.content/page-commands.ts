import { parseEnvelope } from '../../lib/messages/validate';
import type { PageFacts, PageMetrics, PagePick, PageSummary } from '../../lib/messages/protocol';
import type { OverlayHost } from './host';
import type { FormFrame } from './frame';

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));
/** Resolves once a frame has been painted: rAF runs just before the paint, a task queued from it just after. */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

/** The heavy page-side work (snapshot, element picker), injected on demand as overlay-page.js. */
export interface PageHelper {
  gather(exclude: Element): { facts: PageFacts; summary: PageSummary };
  pick(exclude: Element, hint: HTMLElement): Promise<PagePick>;
}

declare global {
  var __itaEvidencePage: PageHelper | undefined;
}

export interface PageContext {
  overlay: OverlayHost;
  frame: FormFrame;
  pickHint: HTMLElement;
  onCancelKey(): void;
}

/**
 * While frozen (overlay hidden for a capture) we watch the page: content it swaps in between the
 * snapshot and the screenshot makes the two disagree, and the background takes them again. A
 * capture that never finishes (worker killed, tab lost) must not leave the page scrolled and the
 * overlay hidden: a watchdog puts both back.
 */
let frozen: {
  watch: MutationObserver;
  changed: boolean;
  scrollY: number;
  watchdog: ReturnType<typeof setTimeout>;
  onKey: (e: KeyboardEvent) => void;
} | null = null;
const WATCHDOG_MS = 8000;

function kick(ctx: PageContext): void {
  if (!frozen) return;
  clearTimeout(frozen.watchdog);
  frozen.watchdog = setTimeout(() => {
    if (!frozen) return;
    window.scrollTo({ top: frozen.scrollY, left: 0, behavior: 'instant' });
    unfreeze(ctx);
  }, WATCHDOG_MS);
}

function unfreeze(ctx: PageContext): { changed: boolean } {
  if (!frozen) {
    ctx.overlay.setHidden(false);
    return { changed: false };
  }
  const changed = frozen.changed || frozen.watch.takeRecords().length > 0;
  frozen.watch.disconnect();
  clearTimeout(frozen.watchdog);
  document.removeEventListener('keydown', frozen.onKey, true);
  frozen = null;
  ctx.overlay.setHidden(false);
  return { changed };
}

async function freeze(ctx: PageContext): Promise<{ facts: PageFacts; summary: PageSummary }> {
  const helper = globalThis.__itaEvidencePage;
  if (!helper) throw new Error('page helper missing');
  if (frozen) unfreeze(ctx);
  ctx.overlay.setHidden(true);
  const shown = painted();
  const gathered = helper.gather(ctx.overlay.host);
  const watch = new MutationObserver(() => {
    if (frozen) frozen.changed = true;
  });
  watch.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
  // Escape cancels a long (full-page) capture; the frame is hidden meanwhile, so the page has focus.
  const onKey = (e: KeyboardEvent) => {
    if (e.isTrusted && e.key === 'Escape') ctx.onCancelKey();
  };
  document.addEventListener('keydown', onKey, true);
  frozen = { watch, changed: false, scrollY: window.scrollY, watchdog: setTimeout(() => undefined, 0), onKey };
  kick(ctx);
  await shown;
  return gathered;
}

/** Page-side steps of a capture and of the form frame, asked for by the background. */
export function handlePageMessage(msg: unknown, ctx: PageContext): Promise<unknown> | null {
  const env = parseEnvelope(msg);
  if (!env) return null;
  kick(ctx);
  switch (env.type) {
    case 'page/metrics':
      return Promise.resolve(measure());
    case 'page/scroll-to':
      return scrollAndSettle(env.payload.y);
    case 'page/prepare-fullpage':
      return preparePage().then(() => ({ ok: true }));
    case 'page/restore':
      return scrollAndSettle(env.payload.y).then(() => ({ ok: true }));
    case 'page/freeze':
      return freeze(ctx);
    case 'page/unfreeze':
      return Promise.resolve(unfreeze(ctx));
    case 'page/show-form': {
      ctx.frame.show(env.payload.token, env.payload.title);
      return Promise.resolve({ ok: true });
    }
    case 'page/form-layout': {
      ctx.frame.layout(env.payload.mode, env.payload.height);
      return Promise.resolve({ ok: true });
    }
    case 'page/close-form':
      ctx.frame.close();
      return Promise.resolve({ ok: true });
    case 'page/check-frame': {
      const reason = ctx.frame.check();
      return Promise.resolve(reason ? { visible: false, reason } : { visible: true });
    }
    case 'page/pick':
      return pick(ctx);
    default:
      return null;
  }
}

async function pick(ctx: PageContext): Promise<PagePick> {
  const helper = globalThis.__itaEvidencePage;
  if (!helper) throw new Error('page helper missing');
  ctx.frame.layout('picking', 0);
  ctx.pickHint.hidden = false;
  ctx.pickHint.focus();
  try {
    return await helper.pick(ctx.overlay.host, ctx.pickHint);
  } finally {
    ctx.pickHint.hidden = true;
  }
}

async function scrollAndSettle(y: number): Promise<{ y: number }> {
  window.scrollTo({ top: y, left: 0, behavior: 'instant' });
  await nextFrame();
  await nextFrame();
  return { y: window.scrollY };
}

function pageHeight(): number {
  const d = document.documentElement;
  const b = document.body;
  return Math.max(d.scrollHeight, d.offsetHeight, b?.scrollHeight ?? 0, b?.offsetHeight ?? 0);
}

/** Fixed or sticky bands at the top and bottom edges, which full-page stitching draws only once. */
function fixedBands(vh: number): { top: number; bottom: number } {
  let top = 0;
  let bottom = 0;
  const all = document.body ? document.body.getElementsByTagName('*') : [];
  const n = Math.min(all.length, 8000);
  for (let i = 0; i < n; i++) {
    const el = all[i]!;
    const pos = getComputedStyle(el).position;
    if (pos !== 'fixed' && pos !== 'sticky') continue;
    const r = el.getBoundingClientRect();
    if (r.height <= 0 || r.height > vh / 3 || r.width < window.innerWidth / 2) continue;
    if (r.top <= 1 && r.bottom > 0) top = Math.max(top, Math.ceil(r.bottom));
    else if (r.bottom >= vh - 1 && r.top < vh) bottom = Math.max(bottom, Math.ceil(vh - r.top));
  }
  return { top, bottom };
}

function measure(): PageMetrics {
  const vh = window.innerHeight;
  const bands = fixedBands(vh);
  return {
    scrollY: window.scrollY,
    pageHeight: pageHeight(),
    viewportHeight: vh,
    viewportWidth: window.innerWidth,
    dpr: window.devicePixelRatio || 1,
    fixedTop: bands.top,
    fixedBottom: bands.bottom,
  };
}

/** Scrolls through the page so lazy images load, waits for them (bounded), then returns to the top. */
async function preparePage(): Promise<void> {
  const vh = window.innerHeight;
  for (let y = 0; y < pageHeight(); y += vh) {
    window.scrollTo({ top: y, behavior: 'instant' });
    await sleep(60);
  }
  const pending = [...document.images].filter((img) => !img.complete);
  await Promise.race([
    Promise.all(
      pending.map(
        (img) =>
          new Promise<void>((r) => {
            img.addEventListener('load', () => r(), { once: true });
            img.addEventListener('error', () => r(), { once: true });
          }),
      ),
    ),
    sleep(4000),
  ]);
  await scrollAndSettle(0);
}
