import { sendToBackground } from '../../lib/platform/messaging';
import type { CaptureResult, FormInit, FormLayout } from '../../lib/messages/protocol';
import { FORM_STRINGS, OVERLAY_STRINGS, fill } from '../../lib/i18n/overlay-strings';
import { FORM_CSS } from './form-css';
import { buildForm, type FormView } from './form';
import { resultMessage } from './result-text';
import { h } from './dom';
import { watchVisibility } from './visibility';

/**
 * The tagging form: an extension page the overlay places in a frame on the tagged page. The page
 * cannot read or change anything here. It shows nothing until the overlay that placed it hands
 * over the background's one-time token: a frame some website makes of this page stays empty.
 */
const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;
const TOAST_MS = 10_000;
/** Every Save ends with a visible result within this time (element mode waits for the picking first). */
const SAVE_LIMIT_MS = { viewport: 45_000, fullpage: 240_000, element: 600_000 } as const;

let token: string | null = null;
let tries = 0;

addEventListener('message', (e) => {
  if (token || e.source !== window.parent || tries >= 5) return;
  const t = (e.data as { itaToken?: unknown } | null)?.itaToken;
  if (typeof t !== 'string' || !TOKEN.test(t)) return;
  tries++;
  void sendToBackground('form/hello', { token: t }).then(
    (init) => {
      if (token || !init?.ok) return;
      token = t;
      start(init);
    },
    () => undefined,
  );
});

function start(init: FormInit): void {
  const tok = token!;
  const lang = init.config.language;
  const t = { ...OVERLAY_STRINGS[lang], ...FORM_STRINGS[lang] };
  document.documentElement.lang = lang;
  document.title = t.dialog;
  const style = document.createElement('style');
  style.textContent = FORM_CSS;
  document.head.append(style);

  const status = h('div', { role: 'status', 'aria-live': 'polite', class: 'status', tabindex: -1 });
  const announcer = h('div', { class: 'sr-only', 'aria-live': 'polite' });
  const wrap = h('div', { class: 'wrap' });
  let layoutMode: FormLayout = 'dialog';
  let busy = false;
  let closed = false;

  const announce = (text: string) => {
    // A fresh node each time, so that screen readers read the same words twice.
    announcer.replaceChildren(h('p', {}, text));
  };
  const layout = (mode: FormLayout) => {
    layoutMode = mode;
    void sendToBackground('form/layout', { token: tok, mode, height: wrap.getBoundingClientRect().height + 16 }).catch(
      () => undefined,
    );
  };
  new ResizeObserver(() => {
    if (layoutMode !== 'picking') layout(layoutMode);
  }).observe(wrap);

  const setStatus = (text: string, kind: 'ok' | 'error' | 'info' = 'info', extra: Node[] = []) => {
    status.replaceChildren(h('span', {}, text), ...extra);
    status.className = `status ${kind}`;
  };

  let draftTimer: ReturnType<typeof setTimeout> | undefined;
  const sendDraft = () => {
    clearTimeout(draftTimer);
    return sendToBackground('form/draft', { token: tok, draft: view.dirty() ? view.draft() : null }).catch(
      () => undefined,
    );
  };

  const close = async () => {
    if (closed) return;
    closed = true;
    if (layoutMode === 'dialog') await sendDraft();
    await sendToBackground('form/close', { token: tok }).catch(() => undefined);
  };

  const save = async () => {
    if (busy) return;
    const v = view.values();
    if (!v.criteria.length) {
      setStatus(t.needCriterion, 'error');
      view.combobox.focus();
      return;
    }
    if (!visible()) {
      setStatus(t.notVisible, 'error', [retryButton()]);
      return;
    }
    busy = true;
    view.setBusy(true);
    setStatus(t.saving);
    const limit = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), SAVE_LIMIT_MS[v.mode]));
    const answer = await Promise.race([sendToBackground('form/save', { token: tok, ...v }), limit]).catch(
      (e: unknown): CaptureResult => ({
        ok: false,
        code: 'failed',
        detail: e instanceof Error ? e.message : String(e),
      }),
    );
    busy = false;
    view.setBusy(false);
    if (answer === 'timeout' || answer === undefined) {
      layout('dialog');
      setStatus(answer === 'timeout' ? t.noAnswer : t.restarted, 'error', [retryButton()]);
      return;
    }
    if (!answer.ok) {
      layout('dialog');
      // A refusal keeps everything the officer entered, and Save stays ready for another try.
      const retry = answer.code === 'cancelled' ? [] : [retryButton()];
      setStatus(resultMessage(answer, lang, init.page.url), 'error', retry);
      return;
    }
    showSaved(answer.evidenceId, fill(t.savedAs, { codes: v.criteria.join(', '), count: answer.artifacts }));
  };

  const retryButton = () => h('button', { type: 'button', class: 'link', onclick: () => void save() }, t.retry);

  const showSaved = (evidenceId: string, text: string) => {
    // The status outlives the dialog: it moves out of it, then the dialog goes.
    wrap.prepend(status);
    view.panel.remove();
    let timer = setTimeout(() => void close(), TOAST_MS);
    const hold = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void close(), TOAST_MS);
    };
    status.addEventListener('focusin', hold);
    status.addEventListener('mouseenter', hold);
    const undoSave = async () => {
      const r = await sendToBackground('form/undo', { token: tok, evidenceId }).catch(() => ({ ok: false }));
      setStatus(r.ok ? t.undone : t.restarted, r.ok ? 'ok' : 'error', [dismiss]);
      dismiss.focus();
      hold();
    };
    const undo = h('button', { type: 'button', onclick: () => void undoSave() }, t.undo);
    const open = h(
      'button',
      {
        type: 'button',
        onclick: () => void sendToBackground('form/open-checklist', { token: tok }).catch(() => undefined),
      },
      t.openChecklist,
    );
    const dismiss = h(
      'button',
      { type: 'button', class: 'dismiss', 'aria-label': t.dismiss, onclick: () => void close() },
      '×',
    );
    setStatus(text, 'ok', [h('span', { class: 'toast-actions' }, undo, open, dismiss)]);
    status.classList.add('toast');
    layout('toast');
    status.focus();
  };

  const view: FormView = buildForm(init, {
    onSave: () => void save(),
    onClose: () => void close(),
    onChange: () => {
      clearTimeout(draftTimer);
      draftTimer = setTimeout(() => void sendDraft(), 400);
    },
    onChosen: () => {
      if (status.classList.contains('error') && status.textContent === t.needCriterion) setStatus('');
    },
    announce,
  });

  view.panel.append(status);
  wrap.append(view.panel, announcer);
  document.body.append(wrap);
  const visible = watchVisibility(wrap);

  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      if (busy) void sendToBackground('form/cancel', { token: tok }).catch(() => undefined);
      else void close();
    } else if (e.key === 'Tab') trapFocus(e, wrap);
  });
  layout('dialog');
  view.combobox.focus();
}

/** Tab and Shift+Tab cycle inside the form: focus never falls out to the page behind the frame. */
function trapFocus(e: KeyboardEvent, within: HTMLElement): void {
  const focusable = [...within.querySelectorAll<HTMLElement>('button, input, textarea, select, [tabindex="0"]')].filter(
    (el) => !el.hasAttribute('disabled') && el.getClientRects().length > 0,
  );
  if (!focusable.length) return;
  const first = focusable[0]!;
  const last = focusable.at(-1)!;
  if (e.shiftKey && document.activeElement === first) {
    e.preventDefault();
    last.focus();
  } else if (!e.shiftKey && document.activeElement === last) {
    e.preventDefault();
    first.focus();
  }
}
