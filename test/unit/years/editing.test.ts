import { describe, expect, it } from 'vitest';
import {
  addDraftItem,
  copySetToYear,
  draftRenames,
  draftToSet,
  itemErrors,
  nextFreeCode,
  removeDraftItem,
  startDraft,
  updateDraftItem,
  validateDraft,
} from '../../../lib/criteria/editing';
import { getBuiltInSet } from '../../../lib/criteria/registry';
import { validateCriteriaSet } from '../../../lib/criteria/validate';

const base = () => getBuiltInSet('nacc-ita-oit/2564/all')!;
const idx = (d: ReturnType<typeof startDraft>, code: string) => d.items.findIndex((x) => x.item.code === code);

describe('criteria editor model', () => {
  it('copies a set to a new year: valid, new id, each item mapped to its own code in the source set', () => {
    const copy = copySetToYear(base(), 2570);
    expect(copy.id).toBe('nacc-ita-oit/2570/all');
    expect(copy.previousSetId).toBe('nacc-ita-oit/2564/all');
    expect(copy.items.every((it) => it.mapsFrom?.length === 1 && it.mapsFrom[0] === it.code)).toBe(true);
    expect(validateCriteriaSet(copy).ok).toBe(true);
  });

  it('edits an item without touching the original set', () => {
    const set = base();
    let d = startDraft(set);
    d = updateDraftItem(d, idx(d, 'O5'), { nameTh: 'ช่องทางติดต่อหน่วยงาน' });
    expect(draftToSet(d).items.find((i) => i.code === 'O5')!.nameTh).toBe('ช่องทางติดต่อหน่วยงาน');
    expect(set.items.find((i) => i.code === 'O5')!.nameTh).toBe('ข้อมูลการติดต่อ');
    expect(validateDraft(d).ok).toBe(true);
  });

  it('validates live: an empty name or a duplicate code is an error on that item', () => {
    let d = startDraft(base());
    const i = idx(d, 'O7');
    d = updateDraftItem(d, i, { nameTh: '' });
    d = updateDraftItem(d, idx(d, 'O8'), { code: 'O9' });
    const r = validateDraft(d);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(itemErrors(r.errors, i).map((e) => e.code)).toContain('empty-string');
    expect(r.errors.map((e) => e.code)).toContain('duplicate-code');
  });

  it('adds an item with the next free code, which is invalid until it has a name and an element', () => {
    let d = startDraft(base());
    expect(nextFreeCode(d)).toBe('O44');
    d = addDraftItem(d, '10.2');
    const added = d.items[d.items.length - 1]!;
    expect(added).toMatchObject({ originalCode: null, item: { code: 'O44', subindicator: '10.2', indicator: 10 } });
    expect(validateDraft(d).ok).toBe(false);
    d = updateDraftItem(d, d.items.length - 1, { nameTh: 'ข้อใหม่' });
    expect(validateDraft(d).ok).toBe(false);
    d = updateDraftItem(d, d.items.length - 1, {
      elements: [{ key: 'report', th: 'รายงาน', en: 'Report', required: true }],
    });
    expect(validateDraft(d).ok).toBe(true);
  });

  it('refuses to remove an item that has evidence, and removes it once the evidence is gone', () => {
    const d = startDraft(base());
    const counts = new Map([['O5', 2]]);
    const refused = removeDraftItem(d, idx(d, 'O5'), (c) => counts.get(c) ?? 0);
    expect(refused).toEqual({ ok: false, reason: 'has-evidence', code: 'O5', count: 2 });
    counts.delete('O5');
    const done = removeDraftItem(d, idx(d, 'O5'), (c) => counts.get(c) ?? 0);
    expect(done.ok && done.draft.items.some((x) => x.item.code === 'O5')).toBe(false);
  });

  it('counts evidence under the stored code even after the code was edited in the draft', () => {
    let d = startDraft(base());
    d = updateDraftItem(d, idx(d, 'O5'), { code: 'O50' });
    const r = removeDraftItem(d, idx(d, 'O50'), (c) => (c === 'O5' ? 1 : 0));
    expect(r.ok).toBe(false);
  });

  it('reports renumbered codes (a swap included) so that saving moves their evidence', () => {
    let d = startDraft(base());
    d = updateDraftItem(d, idx(d, 'O5'), { code: 'O6' });
    d = updateDraftItem(
      d,
      d.items.findIndex((x) => x.originalCode === 'O6'),
      { code: 'O5' },
    );
    expect([...draftRenames(d)]).toEqual([
      ['O5', 'O6'],
      ['O6', 'O5'],
    ]);
    expect(validateDraft(d).ok).toBe(true);
  });
});
