import type { BlobRow, EvidenceRecord } from '../evidence/types';
import { validateEvidence } from '../evidence/validate';
import type { ItaDb } from './db';
import { StorageError, toStorageError } from './errors';

/** Writes the record and all its artifact bytes in one transaction: nothing is half-saved. */
export async function saveEvidence(db: ItaDb, record: EvidenceRecord, blobs: BlobRow[]): Promise<void> {
  const issues = validateEvidence(record);
  if (issues.length) {
    throw new StorageError(
      'invalid-record',
      'Invalid evidence record',
      issues.map((i) => `${i.path}: ${i.problem}`).join('; '),
    );
  }
  const ids = new Set(record.artifacts.map((a) => a.id));
  if (blobs.some((b) => !ids.has(b.id))) throw new StorageError('invalid-record', 'Blob without artifact');
  try {
    await db.transaction('rw', db.evidence, db.blobs, async () => {
      await db.blobs.bulkPut(blobs);
      await db.evidence.put(record);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

export function listEvidence(db: ItaDb): Promise<EvidenceRecord[]> {
  return db.evidence.orderBy('capturedAt').toArray();
}

export function listByCriterion(db: ItaDb, code: string): Promise<EvidenceRecord[]> {
  return db.evidence.where('criteria').equals(code).sortBy('capturedAt');
}

export async function getBlob(db: ItaDb, id: string): Promise<Uint8Array | undefined> {
  return (await db.blobs.get(id))?.data;
}

/** What a delete removed, so that it can be undone exactly. */
export interface DeletedEvidence {
  records: EvidenceRecord[];
  blobs: BlobRow[];
}

export async function deleteEvidence(db: ItaDb, ids: string[]): Promise<DeletedEvidence> {
  try {
    return await db.transaction('rw', db.evidence, db.blobs, db.verify, async () => {
      const records = (await db.evidence.bulkGet(ids)).filter((r): r is EvidenceRecord => !!r);
      const blobIds = records.flatMap((r) => r.artifacts.map((a) => a.id));
      const blobs = (await db.blobs.bulkGet(blobIds)).filter((b): b is BlobRow => !!b);
      await db.evidence.bulkDelete(records.map((r) => r.id));
      await db.blobs.bulkDelete(blobIds);
      await db.verify.where('evidenceId').anyOf(ids).delete();
      return { records, blobs };
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

export async function restoreEvidence(db: ItaDb, deleted: DeletedEvidence): Promise<void> {
  try {
    await db.transaction('rw', db.evidence, db.blobs, async () => {
      await db.blobs.bulkPut(deleted.blobs);
      await db.evidence.bulkPut(deleted.records);
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

export async function updateEvidence(
  db: ItaDb,
  id: string,
  patch: Partial<Pick<EvidenceRecord, 'criteria' | 'note' | 'elementTicks'>>,
  now: () => Date = () => new Date(),
): Promise<EvidenceRecord> {
  try {
    return await db.transaction('rw', db.evidence, async () => {
      const cur = await db.evidence.get(id);
      if (!cur) throw new StorageError('not-found', 'Evidence not found', id);
      const next: EvidenceRecord = { ...cur, ...patch, updatedAt: now().toISOString() };
      const issues = validateEvidence(next);
      if (issues.length)
        throw new StorageError('invalid-record', 'Invalid evidence record', issues.map((i) => i.path).join(', '));
      await db.evidence.put(next);
      return next;
    });
  } catch (e) {
    throw toStorageError(e);
  }
}

/** Move: replace `from` by `to`. Copy: add `to`. The record (and its bytes) is shared, never duplicated. */
export async function reassignCriterion(
  db: ItaDb,
  id: string,
  from: string,
  to: string,
  mode: 'move' | 'copy',
): Promise<EvidenceRecord> {
  const cur = await db.evidence.get(id);
  if (!cur) throw new StorageError('not-found', 'Evidence not found', id);
  const kept = mode === 'move' ? cur.criteria.filter((c) => c !== from) : cur.criteria;
  const criteria = kept.includes(to) ? kept : [...kept, to];
  const elementTicks = { ...cur.elementTicks };
  if (mode === 'move') delete elementTicks[from];
  return updateEvidence(db, id, { criteria, elementTicks });
}

export async function findEvidence(db: ItaDb, query: string): Promise<EvidenceRecord[]> {
  const q = query.trim().toLowerCase();
  if (!q) return listEvidence(db);
  return db.evidence
    .filter(
      (r) =>
        r.url.toLowerCase().includes(q) ||
        r.title.toLowerCase().includes(q) ||
        safeDecode(r.url).toLowerCase().includes(q),
    )
    .toArray();
}

function safeDecode(u: string): string {
  try {
    return decodeURI(u);
  } catch {
    return u;
  }
}
