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

export type ItaDb = Dexie & {
  evidence: EntityTable<EvidenceRecord, 'id'>;
  blobs: EntityTable<BlobRow, 'id'>;
  items: EntityTable<ItemRecord, 'code'>;
  tasks: EntityTable<TaskRecord, 'id'>;
  verify: EntityTable<VerifyRow, 'key'>;
  criteriaSets: EntityTable<CriteriaSet, 'id'>;
  meta: EntityTable<MetaRow, 'key'>;
};

export const DB_NAME = 'ita-evidence';

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
  return db;
}
