import type { CaptureResult } from '../../lib/messages/protocol';
import { captureMessage, type CaptureMessageCode } from '../../lib/capture/messages';
import { DOCUMENT_SIZE_CAP } from '../../lib/capture/documents';
import { FORM_STRINGS, OVERLAY_STRINGS, fill } from '../../lib/i18n/overlay-strings';

type Failure = Extract<CaptureResult, { ok: false }>;

const ERROR_CODE: Record<Exclude<Failure['code'], 'not-visible'>, CaptureMessageCode> = {
  'permission-missing': 'permission-missing',
  'restricted-page': 'restricted-page',
  'capture-refused': 'capture-refused',
  quota: 'quota-exceeded',
  'storage-full': 'storage-full',
  cancelled: 'cancelled',
  'document-too-large': 'document-too-large',
  'document-failed': 'document-failed',
  'document-type': 'document-type',
  'invalid-request': 'capture-failed',
  failed: 'capture-failed',
};

/** What the status line says about a Save. A worker killed mid-save never shows the browser's raw English error. */
export function resultMessage(r: CaptureResult, lang: 'th' | 'en', pageUrl: string): string {
  const t = { ...OVERLAY_STRINGS[lang], ...FORM_STRINGS[lang] };
  if (r.ok) return fill(t.savedAs, { codes: '', count: r.artifacts });
  if (r.code === 'not-visible') return t.notVisible;
  const detail = r.detail ?? '';
  if (r.code === 'cancelled' && detail === 'tab-changed') return captureMessage('tab-changed', lang);
  if (r.code === 'failed' && detail === 'busy') return captureMessage('capture-busy', lang);
  if (
    r.code === 'failed' &&
    /message (port|channel) closed|receiving end does not exist|extension context invalidated/i.test(detail)
  )
    return t.restarted;
  return captureMessage(ERROR_CODE[r.code], lang, {
    detail,
    url: pageUrl,
    size: detail || '?',
    limit: Math.round(DOCUMENT_SIZE_CAP / 1024 / 1024),
  });
}
