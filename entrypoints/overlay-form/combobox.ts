import type { CriteriaSet, Criterion } from '../../lib/criteria/types';
import { searchCriteria } from '../../lib/criteria/search';
import { h, uid } from './dom';

export interface ComboboxOptions {
  set: CriteriaSet;
  lang: 'th' | 'en';
  label: string;
  hint: string;
  noMatch: string;
  onPick(c: Criterion): void;
}

/**
 * An ARIA 1.2 combobox with a listbox popup: type a code ("O5", "๕") or words, pick with Enter or click.
 * Only trusted mouse and key events pick: page script must not be able to add criteria.
 */
export function criterionCombobox(o: ComboboxOptions): HTMLElement {
  const listId = uid('list');
  const inputId = uid('input');
  const input = h('input', { id: inputId, type: 'text', role: 'combobox', 'aria-expanded': 'false', 'aria-controls': listId, 'aria-autocomplete': 'list', autocomplete: 'off', placeholder: o.hint });
  const list = h('ul', { id: listId, role: 'listbox', 'aria-label': o.label, class: 'listbox', hidden: true });
  let matches: Criterion[] = [];
  let active = -1;

  const name = (c: Criterion) => `${c.code} ${o.lang === 'th' ? c.nameTh : c.nameEn}`;
  const render = () => {
    list.replaceChildren(
      ...(matches.length
        ? matches.map((c, i) =>
            h('li', { id: `${listId}-${i}`, role: 'option', 'aria-selected': String(i === active), class: i === active ? 'opt active' : 'opt', onmousedown: (e) => { e.preventDefault(); if (e.isTrusted) pick(i); } }, name(c)))
        : [h('li', { class: 'opt empty', 'aria-disabled': 'true' }, o.noMatch)]),
    );
    if (active >= 0) input.setAttribute('aria-activedescendant', `${listId}-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const open = (show: boolean) => {
    list.hidden = !show;
    input.setAttribute('aria-expanded', String(show));
  };
  const update = () => {
    matches = searchCriteria(o.set, input.value, o.lang).slice(0, 12);
    active = input.value.trim() && matches.length ? 0 : -1;
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
  input.addEventListener('focus', update);
  input.addEventListener('blur', () => open(false));
  input.addEventListener('keydown', (e) => {
    if (!e.isTrusted) return;
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (list.hidden) update();
      const n = matches.length;
      if (n) active = (active + (e.key === 'ArrowDown' ? 1 : n - 1)) % n;
      render();
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (active >= 0) pick(active);
    } else if (e.key === 'Escape') {
      open(false);
    }
  });
  return h('div', { class: 'field combo' }, h('label', { for: inputId }, o.label), input, list);
}
