/** Closed fiscal years (archives) and the year of the open checklist. */
import type { EvidenceRecord } from '../evidence/types';
import { CHECKLIST_KEY, type ArchiveRow, type ChecklistYear, type ItaDb } from './db';
import { loadSettings } from './settings';

export function listArchives(db: ItaDb): Promise<ArchiveRow[]> {
  return db.archives.orderBy('fiscalYear').reverse().toArray();
}

export function getArchive(db: ItaDb, fiscalYear: number): Promise<ArchiveRow | undefined> {
  return db.archives.get(fiscalYear);
}

/** The evidence of a closed year, without the `fiscalYear` stamp (the archive row carries it). */
export async function archivedEvidence(db: ItaDb, fiscalYear: number): Promise<EvidenceRecord[]> {
  const rows = await db.archivedEvidence.where('fiscalYear').equals(fiscalYear).sortBy('capturedAt');
  return rows.map(({ fiscalYear: _year, ...record }) => record);
}

function isChecklistYear(v: unknown): v is ChecklistYear {
  if (!v || typeof v !== 'object') return false;
  const o = v as Record<string, unknown>;
  return (
    Number.isInteger(o.fiscalYear) &&
    typeof o.criteriaSetId === 'string' &&
    (o.startedAt === null || typeof o.startedAt === 'string')
  );
}

/** The open checklist's year; before the first roll-over, the year in the settings. */
export async function getChecklistYear(db: ItaDb): Promise<ChecklistYear> {
  const row = await db.meta.get(CHECKLIST_KEY);
  if (isChecklistYear(row?.value)) return row.value;
  const s = await loadSettings(db);
  return { fiscalYear: s.fiscalYear, criteriaSetId: s.criteriaSetId, startedAt: null };
}
