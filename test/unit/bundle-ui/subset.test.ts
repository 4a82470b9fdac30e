import { describe, expect, it } from 'vitest';
import { subsetFromForm } from '../../../components/bundle/subset';

const base = { unit: '', codes: [] as string[], lastExportAt: null as string | null };

describe('subsetFromForm', () => {
  it('exports everything without a subset', () => {
    expect(subsetFromForm({ ...base, choice: 'all', unit: 'กองคลัง', codes: ['O1'] })).toEqual({
      ok: true,
      subset: undefined,
    });
  });
  it('needs a unit for a unit export', () => {
    expect(subsetFromForm({ ...base, choice: 'unit' })).toEqual({ ok: false, error: 'noUnitChosen' });
    expect(subsetFromForm({ ...base, choice: 'unit', unit: 'กองคลัง' })).toEqual({
      ok: true,
      subset: { units: ['กองคลัง'] },
    });
  });
  it('needs at least one item for an item export', () => {
    expect(subsetFromForm({ ...base, choice: 'items' })).toEqual({ ok: false, error: 'noItemsChosen' });
    expect(subsetFromForm({ ...base, choice: 'items', codes: ['O5', 'O10'] })).toEqual({
      ok: true,
      subset: { codes: ['O5', 'O10'] },
    });
  });
  it('exports changes since the last export, or everything when there was none', () => {
    const at = '2021-03-10T05:00:00.000Z';
    expect(subsetFromForm({ ...base, choice: 'changed', lastExportAt: at })).toEqual({
      ok: true,
      subset: { changedSince: at },
    });
    expect(subsetFromForm({ ...base, choice: 'changed' })).toEqual({ ok: true, subset: undefined });
  });
});
