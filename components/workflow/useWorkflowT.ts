import { useMemo } from 'react';
import { translateWorkflow, type WorkflowKey } from '../../lib/i18n/ui-workflow';
import { useUi } from '../i18n';

export type WorkflowT = (key: WorkflowKey, params?: Record<string, string | number>) => string;

/** The workflow strings in the UI language, plus everything useUi() gives. */
export function useWorkflowT() {
  const ui = useUi();
  const w = useMemo<WorkflowT>(() => (key, params) => translateWorkflow(ui.lang, key, params), [ui.lang]);
  return { ...ui, w };
}
