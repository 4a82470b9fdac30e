import { useCallback, useState } from 'react';
import { browser } from 'wxt/browser';
import type { EvidenceRecord } from '../lib/evidence/types';
import { deleteEvidence, restoreEvidence, type DeletedEvidence } from '../lib/storage/evidence-repo';
import { isConfigured } from '../lib/storage/settings';
import type { UiKey } from '../lib/i18n/ui';
import { getDb } from './db';
import { useUi } from './i18n';
import { useChecklistData } from './useChecklistData';
import { ChecklistView } from './ChecklistView';
import { EvidenceDialog } from './EvidenceDialog';
import { UndoToast } from './UndoToast';
import { errorText } from './error-text';
import { TagErrorBanner } from './TagErrorBanner';
import { ChecklistFilters, DashboardView, ItemDetail, TasksView } from './workflow';
import { BundlePanel } from './bundle';
import { VerifyPanel } from './verify';

type Tab = 'checklist' | 'dashboard' | 'tasks' | 'bundle' | 'verify';
const TABS: [Tab, UiKey][] = [['checklist', 'tabChecklist'], ['dashboard', 'tabDashboard'], ['tasks', 'tabTasks'], ['bundle', 'tabBundle'], ['verify', 'tabVerify']];

export function SidePanelApp() {
  const { t, settings } = useUi();
  const data = useChecklistData();
  const [tab, setTab] = useState<Tab>('checklist');
  const [opened, setOpened] = useState<EvidenceRecord | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [visible, setVisible] = useState<Set<string> | undefined>(undefined);
  const [toast, setToast] = useState<{ text: string; undo?: DeletedEvidence } | null>(null);

  const onOpen = useCallback((r: EvidenceRecord) => setOpened(r), []);
  const onSelect = useCallback((code: string) => setSelected(code), []);
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
      <h1>{t('appName')}{settings.agencyName ? ` — ${settings.agencyName}` : ''}</h1>
      {!isConfigured(settings) && (
        <p className="warn">
          {t('notConfigured')} <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('openSetup')}</button>
        </p>
      )}
      <TagErrorBanner />
      <nav className="tabs" role="tablist" aria-label={t('appName')}>
        {TABS.map(([id, label]) => (
          <button key={id} type="button" role="tab" aria-selected={tab === id} onClick={() => setTab(id)}>{t(label)}</button>
        ))}
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>{t('settings')}</button>
      </nav>
      {data && tab === 'checklist' && (
        <>
          <ChecklistFilters data={data} onChange={setVisible} />
          <ChecklistView data={data} visibleCodes={visible} onOpen={onOpen} onSelect={onSelect} />
        </>
      )}
      {data && tab === 'dashboard' && <DashboardView data={data} />}
      {tab === 'tasks' && <TasksView />}
      {data && tab === 'bundle' && <BundlePanel data={data} />}
      {data && tab === 'verify' && <VerifyPanel data={data} />}
      {data && selected && <ItemDetail data={data} code={selected} onClose={() => setSelected(null)} />}
      {opened && <EvidenceDialog record={opened} onClose={() => setOpened(null)} onDelete={() => void remove(opened)} />}
      {toast && <UndoToast text={toast.text} onUndo={toast.undo ? () => void undo(toast.undo!) : undefined} onDismiss={dismiss} />}
    </main>
  );
}
