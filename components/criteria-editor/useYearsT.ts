import { useMemo } from 'react';
import { translateYears, type YearsKey } from '../../lib/i18n/ui-years';
import { useUi } from '../i18n';

export type YearsT = (key: YearsKey, params?: Record<string, string | number>) => string;

/** The editor and roll-over strings in the UI language, plus everything useUi() gives. */
export function useYearsT() {
  const ui = useUi();
  const y = useMemo<YearsT>(() => (key, params) => translateYears(ui.lang, key, params), [ui.lang]);
  return { ...ui, y };
}
