// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { criterionCombobox } from '../../../entrypoints/overlay-form/combobox';
import { getBuiltInSet } from '../../../lib/criteria/registry';

function setup() {
  Element.prototype.scrollIntoView ??= () => undefined; // jsdom has no layout
  const picked: string[] = [];
  const c = criterionCombobox({
    set: getBuiltInSet()!,
    lang: 'en',
    label: 'Criterion',
    hint: 'code or words',
    noMatch: 'No match',
    onPick: (x) => picked.push(x.code),
  });
  document.body.append(c.root);
  const list = c.root.querySelector<HTMLElement>('[role=listbox]')!;
  c.input.focus();
  c.input.value = 'O5';
  c.input.dispatchEvent(new Event('input'));
  return { c, list, picked };
}

describe('the criterion combobox', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('closes its list when focus moves on inside the form', () => {
    const { c, list } = setup();
    expect(list.hidden).toBe(false);
    vi.spyOn(document, 'hasFocus').mockReturnValue(true);
    c.input.dispatchEvent(new FocusEvent('blur'));
    expect(list.hidden).toBe(true);
    expect(c.input.getAttribute('aria-expanded')).toBe('false');
  });

  it('keeps its list open when something outside the form takes focus (the page, a PDF viewer), so a click still picks', () => {
    const { c, list, picked } = setup();
    vi.spyOn(document, 'hasFocus').mockReturnValue(false);
    c.input.dispatchEvent(new FocusEvent('blur'));
    expect(list.hidden).toBe(false);
    list.querySelector('[role=option]')!.dispatchEvent(new MouseEvent('mousedown', { bubbles: true }));
    expect(picked).toEqual(['O5']);
  });
});
