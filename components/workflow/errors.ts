import { RecordValidationError, RECORD_ERROR_MESSAGES } from '../../lib/evidence/record-validation';
import type { UiKey } from '../../lib/i18n/ui';
import { errorText } from '../error-text';

/** A readable message for a failed save: record validation codes first, storage errors otherwise. */
export function saveErrorText(
  e: unknown,
  lang: 'th' | 'en',
  t: (k: UiKey, p?: Record<string, string | number>) => string,
): string {
  if (e instanceof RecordValidationError) return RECORD_ERROR_MESSAGES[e.code][lang];
  return errorText(e, t);
}
