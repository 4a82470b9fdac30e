import type { CriteriaSet, Criterion } from '../../lib/criteria/types';
import type { CaptureResult, OverlayConfig } from '../../lib/messages/protocol';
import type { CaptureMode } from '../../lib/storage/settings';
import { detectHints } from '../../lib/capture/element-hints';
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
  'invalid-request': 'capture-failed',
  failed: 'capture-failed',
};

export function resultMessage(r: CaptureResult, lang: 'th' | 'en'): string {
  if (r.ok) return fill(OVERLAY_STRINGS[lang].saved, { count: r.artifacts });
  const detail = r.detail ?? '';
  return captureMessage(ERROR_CODE[r.code], lang, { detail, url: location.href, size: detail || '?', limit: Math.round(DOCUMENT_SIZE_CAP / 1024 / 1024) });
}

export function buildForm(ctx: FormContext, actions: { onSave(): void; onClose(): void }): FormView {
  const lang = ctx.config.language;
  const t = OVERLAY_STRINGS[lang];
  const selected: Criterion[] = [];
  const ticks = new Map<string, Set<string>>();
  const chips = h('ul', { class: 'chips', 'aria-label': t.selected });
  const elementsBox = h('div');
  const map = hasMap(document);

  const renderSelected = () => {
    chips.replaceChildren(...selected.map((c) =>
      h('li', {}, `${c.code} ${lang === 'th' ? c.nameTh : c.nameEn}`,
        h('button', { type: 'button', 'aria-label': `${t.remove} ${c.code}`, onclick: () => { selected.splice(selected.indexOf(c), 1); ticks.delete(c.code); renderSelected(); } }, '×'))));
    elementsBox.replaceChildren(...selected.map((c) => elementFieldset(c)));
  };

  const elementFieldset = (c: Criterion) => {
    const hints = detectHints(ctx.pageText, c, { fiscalYear: ctx.config.fiscalYear, hasMap: map });
    if (!ticks.has(c.code)) ticks.set(c.code, new Set(Object.entries(hints.ticks).filter(([, v]) => v).map(([k]) => k)));
    const mine = ticks.get(c.code)!;
    const warnings = hints.warnings.map((w) => {
      if (w === 'only-other-years') return h('p', { class: 'warn', role: 'note' }, captureMessage('hint-only-other-years', lang, { years: hints.years.join(', '), year: ctx.config.fiscalYear }));
      if (w === 'placeholder') return h('p', { class: 'warn', role: 'note' }, t.placeholder);
      return h('p', { class: 'warn', role: 'note' }, captureMessage('hint-no-year', lang, { year: ctx.config.fiscalYear }));
    });
    return h('fieldset', {},
      h('legend', {}, `${c.code} — ${t.elements}`, c.confidence === 'C' ? h('span', { class: 'tag' }, t.unverified) : null),
      h('p', { class: 'hint' }, t.elementsHint),
      ...c.elements.map((el) => {
        const id = uid('el');
        return h('div', { class: 'check' },
          h('input', { type: 'checkbox', id, checked: mine.has(el.key), onchange: (e) => { if ((e.target as HTMLInputElement).checked) mine.add(el.key); else mine.delete(el.key); } }),
          h('label', { for: id }, lang === 'th' ? el.th : el.en));
      }),
      ...warnings);
  };

  const combo = criterionCombobox({
    set: ctx.set, lang, label: t.criterion, hint: t.criterionHint, noMatch: t.noMatch,
    onPick: (c) => { if (!selected.includes(c)) selected.push(c); renderSelected(); },
  });

  const radioName = uid('mode');
  const modes: [CaptureMode, string][] = [['viewport', t.modeViewport], ['fullpage', t.modeFullpage], ['element', t.modeElement]];
  const radios = h('div', { role: 'radiogroup', 'aria-label': t.capture, class: 'radio' },
    ...modes.map(([value, label]) => {
      const id = uid('r');
      return h('span', {}, h('input', { type: 'radio', name: radioName, id, value, checked: ctx.config.lastCaptureMode === value }), h('label', { for: id }, label));
    }));

  const docs = documentLinks(document);
  const self = openDocument(document);
  const docBox = docs.length
    ? h('fieldset', {}, h('legend', {}, t.documents), ...docs.slice(0, 20).map((d) => {
        const id = uid('doc');
        return h('div', { class: 'check' }, h('input', { type: 'checkbox', id, value: d.url, 'data-doc': '', checked: d.url === self?.url }), h('label', { for: id }, d.text));
      }))
    : null;

  // The draft คำอธิบายเพิ่มเติม is submitted to ITAS, which is Thai whatever the UI language.
  const pathText = draftExplanation(ctx.clickPath.path, 'th', { fromHome: ctx.clickPath.reachedFromHome });
  const pathBox = h('div', {},
    h('label', {}, t.clickPath),
    h('p', { class: 'path' }, pathText || '—'),
    ctx.clickPath.reachedFromHome ? null : h('p', { class: 'warn', role: 'note' }, t.directOpen));

  const noteId = uid('note');
  const note = h('textarea', { id: noteId });
  const status = h('div', { role: 'status', 'aria-live': 'polite', class: 'status' });
  const save = h('button', { type: 'button', class: 'primary', onclick: (e) => { if (e.isTrusted) actions.onSave(); } }, t.save);
  const close = h('button', { type: 'button', onclick: () => actions.onClose() }, t.close);
  const root = h('div', { class: 'panel', role: 'dialog', 'aria-label': t.dialog, 'aria-modal': 'false' },
    h('h2', {}, t.dialog), combo, chips, elementsBox, radios, docBox, pathBox,
    h('label', { for: noteId }, t.note), note,
    h('div', { class: 'actions' }, close, save), status);
  root.addEventListener('keydown', (e) => { if (e.key === 'Escape' && !save.disabled) actions.onClose(); });

  return {
    root,
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
      const mode = (root.querySelector<HTMLInputElement>(`input[name="${radioName}"]:checked`)?.value ?? 'viewport') as CaptureMode;
      const elementTicks: Record<string, string[]> = {};
      for (const c of selected) elementTicks[c.code] = [...(ticks.get(c.code) ?? [])];
      return {
        criteria: selected.map((c) => c.code),
        note: note.value,
        mode,
        elementTicks,
        documents: [...root.querySelectorAll<HTMLInputElement>('input[data-doc]:checked')].map((i) => i.value),
      };
    },
  };
}
