import Dexie, { type EntityTable } from 'dexie';
import type { BlobRow, EvidenceRecord, ItemRecord, TaskRecord } from '../evidence/types';
import type { CriteriaSet } from '../criteria/types';

export interface MetaRow {
  key: string;
  value: unknown;
}

export interface VerifyRow {
  /** `${evidenceId}` for a page, `${evidenceId}#${artifactId}` for a linked document. */
  key: string;
  evidenceId: string;
  checkedAt: string;
  result: unknown;
}

/** A closed fiscal year: read-only, kept whole so that it can still be exported as a bundle. */
export interface ArchiveRow {
  fiscalYear: number;
  /** The set the year was assessed against, as it was when the year closed. */
  criteriaSet: CriteriaSet;
  agency: { name: string; homeUrl: string; units: string[]; urlCap: number };
  items: ItemRecord[];
  tasks: TaskRecord[];
  verify: VerifyRow[];
  evidenceCount: number;
  archivedAt: string;
}

/** An evidence record of a closed year; its bytes stay in `blobs`. */
interface ArchivedEvidenceRow extends EvidenceRecord {
  fiscalYear: number;
}

/** The `meta` row that says which fiscal year and set the evidence in `evidence` was captured for. */
export const CHECKLIST_KEY = 'checklist';

export interface ChecklistYear {
  fiscalYear: number;
  criteriaSetId: string;
  /** When this year was started by a roll-over; null for the first year of a profile. */
  startedAt: string | null;
}

export type ItaDb = Dexie & {
  evidence: EntityTable<EvidenceRecord, 'id'>;
  blobs: EntityTable<BlobRow, 'id'>;
  items: EntityTable<ItemRecord, 'code'>;
  tasks: EntityTable<TaskRecord, 'id'>;
  verify: EntityTable<VerifyRow, 'key'>;
  criteriaSets: EntityTable<CriteriaSet, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
  archives: EntityTable<ArchiveRow, 'fiscalYear'>;
  archivedEvidence: EntityTable<ArchivedEvidenceRow, 'id'>;
};

const DB_NAME = 'ita-evidence';

/** What version 1 used when no settings were saved (fixed here: later defaults must not rewrite history). */
const V1_DEFAULT_YEAR = 2564;
const V1_DEFAULT_SET = 'nacc-ita-oit/2564/all';

/**
 * Every schema version stays listed here with its upgrade, so that any old profile upgrades step
 * by step. test/unit/storage/db-migrations.test.ts walks them from version 1.
 */
export function openDb(name: string = DB_NAME): ItaDb {
  const db = new Dexie(name) as ItaDb;
  db.version(1).stores({
    evidence: 'id, *criteria, url, capturedAt',
    blobs: 'id',
    items: 'code',
    tasks: 'id, end',
    verify: 'key, evidenceId',
    criteriaSets: 'id',
    meta: 'key',
  });
  // 2: closed fiscal years live beside the open one. The open year is stamped from the settings, so
  // that evidence already stored keeps the year it was captured for even if the settings change later.
  db.version(2)
    .stores({ archives: 'fiscalYear', archivedEvidence: 'id, fiscalYear, *criteria' })
    .upgrade(async (tx) => {
      const row = (await tx.table('meta').get('settings')) as
        { value?: { fiscalYear?: unknown; criteriaSetId?: unknown } } | undefined;
      const settings = row?.value;
      const fiscalYear = Number.isInteger(settings?.fiscalYear) ? (settings!.fiscalYear as number) : V1_DEFAULT_YEAR;
      const criteriaSetId =
        typeof settings?.criteriaSetId === 'string' && settings.criteriaSetId !== ''
          ? settings.criteriaSetId
          : V1_DEFAULT_SET;
      const year: ChecklistYear = { fiscalYear, criteriaSetId, startedAt: null };
      await tx.table('meta').put({ key: CHECKLIST_KEY, value: year });
    });
  return db;
}
