import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import type { EvidenceRecord } from '../lib/evidence/types';
import { deleteEvidence, restoreEvidence, type DeletedEvidence } from '../lib/storage/evidence-repo';
import { isConfigured } from '../lib/storage/settings';
import { getDb } from './db';
import { useUi } from './i18n';
import { useChecklistData } from './useChecklistData';
import { ChecklistView } from './ChecklistView';
import { EvidenceDialog } from './EvidenceDialog';
import { UndoToast } from './UndoToast';
import { errorText } from './error-text';

export function SidePanelApp() {
  const { t, settings } = useUi();
  const data = useChecklistData();
  const [opened, setOpened] = useState<EvidenceRecord | null>(null);
  const [toast, setToast] = useState<{ text: string; undo?: DeletedEvidence } | null>(null);

  const onOpen = useCallback((r: EvidenceRecord) => setOpened(r), []);
  const onSelect = useCallback(() => {}, []);
  const dismiss = useCallback(() => setToast(null), []);

  const remove = async (r: EvidenceRecord) => {
    setOpened(null);
    try {
      const undo = await deleteEvidence(getDb(), [r.id]);
      setToast({ text: t('deleted'), undo });
    } catch (e) {
      setToast({ text: errorText(e, t) });
    }
  };
  const undo = async (d: DeletedEvidence) => {
    setToast(null);
    try {
      await restoreEvidence(getDb(), d);
    } catch (e) {
      setToast({ text: errorText(e, t) });
    }
  };

  return (
    <main>
      <h1>{t('checklistTitle')}{settings.agencyName ? ` — ${settings.agencyName}` : ''}</h1>
      {!isConfigured(settings) && (
        <p className="warn">
          {t('notConfigured')} <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('openSetup')}</button>
        </p>
      )}
      {data && <ChecklistView data={data} onOpen={onOpen} onSelect={onSelect} />}
      {opened && <EvidenceDialog record={opened} onClose={() => setOpened(null)} onDelete={() => void remove(opened)} />}
      {toast && <UndoToast text={toast.text} onUndo={toast.undo ? () => void undo(toast.undo!) : undefined} onDismiss={dismiss} />}
    </main>
  );
}
