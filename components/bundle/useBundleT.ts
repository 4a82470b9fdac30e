import { useMemo } from 'react';
import { bundleText, type BundleUiKey } from '../../lib/i18n/ui-bundle';
import { useUi } from '../i18n';

export type BundleT = (key: BundleUiKey, params?: Record<string, string | number>) => string;

/** The bundle panel's strings in the UI language, plus everything useUi() gives. */
export function useBundleT() {
  const ui = useUi();
  const b = useMemo<BundleT>(() => (key, params) => bundleText(ui.lang, key, params), [ui.lang]);
  return { ...ui, b };
}
