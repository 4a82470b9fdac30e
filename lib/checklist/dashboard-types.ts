import type { Confidence } from '../criteria/types';
import type { ItemStatus, TaskRecord } from '../evidence/types';
import type { Progress } from './progress';
import type { ScoreEstimate } from './score';
import type { StatusInfo } from './status';

export interface DashboardRow {
  code: string;
  nameTh: string;
  nameEn: string;
  indicator: number;
  subindicator: string;
  status: StatusInfo;
  unit: string;
  dueDate: string | null;
  assignee: string;
  evidenceCount: number;
  /**
   * Every piece of evidence was opened directly (reachedFromHome false): assessors may not count it.
   * False when there is no evidence. A flag only; the status is still derived from element ticks.
   */
  unlinkedOnly: boolean;
  /** Due before today and not complete. */
  overdue: boolean;
  confidence: Confidence;
}

export interface GroupProgress<K> extends Progress {
  key: K;
  nameTh: string;
  nameEn: string;
}

export interface OrphanEvidence {
  id: string;
  url: string;
  title: string;
  capturedAt: string;
  /** The record's codes that are not in the set; empty when the record is not tagged at all. */
  unknownCodes: string[];
  /** True when none of the record's codes is in the set. */
  wholly: boolean;
}

export interface Dashboard {
  setId: string;
  today: string;
  rows: DashboardRow[];
  progress: {
    overall: Progress;
    byIndicator: GroupProgress<number>[];
    bySubindicator: GroupProgress<string>[];
    /** Units in the order given, then others found on items; '' collects unassigned items. */
    byUnit: GroupProgress<string>[];
  };
  score: ScoreEstimate;
  /** Items per shown status (override included), every status present. */
  statusCounts: Record<ItemStatus, number>;
  /** Codes, in set order. */
  overdueItems: string[];
  noEvidenceItems: string[];
  upcomingTasks: TaskRecord[];
  overdueTasks: TaskRecord[];
  orphans: OrphanEvidence[];
}
