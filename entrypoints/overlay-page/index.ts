import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import html2canvas from 'html2canvas-pro';
import type { PagePick } from '../../lib/messages/protocol';
import { gatherPageFacts } from './page-facts';
import { pickElement, regionOf } from './element-picker';

/**
 * The heavy page-side work of a capture (snapshot, element picker, html2canvas), injected by the
 * background when the form opens, so that pages nobody tags pay nothing for it. It only adds
 * functions to the overlay's isolated-world global; the overlay's message handler calls them.
 */
export default defineUnlistedScript(() => {
  if (globalThis.__itaEvidencePage) return;
  globalThis.__itaEvidencePage = {
    gather: (exclude) => gatherPageFacts(document, exclude),
    pick: (exclude) => pick(exclude),
  };
});

async function pick(exclude: Element): Promise<PagePick> {
  const el = await pickElement(document, exclude);
  if (!el) return { cancelled: true };
  // A dragged rectangle is already in viewport coordinates: crop it as it is on screen.
  if (!(el instanceof Element)) return { region: el };
  const { region, fits } = await regionOf(el);
  if (fits) return { region };
  // Taller than the viewport: real pixels cannot be had in one capture, so draw it and say so.
  const canvas = await html2canvas(el as HTMLElement, {
    logging: false,
    useCORS: true,
    scale: window.devicePixelRatio || 1,
  });
  return { renderedPng: canvas.toDataURL('image/png') };
}
