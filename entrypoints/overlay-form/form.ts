import type { CriteriaSet, Criterion } from '../../lib/criteria/types';
import type { CaptureResult, OverlayConfig } from '../../lib/messages/protocol';
import type { CaptureMode } from '../../lib/evidence/types';
import { detectHints, hintWarningMessages } from '../../lib/capture/element-hints';
import { draftExplanation } from '../../lib/capture/clickpath';
import { captureMessage, type CaptureMessageCode } from '../../lib/capture/messages';
import { OVERLAY_STRINGS, fill } from '../../lib/i18n/overlay-strings';
import type { ClickStep } from '../../lib/evidence/types';
import { h, uid } from './dom';
import { criterionCombobox } from './combobox';
import { documentLinks, hasMap, openDocument } from './page-facts';
import { DOCUMENT_SIZE_CAP } from '../../lib/capture/documents';

export interface FormContext {
  config: OverlayConfig;
  set: CriteriaSet;
  pageText: string;
  /** The page text without the site's menus, header and footer, when the form can tell them apart. */
  contentText?: string;
  /** Top executives named on the evidence of each item a current-executive rule points to (O2). */
  executives?: Record<string, string[]>;
  clickPath: { path: ClickStep[]; reachedFromHome: boolean };
}

export interface FormValues {
  criteria: string[];
  note: string;
  mode: CaptureMode;
  elementTicks: Record<string, string[]>;
  documents: string[];
}

export interface FormView {
  root: HTMLElement;
  /** The status line: our own text node host (see tamper-guard.ts). */
  status: HTMLElement;
  setStatus(text: string, kind?: 'ok' | 'error' | 'info'): void;
  setBusy(busy: boolean): void;
  /** While the reviewer picks a block, only the status line stays on screen. */
  setPicking(picking: boolean): void;
  values(): FormValues;
}

const ERROR_CODE: Record<Extract<CaptureResult, { ok: false }>['code'], CaptureMessageCode> = {
  'permission-missing': 'permission-missing',
  'restricted-page': 'restricted-page',
  'capture-refused': 'capture-refused',
  quota: 'quota-exceeded',
  'storage-full': 'storage-full',
  cancelled: 'cancelled',
  'document-too-large': 'document-too-large',
  'document-failed': 'document-failed',
  'document-type': 'document-type',
  'invalid-request': 'capture-failed',
  failed: 'capture-failed',
};

export function resultMessage(r: CaptureResult, lang: 'th' | 'en'): string {
  if (r.ok) return fill(OVERLAY_STRINGS[lang].saved, { count: r.artifacts });
  const detail = r.detail ?? '';
  if (r.code === 'cancelled' && detail === 'tab-changed') return captureMessage('tab-changed', lang);
  return captureMessage(ERROR_CODE[r.code], lang, { detail, url: location.href, size: detail || '?', limit: Math.round(DOCUMENT_SIZE_CAP / 1024 / 1024) });
}

/**
 * The form's state lives in these closures and only trusted (user) events change it: the shadow
 * root is open, so page script can edit the DOM, dispatch events or call .click(), and nothing
 * it does there reaches what is saved.
 */
export function buildForm(ctx: FormContext, actions: { onSave(e: MouseEvent, save: HTMLButtonElement): void; onClose(): void }): FormView {
  const lang = ctx.config.language;
  const t = OVERLAY_STRINGS[lang];
  const selected: Criterion[] = [];
  const ticks = new Map<string, Set<string>>();
  let mode: CaptureMode = ctx.config.lastCaptureMode;
  let noteText = '';
  // The documents offered, fixed when the form is built; checkboxes refer to them by index.
  const docs = documentLinks(document).slice(0, 20);
  const self = openDocument(document);
  const pickedDocs = new Set<number>(docs.flatMap((d, i) => (d.url === self?.url ? [i] : [])));
  const chips = h('ul', { class: 'chips', 'aria-label': t.selected });
  const elementsBox = h('div');
  const map = hasMap(document);

  /** A checkbox or radio the page toggled by script is put back to what the state says. */
  const trusted = (e: Event, restore: () => void): boolean => {
    if (!e.isTrusted) restore();
    return e.isTrusted;
  };

  const renderSelected = () => {
    chips.replaceChildren(...selected.map((c) =>
      h('li', {}, `${c.code} ${lang === 'th' ? c.nameTh : c.nameEn}`,
        h('button', { type: 'button', 'aria-label': `${t.remove} ${c.code}`, onclick: (e) => {
          if (!e.isTrusted) return;
          selected.splice(selected.indexOf(c), 1);
          ticks.delete(c.code);
          renderSelected();
        } }, '×'))));
    elementsBox.replaceChildren(...selected.map((c) => elementFieldset(c)));
  };

  const elementFieldset = (c: Criterion) => {
    const current = c.hintRules.find((r) => r.kind === 'current-executive');
    const currentExecutives = current?.kind === 'current-executive' ? ctx.executives?.[current.item] : undefined;
    const hints = detectHints(ctx.pageText, c, { fiscalYear: ctx.config.fiscalYear, hasMap: map, contentText: ctx.contentText, currentExecutives });
    if (!ticks.has(c.code)) ticks.set(c.code, new Set(Object.entries(hints.ticks).filter(([, v]) => v).map(([k]) => k)));
    const mine = ticks.get(c.code)!;
    // The messages name the years the item's period rule asks for (2563 for an annual report), not the fiscal year.
    const messages = hintWarningMessages(hints, lang);
    const warnings = hints.warnings.map((w, i) => h('p', { class: 'warn', role: 'note' }, w === 'placeholder' ? t.placeholder : messages[i]!));
    return h('fieldset', {},
      h('legend', {}, `${c.code} — ${t.elements}`, c.confidence === 'C' ? h('span', { class: 'tag' }, t.unverified) : null),
      h('p', { class: 'hint' }, t.elementsHint),
      ...c.elements.map((el) => {
        const id = uid('el');
        const box = h('input', { type: 'checkbox', id, checked: mine.has(el.key), onchange: (e) => {
          if (!trusted(e, () => { box.checked = mine.has(el.key); })) return;
          if (box.checked) mine.add(el.key);
          else mine.delete(el.key);
        } });
        return h('div', { class: 'check' }, box, h('label', { for: id }, lang === 'th' ? el.th : el.en));
      }),
      ...warnings);
  };

  const combo = criterionCombobox({
    set: ctx.set, lang, label: t.criterion, hint: t.criterionHint, noMatch: t.noMatch,
    onPick: (c) => { if (!selected.includes(c)) selected.push(c); renderSelected(); },
  });

  const radioName = uid('mode');
  const modes: [CaptureMode, string][] = [['viewport', t.modeViewport], ['fullpage', t.modeFullpage], ['element', t.modeElement]];
  const radioInputs: HTMLInputElement[] = [];
  const radios = h('div', { role: 'radiogroup', 'aria-label': t.capture, class: 'radio' },
    ...modes.map(([value, label]) => {
      const id = uid('r');
      const radio = h('input', { type: 'radio', name: radioName, id, value, checked: mode === value, onchange: (e) => {
        if (!trusted(e, () => { for (const [i, r] of radioInputs.entries()) r.checked = modes[i]![0] === mode; })) return;
        if (radio.checked) mode = value;
      } });
      radioInputs.push(radio);
      return h('span', {}, radio, h('label', { for: id }, label));
    }));

  const docBox = docs.length
    ? h('fieldset', {}, h('legend', {}, t.documents), ...docs.map((d, i) => {
        const id = uid('doc');
        const box = h('input', { type: 'checkbox', id, checked: pickedDocs.has(i), onchange: (e) => {
          if (!trusted(e, () => { box.checked = pickedDocs.has(i); })) return;
          if (box.checked) pickedDocs.add(i);
          else pickedDocs.delete(i);
        } });
        return h('div', { class: 'check' }, box, h('label', { for: id }, d.text));
      }))
    : null;

  // The draft คำอธิบายเพิ่มเติม is submitted to ITAS, which is Thai whatever the UI language.
  const pathText = draftExplanation(ctx.clickPath.path, 'th', { fromHome: ctx.clickPath.reachedFromHome });
  const pathBox = h('div', {},
    h('label', {}, t.clickPath),
    h('p', { class: 'path' }, pathText || '—'),
    ctx.clickPath.reachedFromHome ? null : h('p', { class: 'warn', role: 'note' }, t.directOpen));

  const noteId = uid('note');
  const note = h('textarea', { id: noteId, oninput: (e) => { if (e.isTrusted) noteText = note.value; } });
  const status = h('div', { role: 'status', 'aria-live': 'polite', class: 'status' });
  const save: HTMLButtonElement = h('button', { type: 'button', class: 'primary', onclick: (e) => { if (e.isTrusted) actions.onSave(e as MouseEvent, save); } }, t.save);
  const close = h('button', { type: 'button', onclick: (e) => { if (e.isTrusted) actions.onClose(); } }, t.close);
  const root = h('div', { class: 'panel', role: 'dialog', 'aria-label': t.dialog, 'aria-modal': 'false' },
    h('h2', {}, t.dialog), combo, chips, elementsBox, radios, docBox, pathBox,
    h('label', { for: noteId }, t.note), note,
    h('div', { class: 'actions' }, close, save), status);
  root.addEventListener('keydown', (e) => { if (e.isTrusted && e.key === 'Escape' && !save.disabled) actions.onClose(); });

  return {
    root,
    status,
    setStatus(text, kind = 'info') {
      status.textContent = text;
      status.className = `status ${kind}`;
    },
    setBusy(busy) {
      save.disabled = busy;
    },
    setPicking(picking) {
      root.classList.toggle('picking', picking);
    },
    values() {
      const elementTicks: Record<string, string[]> = {};
      for (const c of selected) elementTicks[c.code] = [...(ticks.get(c.code) ?? [])];
      return {
        criteria: selected.map((c) => c.code),
        note: noteText,
        mode,
        elementTicks,
        documents: [...pickedDocs].sort((a, b) => a - b).map((i) => docs[i]!.url),
      };
    },
  };
}
