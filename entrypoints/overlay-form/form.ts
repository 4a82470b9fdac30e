import type { Criterion } from '../../lib/criteria/types';
import type { FormDraft, FormInit } from '../../lib/messages/protocol';
import type { CaptureMode } from '../../lib/evidence/types';
import { detectHints, hintWarningMessages } from '../../lib/capture/element-hints';
import { draftExplanation } from '../../lib/capture/clickpath';
import { rankCriteria, suggestCriterion } from '../../lib/capture/suggest-criteria';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import { FORM_STRINGS, OVERLAY_STRINGS, fill } from '../../lib/i18n/overlay-strings';
import { h, uid } from './dom';
import { criterionCombobox } from './combobox';

export interface FormValues {
  criteria: string[];
  note: string;
  mode: CaptureMode;
  elementTicks: Record<string, string[]>;
  documents: string[];
}

export interface FormView {
  panel: HTMLElement;
  /** The fields, in their own scroll region above Save: in a short window they scroll, Save stays in sight. */
  fields: HTMLElement;
  combobox: HTMLInputElement;
  save: HTMLButtonElement;
  values(): FormValues;
  draft(): FormDraft;
  /** The officer has chosen or typed something of their own (a suggestion alone is not input). */
  dirty(): boolean;
  setBusy(busy: boolean): void;
}

export interface FormActions {
  onSave(): void;
  onClose(): void;
  onChange(): void;
  onChosen(): void;
  announce(text: string): void;
}

/** Pre-chooses the item the page most likely is evidence for (lib/capture/suggest-criteria). */
function suggestion(init: FormInit): Criterion | null {
  const p = init.page;
  const signals = {
    title: p.title,
    headings: p.headings,
    breadcrumb: p.breadcrumb,
    linkText: init.linkText,
    url: p.url,
  };
  // Element hints only for the few best word matches: they break ties, and are costly on long pages.
  const elementShare: Record<string, number> = {};
  for (const s of rankCriteria(init.set, signals).slice(0, 5)) {
    const c = init.set.items.find((i) => i.code === s.code);
    if (!c?.elements.length) continue;
    const ticks = Object.values(
      detectHints(p.text, c, { fiscalYear: init.config.fiscalYear, hasMap: p.hasMap, contentText: p.contentText })
        .ticks,
    );
    elementShare[c.code] = ticks.filter(Boolean).length / ticks.length;
  }
  const code = suggestCriterion(init.set, { ...signals, elementShare });
  return init.set.items.find((i) => i.code === code) ?? null;
}

type Lang = FormInit['config']['language'];
export type FormText = ReturnType<typeof formText>;
type Hints = ReturnType<typeof detectHints>;
type ChosenHow = 'user' | 'restored' | 'suggested';

export function formText(lang: Lang) {
  return { ...OVERLAY_STRINGS[lang], ...FORM_STRINGS[lang] };
}

const itemName = (c: Criterion, lang: Lang) => `${c.code} ${lang === 'th' ? c.nameTh : c.nameEn}`;

/** The element hints for one item on this page, with the executives its current-executive rule looks for. */
function itemHints(init: FormInit, c: Criterion): Hints {
  const current = c.hintRules.find((r) => r.kind === 'current-executive');
  const currentExecutives = current?.kind === 'current-executive' ? init.executives?.[current.item] : undefined;
  return detectHints(init.page.text, c, {
    fiscalYear: init.config.fiscalYear,
    hasMap: init.page.hasMap,
    contentText: init.page.contentText,
    currentExecutives,
  });
}

// The messages name the years the item's period rule asks for; a placeholder page gets the form's own wording.
function hintMessages(hints: Hints, lang: Lang, t: FormText): string[] {
  const messages = hintWarningMessages(hints, lang);
  return hints.warnings.map((w, i) => (w === 'placeholder' ? t.placeholder : messages[i]!));
}

const itemWarnings = (init: FormInit, c: Criterion, t: FormText) =>
  hintMessages(itemHints(init, c), init.config.language, t);

/** The elements the page already seems to show: they start ticked. */
function tickedElements(hints: Hints): Set<string> {
  return new Set(
    Object.entries(hints.ticks)
      .filter(([, v]) => v)
      .map(([k]) => k),
  );
}

/** The duplicate alert: which chosen items this page was already stored for, and when; null when none. */
function duplicateText(init: FormInit, codes: string[], t: FormText): string | null {
  const earlier = init.existing.filter((r) => r.criteria.some((c) => codes.includes(c)));
  if (!earlier.length) return null;
  const hit = codes.filter((c) => earlier.some((r) => r.criteria.includes(c)));
  const time = formatDateBE(earlier[0]!.capturedAt, init.config.language, { time: true });
  return fill(t.duplicate, { codes: hit.join(', '), time });
}

/** A labelled checkbox whose changes are reported as on/off. */
function checkRow(idPrefix: string, label: string, checked: boolean, onToggle: (on: boolean) => void): HTMLDivElement {
  const id = uid(idPrefix);
  const box = h('input', { type: 'checkbox', id, checked, onchange: () => onToggle(box.checked) });
  return h('div', { class: 'check' }, box, h('label', { for: id }, label));
}

const toggle =
  <T>(set: Set<T>, value: T) =>
  (on: boolean) =>
    void (on ? set.add(value) : set.delete(value));

/** One chosen item's element checklist (ticks kept in `mine`) and its hint warnings. */
function elementFieldset(c: Criterion, mine: Set<string>, warnings: string[], t: FormText, lang: Lang) {
  return h(
    'fieldset',
    {},
    h(
      'legend',
      {},
      `${c.code} — ${t.elements}`,
      c.confidence === 'C' ? h('span', { class: 'tag' }, t.unverified) : null,
    ),
    h('p', { class: 'hint' }, t.elementsHint),
    ...c.elements.map((el) => checkRow('el', lang === 'th' ? el.th : el.en, mine.has(el.key), toggle(mine, el.key))),
    ...warnings.map((w) => h('p', { class: 'warn', role: 'note' }, w)),
  );
}

/** The chosen items with their chips, element checklists and duplicate alert, kept in step with the list. */
class ChosenItems {
  readonly list: Criterion[] = [];
  readonly ticks = new Map<string, Set<string>>();
  readonly chips: HTMLUListElement;
  readonly duplicate = h('div', { class: 'alert-box' });
  readonly elementsBox = h('div');

  constructor(
    private readonly init: FormInit,
    private readonly t: FormText,
    private readonly onRemoved: (c: Criterion) => void,
  ) {
    this.chips = h('ul', { class: 'chips', 'aria-label': t.selected });
  }

  /** Adds the item unless it is already chosen; says whether it was added. */
  add(c: Criterion): boolean {
    if (this.list.includes(c)) return false;
    this.list.push(c);
    this.render();
    return true;
  }

  codes(): string[] {
    return this.list.map((c) => c.code);
  }

  elementTicks(): Record<string, string[]> {
    const out: Record<string, string[]> = {};
    for (const c of this.list) out[c.code] = [...(this.ticks.get(c.code) ?? [])];
    return out;
  }

  private remove(c: Criterion): void {
    this.list.splice(this.list.indexOf(c), 1);
    this.ticks.delete(c.code);
    this.render();
    this.onRemoved(c);
  }

  private chip(c: Criterion): HTMLLIElement {
    const label = fill(this.t.removeItem, { code: c.code });
    const remove = h(
      'button',
      { type: 'button', 'aria-label': label, title: label, onclick: () => this.remove(c) },
      '×',
    );
    return h('li', {}, itemName(c, this.init.config.language), remove);
  }

  private fieldset(c: Criterion): HTMLFieldSetElement {
    const hints = itemHints(this.init, c);
    if (!this.ticks.has(c.code)) this.ticks.set(c.code, tickedElements(hints));
    const lang = this.init.config.language;
    return elementFieldset(c, this.ticks.get(c.code)!, hintMessages(hints, lang, this.t), this.t, lang);
  }

  private render(): void {
    this.chips.replaceChildren(...this.list.map((c) => this.chip(c)));
    this.elementsBox.replaceChildren(...this.list.map((c) => this.fieldset(c)));
    const text = duplicateText(this.init, this.codes(), this.t);
    this.duplicate.replaceChildren(...(text ? [h('p', { class: 'warn', role: 'alert' }, text)] : []));
  }
}

interface ModePicker {
  radios: HTMLDivElement;
  /** "Will capture: …", shown beside Save. */
  beside: HTMLSpanElement;
  current(): CaptureMode;
}

/** The capture-mode radio group; `onElement` runs when the officer turns to element mode. */
function modePicker(initial: CaptureMode, t: FormText, onElement: () => void): ModePicker {
  let mode = initial;
  const modes: [CaptureMode, string][] = [
    ['viewport', t.modeViewport],
    ['fullpage', t.modeFullpage],
    ['element', t.modeElement],
  ];
  const radioName = uid('mode');
  const groupLabelId = uid('cap');
  const beside = h('span', { class: 'mode-now' });
  const elementNote = h('p', { class: 'note-box', role: 'note' }, t.elementNote);
  const showMode = () => {
    beside.textContent = fill(t.willCapture, { mode: modes.find(([v]) => v === mode)![1] });
    elementNote.hidden = mode !== 'element';
  };
  const radio = ([value, label]: [CaptureMode, string]) => {
    const id = uid('r');
    const input = h('input', { type: 'radio', name: radioName, id, value, checked: mode === value });
    input.addEventListener('change', () => {
      if (!input.checked) return;
      mode = value;
      showMode();
      if (value === 'element') onElement();
    });
    return h('span', {}, input, h('label', { for: id }, label));
  };
  const radios = h(
    'div',
    { class: 'radio-group' },
    h('span', { id: groupLabelId, class: 'legend' }, t.capture),
    h('div', { role: 'radiogroup', 'aria-labelledby': groupLabelId, class: 'radio' }, ...modes.map(radio)),
    elementNote,
  );
  showMode();
  return { radios, beside, current: () => mode };
}

/** The page's document links as checkboxes (the document open in the tab starts ticked); null when none. */
function documentPicker(init: FormInit, t: FormText): { box: HTMLFieldSetElement | null; urls(): string[] } {
  const docs = init.page.documentLinks;
  const picked = new Set<number>(docs.flatMap((d, i) => (d.url === init.page.openDocument?.url ? [i] : [])));
  const box = docs.length
    ? h(
        'fieldset',
        {},
        h('legend', {}, t.documents),
        ...docs.map((d, i) => checkRow('doc', d.text, picked.has(i), toggle(picked, i))),
      )
    : null;
  return { box, urls: () => [...picked].sort((a, b) => a - b).map((i) => docs[i]!.url) };
}

function clickPathBox(init: FormInit, t: FormText): HTMLDivElement {
  // The draft คำอธิบายเพิ่มเติม is submitted to ITAS, which is Thai whatever the UI language.
  const pathText = draftExplanation(init.clickPath.path, 'th', { fromHome: init.clickPath.reachedFromHome });
  return h(
    'div',
    {},
    h('p', { class: 'legend' }, t.clickPath),
    h('p', { class: 'path' }, pathText || '—'),
    init.clickPath.reachedFromHome ? null : h('p', { class: 'warn', role: 'note' }, t.directOpen),
  );
}

/** Why this tab cannot be captured, said at the top of the form; null when it can. */
function captureProblemText(init: FormInit, t: FormText): string | null {
  if (init.captureProblem === 'permission-missing') return t.noCaptureHere;
  if (init.captureProblem === 'restricted-page') return t.restrictedHere;
  return null;
}

/** The dialog: its title, then the fields (the region that scrolls when the window is short), then the actions. */
function dialogPanel(t: FormText, fields: HTMLElement, actions: HTMLElement): HTMLDivElement {
  const titleId = uid('title');
  return h(
    'div',
    { class: 'panel', role: 'dialog', 'aria-labelledby': titleId, 'aria-modal': 'true' },
    h('h2', { id: titleId }, t.dialog),
    fields,
    actions,
  );
}

/**
 * Fills the form with the officer's unsaved draft, or else pre-chooses the suggested item, and says so.
 * Returns whether a draft was restored (that counts as the officer's own input).
 */
function restoreOrSuggest(
  init: FormInit,
  t: FormText,
  choose: (c: Criterion, how: ChosenHow) => void,
  note: HTMLTextAreaElement,
  announce: (text: string) => void,
): boolean {
  if (init.draft) {
    const byCode = new Map(init.set.items.map((c) => [c.code, c]));
    for (const code of init.draft.criteria) {
      const c = byCode.get(code);
      if (c) choose(c, 'restored');
    }
    note.value = init.draft.note;
    announce(t.draftRestored);
    return true;
  }
  const s = suggestion(init);
  if (s) {
    choose(s, 'suggested');
    announce([fill(t.suggested, { code: itemName(s, init.config.language) }), ...itemWarnings(init, s, t)].join(' '));
  }
  return false;
}

export function buildForm(init: FormInit, actions: FormActions): FormView {
  const lang = init.config.language;
  const t = formText(lang);
  let userInput = false;
  const chosen = new ChosenItems(init, t, (c) => {
    userInput = true;
    actions.announce(fill(t.removedItem, { code: c.code }));
    actions.onChange();
    combo.input.focus();
  });
  const choose = (c: Criterion, how: ChosenHow) => {
    if (!chosen.add(c)) return;
    if (how === 'user') userInput = true;
    actions.onChosen();
    if (how !== 'user') return;
    actions.announce([fill(t.added, { code: c.code }), ...itemWarnings(init, c, t)].join(' '));
    actions.onChange();
  };
  const combo = criterionCombobox({
    set: init.set,
    lang,
    label: t.criterion,
    hint: t.criterionHint,
    noMatch: t.noMatch,
    onPick: (c) => choose(c, 'user'),
  });
  const mode = modePicker(init.config.lastCaptureMode, t, () => actions.announce(t.elementNote));
  const docs = documentPicker(init, t);
  const noteId = uid('note');
  const note = h('textarea', { id: noteId });
  note.addEventListener('input', () => {
    userInput = true;
    actions.onChange();
  });
  const save = h('button', { type: 'button', class: 'primary', onclick: () => actions.onSave() }, t.save);
  const close = h('button', { type: 'button', onclick: () => actions.onClose() }, t.close);
  const problem = captureProblemText(init, t);
  const fields = h(
    'div',
    { class: 'fields' },
    problem ? h('p', { class: 'warn', role: 'alert' }, problem) : null,
    ...[combo.root, chosen.chips, chosen.duplicate, chosen.elementsBox, mode.radios, docs.box, clickPathBox(init, t)],
    ...[h('label', { for: noteId }, t.note), note, h('p', { class: 'hint' }, t.keyboardPath)],
  );
  const panel = dialogPanel(t, fields, h('div', { class: 'actions' }, mode.beside, close, save));

  if (restoreOrSuggest(init, t, choose, note, actions.announce)) userInput = true;

  return {
    panel,
    fields,
    combobox: combo.input,
    save,
    values: () => ({
      criteria: chosen.codes(),
      note: note.value,
      mode: mode.current(),
      elementTicks: chosen.elementTicks(),
      documents: docs.urls(),
    }),
    draft: () => ({ criteria: chosen.codes(), note: note.value }),
    dirty: () => userInput && (chosen.list.length > 0 || note.value.trim() !== ''),
    setBusy(busy) {
      save.disabled = busy;
      save.setAttribute('aria-busy', String(busy));
    },
  };
}
