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

export function buildForm(init: FormInit, actions: FormActions): FormView {
  const lang = init.config.language;
  const t = { ...OVERLAY_STRINGS[lang], ...FORM_STRINGS[lang] };
  const byCode = new Map(init.set.items.map((c) => [c.code, c]));
  const selected: Criterion[] = [];
  const ticks = new Map<string, Set<string>>();
  let mode: CaptureMode = init.config.lastCaptureMode;
  let userInput = false;
  const docs = init.page.documentLinks;
  const pickedDocs = new Set<number>(docs.flatMap((d, i) => (d.url === init.page.openDocument?.url ? [i] : [])));
  const chips = h('ul', { class: 'chips', 'aria-label': t.selected });
  const duplicate = h('div', { class: 'alert-box' });
  const elementsBox = h('div');
  const itemName = (c: Criterion) => `${c.code} ${lang === 'th' ? c.nameTh : c.nameEn}`;

  const renderDuplicate = () => {
    const codes = selected.map((c) => c.code);
    const earlier = init.existing.filter((r) => r.criteria.some((c) => codes.includes(c)));
    duplicate.replaceChildren();
    if (!earlier.length) return;
    const hit = codes.filter((c) => earlier.some((r) => r.criteria.includes(c)));
    duplicate.append(
      h(
        'p',
        { class: 'warn', role: 'alert' },
        fill(t.duplicate, { codes: hit.join(', '), time: formatDateBE(earlier[0]!.capturedAt, lang, { time: true }) }),
      ),
    );
  };

  const renderSelected = () => {
    chips.replaceChildren(
      ...selected.map((c) =>
        h(
          'li',
          {},
          itemName(c),
          h(
            'button',
            {
              type: 'button',
              'aria-label': fill(t.removeItem, { code: c.code }),
              title: fill(t.removeItem, { code: c.code }),
              onclick: () => {
                selected.splice(selected.indexOf(c), 1);
                ticks.delete(c.code);
                userInput = true;
                renderSelected();
                actions.announce(fill(t.removedItem, { code: c.code }));
                actions.onChange();
                combo.input.focus();
              },
            },
            '×',
          ),
        ),
      ),
    );
    elementsBox.replaceChildren(...selected.map((c) => elementFieldset(c)));
    renderDuplicate();
  };

  const choose = (c: Criterion, how: 'user' | 'restored' | 'suggested') => {
    if (selected.includes(c)) return;
    selected.push(c);
    if (how === 'user') userInput = true;
    renderSelected();
    actions.onChosen();
    if (how === 'user') {
      actions.announce([fill(t.added, { code: c.code }), ...warningsOf(c)].join(' '));
      actions.onChange();
    }
  };

  const hintsOf = (c: Criterion) => {
    const current = c.hintRules.find((r) => r.kind === 'current-executive');
    const currentExecutives = current?.kind === 'current-executive' ? init.executives?.[current.item] : undefined;
    return detectHints(init.page.text, c, {
      fiscalYear: init.config.fiscalYear,
      hasMap: init.page.hasMap,
      contentText: init.page.contentText,
      currentExecutives,
    });
  };
  // The messages name the years the item's period rule asks for; a placeholder page gets the form's own wording.
  const messagesOf = (hints: ReturnType<typeof hintsOf>) => {
    const messages = hintWarningMessages(hints, lang);
    return hints.warnings.map((w, i) => (w === 'placeholder' ? t.placeholder : messages[i]!));
  };
  const warningsOf = (c: Criterion) => messagesOf(hintsOf(c));

  const elementFieldset = (c: Criterion) => {
    const hints = hintsOf(c);
    if (!ticks.has(c.code))
      ticks.set(
        c.code,
        new Set(
          Object.entries(hints.ticks)
            .filter(([, v]) => v)
            .map(([k]) => k),
        ),
      );
    const mine = ticks.get(c.code)!;
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
      ...c.elements.map((el) => {
        const id = uid('el');
        const box = h('input', {
          type: 'checkbox',
          id,
          checked: mine.has(el.key),
          onchange: () => {
            if (box.checked) mine.add(el.key);
            else mine.delete(el.key);
          },
        });
        return h('div', { class: 'check' }, box, h('label', { for: id }, lang === 'th' ? el.th : el.en));
      }),
      ...messagesOf(hints).map((w) => h('p', { class: 'warn', role: 'note' }, w)),
    );
  };

  const combo = criterionCombobox({
    set: init.set,
    lang,
    label: t.criterion,
    hint: t.criterionHint,
    noMatch: t.noMatch,
    onPick: (c) => choose(c, 'user'),
  });

  const modes: [CaptureMode, string][] = [
    ['viewport', t.modeViewport],
    ['fullpage', t.modeFullpage],
    ['element', t.modeElement],
  ];
  const modeLabel = (m: CaptureMode) => modes.find(([v]) => v === m)![1];
  const radioName = uid('mode');
  const groupLabelId = uid('cap');
  const beside = h('span', { class: 'mode-now' });
  const elementNote = h('p', { class: 'note-box', role: 'note' }, t.elementNote);
  const showMode = () => {
    beside.textContent = fill(t.willCapture, { mode: modeLabel(mode) });
    elementNote.hidden = mode !== 'element';
  };
  const radios = h(
    'div',
    { class: 'radio-group' },
    h('span', { id: groupLabelId, class: 'legend' }, t.capture),
    h(
      'div',
      { role: 'radiogroup', 'aria-labelledby': groupLabelId, class: 'radio' },
      ...modes.map(([value, label]) => {
        const id = uid('r');
        const radio = h('input', {
          type: 'radio',
          name: radioName,
          id,
          value,
          checked: mode === value,
          onchange: () => {
            if (!radio.checked) return;
            mode = value;
            showMode();
            if (value === 'element') actions.announce(t.elementNote);
          },
        });
        return h('span', {}, radio, h('label', { for: id }, label));
      }),
    ),
    elementNote,
  );

  const docBox = docs.length
    ? h(
        'fieldset',
        {},
        h('legend', {}, t.documents),
        ...docs.map((d, i) => {
          const id = uid('doc');
          const box = h('input', {
            type: 'checkbox',
            id,
            checked: pickedDocs.has(i),
            onchange: () => {
              if (box.checked) pickedDocs.add(i);
              else pickedDocs.delete(i);
            },
          });
          return h('div', { class: 'check' }, box, h('label', { for: id }, d.text));
        }),
      )
    : null;

  // The draft คำอธิบายเพิ่มเติม is submitted to ITAS, which is Thai whatever the UI language.
  const pathText = draftExplanation(init.clickPath.path, 'th', { fromHome: init.clickPath.reachedFromHome });
  const pathBox = h(
    'div',
    {},
    h('p', { class: 'legend' }, t.clickPath),
    h('p', { class: 'path' }, pathText || '—'),
    init.clickPath.reachedFromHome ? null : h('p', { class: 'warn', role: 'note' }, t.directOpen),
  );

  const noteId = uid('note');
  const note = h('textarea', {
    id: noteId,
    oninput: () => {
      userInput = true;
      actions.onChange();
    },
  });
  const save: HTMLButtonElement = h(
    'button',
    { type: 'button', class: 'primary', onclick: () => actions.onSave() },
    t.save,
  );
  const close = h('button', { type: 'button', onclick: () => actions.onClose() }, t.close);
  const problem =
    init.captureProblem === 'permission-missing'
      ? t.noCaptureHere
      : init.captureProblem === 'restricted-page'
        ? t.restrictedHere
        : null;
  const titleId = uid('title');
  const panel = h(
    'div',
    { class: 'panel', role: 'dialog', 'aria-labelledby': titleId, 'aria-modal': 'true' },
    h('h2', { id: titleId }, t.dialog),
    problem ? h('p', { class: 'warn', role: 'alert' }, problem) : null,
    combo.root,
    chips,
    duplicate,
    elementsBox,
    radios,
    docBox,
    pathBox,
    h('label', { for: noteId }, t.note),
    note,
    h('p', { class: 'hint' }, t.keyboardPath),
    h('div', { class: 'actions' }, beside, close, save),
  );
  showMode();

  if (init.draft) {
    for (const code of init.draft.criteria) {
      const c = byCode.get(code);
      if (c) choose(c, 'restored');
    }
    note.value = init.draft.note;
    userInput = true;
    actions.announce(t.draftRestored);
  } else {
    const s = suggestion(init);
    if (s) {
      choose(s, 'suggested');
      actions.announce([fill(t.suggested, { code: itemName(s) }), ...warningsOf(s)].join(' '));
    }
  }

  return {
    panel,
    combobox: combo.input,
    save,
    values() {
      const elementTicks: Record<string, string[]> = {};
      for (const c of selected) elementTicks[c.code] = [...(ticks.get(c.code) ?? [])];
      return {
        criteria: selected.map((c) => c.code),
        note: note.value,
        mode,
        elementTicks,
        documents: [...pickedDocs].sort((a, b) => a - b).map((i) => docs[i]!.url),
      };
    },
    draft: () => ({ criteria: selected.map((c) => c.code), note: note.value }),
    dirty: () => userInput && (selected.length > 0 || note.value.trim() !== ''),
    setBusy(busy) {
      save.disabled = busy;
      save.setAttribute('aria-busy', String(busy));
    },
  };
}
