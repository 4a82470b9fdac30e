import type { CriteriaSet, Criterion } from '../../lib/criteria/types';
import { searchCriteria } from '../../lib/criteria/search';
import { sortedItems } from '../../lib/criteria/registry';
import { h, uid } from './dom';

export interface ComboboxOptions {
  set: CriteriaSet;
  lang: 'th' | 'en';
  label: string;
  hint: string;
  noMatch: string;
  onPick(c: Criterion): void;
}

export interface Combobox {
  root: HTMLElement;
  input: HTMLInputElement;
}

function comboInput(id: string, listId: string, hint: string): HTMLInputElement {
  return h('input', {
    id,
    type: 'text',
    role: 'combobox',
    'aria-expanded': 'false',
    'aria-controls': listId,
    'aria-autocomplete': 'list',
    autocomplete: 'off',
    placeholder: hint,
  });
}

function listbox(id: string, label: string): HTMLUListElement {
  // tabindex -1: Tab from the open list goes on to the next control, not to <body>.
  return h('ul', { id, role: 'listbox', 'aria-label': label, class: 'listbox', tabindex: -1, hidden: true });
}

/** One option of the list; a press picks it without taking focus from the input. */
function option(id: string, text: string, active: boolean, onPick: () => void): HTMLLIElement {
  return h(
    'li',
    {
      id,
      role: 'option',
      'aria-selected': String(active),
      class: active ? 'opt active' : 'opt',
      onmousedown: (e) => {
        e.preventDefault();
        onPick();
      },
    },
    text,
  );
}

/**
 * An ARIA 1.2 combobox with a listbox popup: type a code ("O5", "๕") or words in either
 * language, pick with Enter or click. The list opens on typing or ArrowDown, never by itself on
 * focus (it would cover the form). Escape with the list open closes only the list.
 */
export function criterionCombobox(o: ComboboxOptions): Combobox {
  const listId = uid('list');
  const inputId = uid('input');
  const input = comboInput(inputId, listId, o.hint);
  const list = listbox(listId, o.label);
  // "No match" is said beside the list, not offered as an option inside it.
  const none = h('p', { class: 'nomatch', hidden: true }, o.noMatch);
  let matches: Criterion[] = [];
  let active = -1;

  const name = (c: Criterion) => `${c.code} ${o.lang === 'th' ? c.nameTh : c.nameEn}`;
  const render = () => {
    list.replaceChildren(...matches.map((c, i) => option(`${listId}-${i}`, name(c), i === active, () => pick(i))));
    if (active >= 0) {
      input.setAttribute('aria-activedescendant', `${listId}-${active}`);
      list.children[active]?.scrollIntoView({ block: 'nearest' });
    } else input.removeAttribute('aria-activedescendant');
  };
  const open = (show: boolean) => {
    list.hidden = !show || matches.length === 0;
    none.hidden = !show || matches.length > 0;
    input.setAttribute('aria-expanded', String(!list.hidden));
    // Opened low in the scrolling fields (a short window), the list is scrolled into sight, not cut
    // off; where both do not fit, the box being typed in stays in sight first.
    if (list.hidden) return;
    list.scrollIntoView({ block: 'nearest' });
    input.scrollIntoView({ block: 'nearest' });
  };
  const update = () => {
    const q = input.value.trim();
    // Both languages, whatever the UI language: "contact" works in the Thai UI, "ผู้บริหาร" in the English one.
    matches = q ? searchCriteria(o.set, q) : sortedItems(o.set);
    active = q && matches.length ? 0 : -1;
    render();
    open(true);
  };
  const pick = (i: number) => {
    const c = matches[i];
    if (!c) return;
    o.onPick(c);
    input.value = '';
    open(false);
  };
  input.addEventListener('input', update);
  // Focus taken by something outside the form (the page, a PDF viewer drawing late) leaves the list open.
  input.addEventListener('blur', () => {
    if (document.hasFocus()) open(false);
  });
  input.addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) update();
      const n = matches.length;
      if (n) active = (active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!list.hidden && active >= 0) pick(active);
    } else if (e.key === 'Escape' && (!list.hidden || !none.hidden)) {
      e.preventDefault();
      e.stopPropagation();
      open(false);
    }
  });
  return { root: h('div', { class: 'field combo' }, h('label', { for: inputId }, o.label), input, list, none), input };
}
