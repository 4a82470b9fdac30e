import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import html2canvas from 'html2canvas-pro';
import { sendToBackground } from '../../lib/platform/messaging';
import { extractText } from '../../lib/capture/page-text.dom';
import { SITE_CHROME_SELECTOR, contentTextOrUndefined } from '../../lib/capture/site-chrome';
import type { CaptureRequest } from '../../lib/messages/protocol';
import type { CriteriaSet } from '../../lib/criteria/types';
import type { OverlayGlobal } from '../overlay.content';
import { FORM_CSS } from './form-css';
import { OVERLAY_STRINGS } from '../../lib/i18n/overlay-strings';
import { buildForm, resultMessage, type FormView } from './form';
import { gatherPageFacts } from './page-facts';
import { pickElement, regionOf } from './element-picker';
import { guardShadowRoot, type TamperGuard } from './tamper-guard';
import { ownElements } from './dom';

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

/** Names for the items' "current executive" hints (O34 ↔ O2); the form opens without them if the lookup fails. */
async function executivesFor(set: CriteriaSet): Promise<Record<string, string[]>> {
  const items = new Set(set.items.flatMap((c) => c.hintRules.flatMap((r) => (r.kind === 'current-executive' ? [r.item] : []))));
  const out: Record<string, string[]> = {};
  for (const item of items) {
    try {
      out[item] = (await sendToBackground('overlay/executives', { item })).names;
    } catch {
      // No names: the hint stays silent rather than warning on a guess.
    }
  }
  return out;
}

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
  ownElements.add(style);
  const fab = ([...g.overlay.root.children].find((n) => n.matches('button.fab')) as HTMLElement | undefined) ?? null;
  const pageText = extractText(document.body ?? document.documentElement, { excludeSelector: '[data-ita-evidence]' });
  const contentText = contentTextOrUndefined(pageText, extractText(document.body ?? document.documentElement, { excludeSelector: `[data-ita-evidence], ${SITE_CHROME_SELECTOR}` }));
  for (const n of g.overlay.root.querySelectorAll('.ita-notice')) n.remove();
  const guard = guardShadowRoot(g.overlay.root, () => g.overlay.styleIntact());
  const close = () => {
    guard.disconnect();
    view.root.remove();
    style.remove();
    current = null;
    if (fab) fab.hidden = false;
  };
  const onSave = (e: MouseEvent, button: HTMLButtonElement) => void guardedSave(g, view, guard, config.language, e, button, close);
  const executives = await executivesFor(set);
  const view = buildForm({ config, set, pageText, contentText, executives, clickPath }, { onSave, onClose: close });
  guard.ownText(view.status);
  current = view;
  if (fab) fab.hidden = true;
  g.overlay.root.append(style, view.root);
  guard.ownStyle(style);
  view.root.querySelector<HTMLInputElement>('[role=combobox]')?.focus();
}

/** Refuses a Save the page may have steered the reviewer into (tamper-guard.ts), then saves. */
async function guardedSave(g: OverlayGlobal, view: FormView, guard: TamperGuard, lang: 'th' | 'en', e: MouseEvent, button: HTMLButtonElement, close: () => void): Promise<void> {
  if (button.disabled) return;
  view.setBusy(true);
  const reason = await guard.checkSave(button, e);
  view.setBusy(false);
  if (reason) {
    console.warn('[ita-evidence] Save refused: the page tampered with the form', reason);
    close();
    showNotice(g, OVERLAY_STRINGS[lang].tampered);
    return;
  }
  await save(g, view, lang);
}

/** A short-lived notice beside the "Tag this page" button, for when the form had to be closed. */
function showNotice(g: OverlayGlobal, text: string): void {
  const root = g.overlay.root;
  for (const n of root.querySelectorAll('.ita-notice')) n.remove();
  const notice = document.createElement('div');
  notice.className = 'ita-notice';
  notice.setAttribute('role', 'alert');
  notice.textContent = text;
  const style = document.createElement('style');
  style.textContent = '.ita-notice { max-width: 360px; margin: 0 0 8px; padding: 8px 12px; background: #fdedec; color: #7b241c; border: 2px solid #a93226; border-radius: 8px; font: 600 14px/1.4 "Sarabun", "Loma", Tahoma, system-ui, sans-serif; }';
  notice.prepend(style);
  root.prepend(notice);
  setTimeout(() => notice.remove(), 15_000);
}

async function elementParts(g: OverlayGlobal, lang: 'th' | 'en', view: FormView): Promise<Pick<CaptureRequest, 'region' | 'renderedPng'> | null> {
  view.setStatus(OVERLAY_STRINGS[lang].pickElement);
  view.setPicking(true);
  const el = await pickElement(document, g.overlay.host).finally(() => view.setPicking(false));
  if (!el) return null;
  g.overlay.setHidden(true);
  // A dragged rectangle is already in viewport coordinates: crop it as it is on screen.
  if (!(el instanceof Element)) return { region: el };
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
      if (e.isTrusted && e.key === 'Escape') void sendToBackground('capture/cancel', {});
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
