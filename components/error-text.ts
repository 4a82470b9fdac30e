import { StorageError } from '../lib/storage/errors';
import type { UiKey } from '../lib/i18n/ui';

export function errorText(e: unknown, t: (k: UiKey, p?: Record<string, string | number>) => string): string {
  if (e instanceof StorageError && e.code === 'storage-full') return t('storageFull');
  return t('errorGeneric', { detail: e instanceof Error ? e.message : String(e) });
}
