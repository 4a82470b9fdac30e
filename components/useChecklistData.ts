import { useMemo } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';
import { useUi } from './i18n';
import { getCriteriaSet } from '../lib/storage/criteria-store';
import { listEvidence } from '../lib/storage/evidence-repo';
import { listItems } from '../lib/storage/items-repo';
import { listTasks } from '../lib/storage/tasks-repo';
import { buildDashboard, type Dashboard } from '../lib/checklist/dashboard';
import { criteriaIndex, type CriteriaIndex } from '../lib/criteria/registry';
import type { CriteriaSet } from '../lib/criteria/types';
import type { EvidenceRecord, ItemRecord, TaskRecord } from '../lib/evidence/types';

export interface ChecklistData {
  set: CriteriaSet;
  index: CriteriaIndex;
  evidence: EvidenceRecord[];
  byCode: Map<string, EvidenceRecord[]>;
  items: Map<string, ItemRecord>;
  tasks: TaskRecord[];
  dashboard: Dashboard;
}

function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Everything the side panel shows, read live: it updates when another context writes. */
export function useChecklistData(): ChecklistData | null {
  const { settings } = useUi();
  const db = getDb();
  const set = useLiveQuery(() => getCriteriaSet(db, settings.criteriaSetId), [settings.criteriaSetId]);
  const evidence = useLiveQuery(() => listEvidence(db), []);
  const items = useLiveQuery(() => listItems(db), []);
  const tasks = useLiveQuery(() => listTasks(db), []);
  return useMemo(() => {
    if (!set || !evidence || !items || !tasks) return null;
    const byCode = new Map<string, EvidenceRecord[]>();
    for (const r of evidence)
      for (const c of r.criteria) {
        const list = byCode.get(c);
        if (list) list.push(r);
        else byCode.set(c, [r]);
      }
    const dashboard = buildDashboard({ set, evidence, items, tasks, today: todayIso(), units: settings.units });
    return {
      set,
      index: criteriaIndex(set),
      evidence,
      byCode,
      items: new Map(items.map((i) => [i.code, i])),
      tasks,
      dashboard,
    };
  }, [set, evidence, items, tasks, settings.units]);
}
