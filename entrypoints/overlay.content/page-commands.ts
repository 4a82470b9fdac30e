import { parseEnvelope } from '../../lib/messages/validate';
import type { PageMetrics } from '../../lib/messages/protocol';
import type { OverlayHost } from './host';

const nextFrame = () => new Promise<void>((r) => requestAnimationFrame(() => r()));
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** Page-side steps of a full-page capture, asked for by the background. */
export function handlePageMessage(msg: unknown, overlay: OverlayHost): Promise<unknown> | null {
  const env = parseEnvelope(msg);
  if (!env) return null;
  switch (env.type) {
    case 'page/metrics':
      return Promise.resolve(measure());
    case 'page/scroll-to':
      return scrollAndSettle(env.payload.y);
    case 'page/prepare-fullpage':
      return preparePage().then(() => ({ ok: true }));
    case 'page/restore':
      return scrollAndSettle(env.payload.y).then(() => {
        overlay.setHidden(false);
        return { ok: true };
      });
    default:
      return null;
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
    if (el.closest('[data-ita-evidence]')) continue;
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
    Promise.all(pending.map((img) => new Promise<void>((r) => { img.addEventListener('load', () => r(), { once: true }); img.addEventListener('error', () => r(), { once: true }); }))),
    sleep(4000),
  ]);
  await scrollAndSettle(0);
}
