import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import html2canvas from 'html2canvas-pro';
import { sendToBackground } from '../../lib/platform/messaging';
import { extractText } from '../../lib/capture/page-text';
import type { CaptureRequest } from '../../lib/messages/protocol';
import type { OverlayGlobal } from '../overlay.content';
import { FORM_CSS } from './form-css';
import { OVERLAY_STRINGS } from '../../lib/i18n/overlay-strings';
import { buildForm, resultMessage, type FormView } from './form';
import { gatherPageFacts } from './page-facts';
import { pickElement, regionOf } from './element-picker';

/** The tagging form: injected into the page on demand, so pages the reviewer has not tagged pay nothing for it. */
export default defineUnlistedScript(() => {
  void open();
});

/**
 * Resolves once a frame has been painted: the rAF callback runs just before the paint, and a task
 * queued from it runs just after. One frame instead of two rAFs keeps Save quick.
 */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

async function waitForOverlay(): Promise<OverlayGlobal | null> {
  for (let i = 0; i < 60; i++) {
    if (globalThis.__itaEvidence) return globalThis.__itaEvidence;
    await new Promise((r) => setTimeout(r, 50));
  }
  return null;
}

let current: FormView | null = null;

async function open(): Promise<void> {
  const g = await waitForOverlay();
  if (!g) return;
  if (current?.root.isConnected) {
    current.root.querySelector<HTMLInputElement>('[role=combobox]')?.focus();
    return;
  }
  const [config, set, clickPath] = await Promise.all([
    sendToBackground('overlay/config', {}),
    sendToBackground('overlay/criteria', {}),
    sendToBackground('overlay/click-path', {}),
  ]);
  const style = document.createElement('style');
  style.textContent = FORM_CSS;
  const fab = g.overlay.root.querySelector<HTMLElement>('.fab');
  const pageText = extractText(document.body ?? document.documentElement, { excludeSelector: '[data-ita-evidence]' });
  const close = () => {
    view.root.remove();
    style.remove();
    current = null;
    if (fab) fab.hidden = false;
  };
  const view = buildForm({ config, set, pageText, clickPath }, { onSave: () => void save(g, view, config.language), onClose: close });
  current = view;
  if (fab) fab.hidden = true;
  g.overlay.root.append(style, view.root);
  view.root.querySelector<HTMLInputElement>('[role=combobox]')?.focus();
}

async function elementParts(g: OverlayGlobal, lang: 'th' | 'en', view: FormView): Promise<Pick<CaptureRequest, 'region' | 'renderedPng'> | null> {
  view.setStatus(OVERLAY_STRINGS[lang].pickElement);
  view.setPicking(true);
  const el = await pickElement(document, g.overlay.host).finally(() => view.setPicking(false));
  if (!el) return null;
  g.overlay.setHidden(true);
  const { region, fits } = await regionOf(el);
  if (fits) return { region };
  // Taller than the viewport: real pixels cannot be had in one capture, so draw it and say so.
  const canvas = await html2canvas(el as HTMLElement, { logging: false, useCORS: true, scale: window.devicePixelRatio || 1 });
  return { renderedPng: canvas.toDataURL('image/png') };
}

async function save(g: OverlayGlobal, view: FormView, lang: 'th' | 'en'): Promise<void> {
  const v = view.values();
  if (!v.criteria.length) {
    view.setStatus(OVERLAY_STRINGS[lang].needCriterion, 'error');
    return;
  }
  view.setBusy(true);
  view.setStatus(OVERLAY_STRINGS[lang].saving);
  try {
    const extra = v.mode === 'element' ? await elementParts(g, lang, view) : {};
    if (!extra) {
      view.setStatus('');
      return;
    }
    // The snapshot leaves the overlay out anyway; taking it while the hidden frame is being
    // painted costs nothing extra.
    g.overlay.setHidden(true);
    const hidden = painted();
    const page = gatherPageFacts(document);
    await hidden;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') void sendToBackground('capture/cancel', {});
    };
    document.addEventListener('keydown', onKey, true);
    const result = await sendToBackground('capture/save', { ...v, ...extra, page }).finally(() => {
      document.removeEventListener('keydown', onKey, true);
      g.overlay.setHidden(false);
    });
    view.setStatus(resultMessage(result, lang), result.ok ? 'ok' : 'error');
  } catch (e) {
    g.overlay.setHidden(false);
    view.setStatus(resultMessage({ ok: false, code: 'failed', detail: e instanceof Error ? e.message : String(e) }, lang), 'error');
  } finally {
    view.setBusy(false);
  }
}
