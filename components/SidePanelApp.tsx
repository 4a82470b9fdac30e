import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
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
import { PanelTabs } from './PanelTabs';
import { RecordBoundary } from './RecordBoundary';
import { Icon, type IconName } from './icons';
import { thaiLang } from './lang-attr';
import { ChecklistFilters, DashboardView, ItemDetail, TasksView } from './workflow';
import { BundlePanel } from './bundle';
import { VerifyPanel } from './verify';

type Tab = 'checklist' | 'dashboard' | 'tasks' | 'bundle' | 'verify';
type TabKey = 'tabChecklist' | 'tabDashboard' | 'tabTasks' | 'tabBundle' | 'tabVerify';
const TABS: [Tab, TabKey, IconName][] = [
  ['checklist', 'tabChecklist', 'checklist'],
  ['dashboard', 'tabDashboard', 'dashboard'],
  ['tasks', 'tabTasks', 'tasks'],
  ['bundle', 'tabBundle', 'bundle'],
  ['verify', 'tabVerify', 'verify'],
];

/** Where focus goes after the opened evidence is deleted: its item's name button, which stays. */
function focusTargetFor(opener: HTMLElement): HTMLElement {
  return opener.closest('li')?.querySelector<HTMLElement>('button.linkish') ?? opener;
}

export function SidePanelApp() {
  const { t, lang, settings } = useUi();
  const data = useChecklistData();
  const [tab, setTab] = useState<Tab>('checklist');
  const [opened, setOpened] = useState<EvidenceRecord | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [visible, setVisible] = useState<Set<string> | undefined>(undefined);
  const [toast, setToast] = useState<{ id: number; text: string; undo?: DeletedEvidence } | null>(null);
  const returnFocus = useRef<HTMLElement | null>(null);
  const toastSeq = useRef(0);

  const onOpen = useCallback((r: EvidenceRecord, opener: HTMLElement) => {
    returnFocus.current = focusTargetFor(opener);
    setOpened(r);
  }, []);
  const onSelect = useCallback((code: string) => setSelected(code), []);
  const dismiss = useCallback(() => setToast(null), []);
  const show = (text: string, undo?: DeletedEvidence) => setToast({ id: ++toastSeq.current, text, undo });
  const tabs = useMemo(() => TABS.map(([id, key, icon]) => ({ id, label: t(`${key}Short` as UiKey), icon })), [t]);
  // The side panel's title names the tab and the agency (read by screen readers and shown in tab strips).
  const tabTitle = t(TABS.find(([id]) => id === tab)![1]);
  useEffect(() => {
    document.title = [tabTitle, settings.agencyName, t('appName')].filter(Boolean).join(' — ');
  }, [tabTitle, settings.agencyName, t]);

  // The dialog has closed itself already (native focus return to the thumbnail); the thumbnail goes
  // away with the record, so focus moves to the item it belonged to.
  const remove = async (r: EvidenceRecord) => {
    setOpened(null);
    const target = returnFocus.current;
    target?.focus();
    try {
      const undo = await deleteEvidence(getDb(), [r.id]);
      show(t('deleted'), undo);
    } catch (e) {
      show(errorText(e, t));
    }
    if (target?.isConnected && document.activeElement !== target) target.focus();
  };
  const undo = async (d: DeletedEvidence) => {
    setToast(null);
    try {
      await restoreEvidence(getDb(), d);
    } catch (e) {
      show(errorText(e, t));
    }
  };

  return (
    <main>
      <h1 className="sr-only">
        {t('appName')}
        {settings.agencyName && (
          <>
            {' '}
            — <span lang={thaiLang(settings.agencyName, lang)}>{settings.agencyName}</span>
          </>
        )}
      </h1>
      <PanelTabs<Tab>
        tabs={tabs}
        selected={tab}
        onSelect={setTab}
        label={t('panelTabs')}
        barEnd={
          <button
            type="button"
            className="settings"
            aria-label={t('settings')}
            title={t('settings')}
            onClick={() => void browser.runtime.openOptionsPage()}
          >
            <Icon name="settings" />
          </button>
        }
      >
        {settings.agencyName && (
          <p className="panel-agency" lang={thaiLang(settings.agencyName, lang)}>
            {settings.agencyName}
          </p>
        )}
        <TagErrorBanner />
        {!isConfigured(settings) && (
          <p className="warn">
            {t('notConfigured')}{' '}
            <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
              {t('openSetup')}
            </button>
          </p>
        )}
        {/* One damaged record shows as damaged instead of unmounting the panel. */}
        <RecordBoundary
          key={tab}
          fallback={
            <p role="alert" className="status error">
              {t('damagedPart')}
            </p>
          }
        >
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
        </RecordBoundary>
      </PanelTabs>
      {data && selected && <ItemDetail data={data} code={selected} onClose={() => setSelected(null)} />}
      {opened && (
        <EvidenceDialog record={opened} onClose={() => setOpened(null)} onDelete={() => void remove(opened)} />
      )}
      {toast && (
        <UndoToast
          key={toast.id}
          text={toast.text}
          onUndo={toast.undo ? () => void undo(toast.undo!) : undefined}
          onDismiss={dismiss}
        />
      )}
    </main>
  );
}
