/** Turns the export form's choice into the exporter's subset, or says what is missing. */
import type { BundleSubset } from '../../lib/bundle';
import type { BundleUiKey } from '../../lib/i18n/ui-bundle';

export type SubsetChoice = 'all' | 'unit' | 'items' | 'changed';

export interface SubsetForm {
  choice: SubsetChoice;
  unit: string;
  codes: string[];
  lastExportAt: string | null;
}

export type SubsetResult = { ok: true; subset: BundleSubset | undefined } | { ok: false; error: BundleUiKey };

export function subsetFromForm(f: SubsetForm): SubsetResult {
  switch (f.choice) {
    case 'all':
      return { ok: true, subset: undefined };
    case 'unit':
      return f.unit ? { ok: true, subset: { units: [f.unit] } } : { ok: false, error: 'noUnitChosen' };
    case 'items':
      return f.codes.length ? { ok: true, subset: { codes: [...f.codes] } } : { ok: false, error: 'noItemsChosen' };
    case 'changed':
      // With no earlier export, everything counts as changed: export it all.
      return { ok: true, subset: f.lastExportAt ? { changedSince: f.lastExportAt } : undefined };
  }
}
