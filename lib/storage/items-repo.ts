import type { ItemRecord, ItemStatus } from '../evidence/types';
import { RecordValidationError, isIsoDate, requireString } from '../evidence/record-validation';
import { isHttpUrl } from '../util/url';
import { isPlainObject } from '../util/guards';
import { isItemStatus } from '../evidence/item-status';
import type { ItaDb } from './db';

export type Clock = () => Date;
export type ItemPatch = Partial<Omit<ItemRecord, 'code' | 'updatedAt'>>;

const systemClock: Clock = () => new Date();

function defaultItem(code: string, updatedAt: string): ItemRecord {
  return {
    code,
    unit: '',
    dueDate: null,
    assignee: '',
    notes: '',
    statusOverride: null,
    submitUrls: null,
    explanation: null,
    updatedAt,
  };
}

function validateOverride(value: unknown): ItemRecord['statusOverride'] {
  if (value === null) return null;
  if (!isPlainObject(value)) throw new RecordValidationError('invalid-field', 'statusOverride', value);
  const o = value;
  if (!isItemStatus(o.status)) throw new RecordValidationError('invalid-status', 'statusOverride.status', o.status);
  if (typeof o.reason !== 'string' || o.reason.trim() === '') {
    throw new RecordValidationError('override-reason-required', 'statusOverride.reason', o.reason);
  }
  return { status: o.status, reason: o.reason.trim() };
}

/** Checks every field present in the patch; returns a clean copy (URLs trimmed). */
function validateItemPatch(patch: ItemPatch): ItemPatch {
  const out: ItemPatch = {};
  if ('unit' in patch) out.unit = requireString(patch.unit, 'unit').trim();
  if ('assignee' in patch) out.assignee = requireString(patch.assignee, 'assignee').trim();
  if ('notes' in patch) out.notes = requireString(patch.notes, 'notes');
  if ('dueDate' in patch) {
    if (patch.dueDate !== null && !isIsoDate(patch.dueDate)) {
      throw new RecordValidationError('invalid-date', 'dueDate', patch.dueDate);
    }
    out.dueDate = patch.dueDate ?? null;
  }
  if ('submitUrls' in patch) {
    const urls = patch.submitUrls ?? null;
    if (urls !== null) {
      if (!Array.isArray(urls)) throw new RecordValidationError('invalid-field', 'submitUrls', urls);
      urls.forEach((url, i) => {
        if (!isHttpUrl(url)) throw new RecordValidationError('invalid-url', `submitUrls[${i}]`, url);
      });
    }
    out.submitUrls = urls === null ? null : urls.map((url) => url.trim());
  }
  if ('explanation' in patch) {
    out.explanation = patch.explanation == null ? null : requireString(patch.explanation, 'explanation');
  }
  if ('statusOverride' in patch) out.statusOverride = validateOverride(patch.statusOverride ?? null);
  return out;
}

export function getItem(db: ItaDb, code: string): Promise<ItemRecord | undefined> {
  return db.items.get(code);
}

export function listItems(db: ItaDb): Promise<ItemRecord[]> {
  return db.items.toArray();
}

/** Applies a validated patch, creating the item with defaults when it does not exist yet. */
export async function updateItem(
  db: ItaDb,
  code: string,
  patch: ItemPatch,
  clock: Clock = systemClock,
): Promise<ItemRecord> {
  if (typeof code !== 'string' || code.trim() === '') throw new RecordValidationError('invalid-field', 'code', code);
  const clean = validateItemPatch(patch);
  return db.transaction('rw', db.items, async () => {
    const updatedAt = clock().toISOString();
    const current = (await db.items.get(code)) ?? defaultItem(code, updatedAt);
    const next: ItemRecord = { ...current, ...clean, code, updatedAt };
    await db.items.put(next);
    return next;
  });
}

/** A hand-set status must say why: the reason is shown beside the status and in the report. */
export function setOverride(
  db: ItaDb,
  code: string,
  status: ItemStatus,
  reason: string,
  clock: Clock = systemClock,
): Promise<ItemRecord> {
  return updateItem(db, code, { statusOverride: { status, reason } }, clock);
}

export function clearOverride(db: ItaDb, code: string, clock: Clock = systemClock): Promise<ItemRecord> {
  return updateItem(db, code, { statusOverride: null }, clock);
}
