import { sendToBackground } from '../../lib/platform/messaging';
import type { CaptureResult, FormInit, FormLayout } from '../../lib/messages/protocol';
import { fill } from '../../lib/i18n/overlay-strings';
import { FORM_CSS } from './form-css';
import { buildForm, formText, type FormText, type FormValues, type FormView } from './form';
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
  new FormSession(token!, init);
}

/** The page's language, title and style, before anything is drawn. */
function dressPage(lang: FormInit['config']['language'], t: FormText): void {
  document.documentElement.lang = lang;
  document.title = t.dialog;
  const style = document.createElement('style');
  style.textContent = FORM_CSS;
  document.head.append(style);
}

/**
 * The background's answer to Save: 'timeout' when none comes within the mode's limit, undefined when the
 * worker restarted on the way, a failure when the message could not be sent.
 */
function askToSave(tok: string, v: FormValues) {
  const limit = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), SAVE_LIMIT_MS[v.mode]));
  return Promise.race([sendToBackground('form/save', { token: tok, ...v }), limit]).catch(
    (e: unknown): CaptureResult => ({
      ok: false,
      code: 'failed',
      detail: e instanceof Error ? e.message : String(e),
    }),
  );
}

/** One opening of the form: its status line, the frame's size, the draft, Save and its result, closing. */
class FormSession {
  private readonly lang: FormInit['config']['language'];
  private readonly t: FormText;
  private readonly status = h('div', { role: 'status', 'aria-live': 'polite', class: 'status', tabindex: -1 });
  private readonly announcer = h('div', { class: 'sr-only', 'aria-live': 'polite' });
  private readonly wrap = h('div', { class: 'wrap' });
  private layoutMode: FormLayout = 'dialog';
  private busy = false;
  private closed = false;
  private draftTimer: ReturnType<typeof setTimeout> | undefined;
  private readonly view: FormView;
  private readonly visible: () => boolean;

  constructor(
    private readonly tok: string,
    private readonly init: FormInit,
  ) {
    this.lang = init.config.language;
    this.t = formText(this.lang);
    dressPage(this.lang, this.t);
    const resized = new ResizeObserver(() => {
      if (this.layoutMode !== 'picking') this.layout(this.layoutMode);
    });
    resized.observe(this.wrap);
    this.view = buildForm(init, {
      onSave: () => void this.save(),
      onClose: () => void this.close(),
      onChange: () => this.sendDraftSoon(),
      onChosen: () => {
        if (this.status.classList.contains('error') && this.status.textContent === this.t.needCriterion)
          this.setStatus('');
      },
      announce: (text) => this.announce(text),
    });
    this.view.panel.append(this.status);
    this.wrap.append(this.view.panel, this.announcer);
    // While the fields scroll, the wrap keeps its size when they grow or shrink: watch them too.
    for (const el of this.view.fields.children) resized.observe(el);
    document.body.append(this.wrap);
    this.visible = watchVisibility(this.wrap);
    document.addEventListener('keydown', (e) => this.onKey(e));
    this.layout('dialog');
    this.view.combobox.focus();
  }

  private announce(text: string): void {
    // A fresh node each time, so that screen readers read the same words twice.
    this.announcer.replaceChildren(h('p', {}, text));
  }

  private layout(mode: FormLayout): void {
    this.layoutMode = mode;
    // The height the form would have with room for all its fields. The frame is capped at the window
    // and the form at the frame, so the height as drawn would only ever shrink the frame.
    const fields = this.view.fields;
    const height = this.wrap.getBoundingClientRect().height - fields.clientHeight + fields.scrollHeight + 16;
    void sendToBackground('form/layout', { token: this.tok, mode, height }).catch(() => undefined);
  }

  private setStatus(text: string, kind: 'ok' | 'error' | 'info' = 'info', extra: Node[] = []): void {
    this.status.replaceChildren(h('span', {}, text), ...extra);
    this.status.className = `status ${kind}`;
  }

  private sendDraftSoon(): void {
    clearTimeout(this.draftTimer);
    this.draftTimer = setTimeout(() => void this.sendDraft(), 400);
  }

  private sendDraft() {
    clearTimeout(this.draftTimer);
    const draft = this.view.dirty() ? this.view.draft() : null;
    return sendToBackground('form/draft', { token: this.tok, draft }).catch(() => undefined);
  }

  private async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.layoutMode === 'dialog') await this.sendDraft();
    await sendToBackground('form/close', { token: this.tok }).catch(() => undefined);
  }

  private onKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && !e.defaultPrevented) {
      e.preventDefault();
      if (this.busy) void sendToBackground('form/cancel', { token: this.tok }).catch(() => undefined);
      else void this.close();
    } else if (e.key === 'Tab') trapFocus(e, this.wrap);
  }

  /** Says what stops a Save before it starts (no item chosen, the form not plainly visible); true when none. */
  private readyToSave(v: FormValues): boolean {
    if (!v.criteria.length) {
      this.setStatus(this.t.needCriterion, 'error');
      this.view.combobox.focus();
      return false;
    }
    if (!this.visible()) {
      this.setStatus(this.t.notVisible, 'error', [this.retryButton()]);
      return false;
    }
    return true;
  }

  private async save(): Promise<void> {
    if (this.busy) return;
    const v = this.view.values();
    if (!this.readyToSave(v)) return;
    this.busy = true;
    this.view.setBusy(true);
    this.setStatus(this.t.saving);
    const answer = await askToSave(this.tok, v);
    this.busy = false;
    this.view.setBusy(false);
    if (answer === 'timeout' || answer === undefined) {
      this.layout('dialog');
      this.setStatus(answer === 'timeout' ? this.t.noAnswer : this.t.restarted, 'error', [this.retryButton()]);
      return;
    }
    if (!answer.ok) {
      this.layout('dialog');
      // A refusal keeps everything the officer entered, and Save stays ready for another try.
      const retry = answer.code === 'cancelled' ? [] : [this.retryButton()];
      this.setStatus(resultMessage(answer, this.lang, this.init.page.url), 'error', retry);
      return;
    }
    this.showSaved(answer.evidenceId, fill(this.t.savedAs, { codes: v.criteria.join(', '), count: answer.artifacts }));
  }

  private retryButton(): HTMLButtonElement {
    return h('button', { type: 'button', class: 'link', onclick: () => void this.save() }, this.t.retry);
  }

  private showSaved(evidenceId: string, text: string): void {
    const t = this.t;
    // The status outlives the dialog: it moves out of it, then the dialog goes.
    this.wrap.prepend(this.status);
    this.view.panel.remove();
    let timer = setTimeout(() => void this.close(), TOAST_MS);
    const hold = () => {
      clearTimeout(timer);
      timer = setTimeout(() => void this.close(), TOAST_MS);
    };
    this.status.addEventListener('focusin', hold);
    this.status.addEventListener('mouseenter', hold);
    const undoSave = async () => {
      const r = await sendToBackground('form/undo', { token: this.tok, evidenceId }).catch(() => ({ ok: false }));
      this.setStatus(r.ok ? t.undone : t.restarted, r.ok ? 'ok' : 'error', [dismiss]);
      dismiss.focus();
      hold();
    };
    const undo = h('button', { type: 'button', onclick: () => void undoSave() }, t.undo);
    const openChecklist = () =>
      void sendToBackground('form/open-checklist', { token: this.tok }).catch(() => undefined);
    const open = h('button', { type: 'button', onclick: openChecklist }, t.openChecklist);
    const dismiss = h(
      'button',
      { type: 'button', class: 'dismiss', 'aria-label': t.dismiss, onclick: () => void this.close() },
      '×',
    );
    this.setStatus(text, 'ok', [h('span', { class: 'toast-actions' }, undo, open, dismiss)]);
    this.status.classList.add('toast');
    this.layout('toast');
    this.status.focus();
  }
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
