/** Storage failures, mapped from DOMException/Dexie names to codes the UI can explain. */
export type StorageErrorCode = 'storage-full' | 'invalid-record' | 'not-found' | 'storage-failed';

export class StorageError extends Error {
  constructor(
    readonly code: StorageErrorCode,
    message: string,
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'StorageError';
  }
}

const QUOTA_NAMES = new Set(['QuotaExceededError', 'DataCloneError_quota']);

/** Dexie wraps the DOMException; its `inner` (or the error itself) carries the real name. */
export function toStorageError(e: unknown): StorageError {
  if (e instanceof StorageError) return e;
  const names: string[] = [];
  let cur: unknown = e;
  for (let i = 0; i < 4 && cur && typeof cur === 'object'; i++) {
    const name = (cur as { name?: unknown }).name;
    if (typeof name === 'string') names.push(name);
    cur = (cur as { inner?: unknown }).inner;
  }
  const message = e instanceof Error ? e.message : String(e);
  if (names.some((n) => QUOTA_NAMES.has(n)) || /quota/i.test(message)) {
    return new StorageError('storage-full', 'Storage is full', message);
  }
  return new StorageError('storage-failed', 'Storage failed', message);
}
