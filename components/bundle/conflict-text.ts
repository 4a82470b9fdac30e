/** Plain-text rendering of merge conflicts and import results for the bundle panel. */
import type { FieldConflict, MergeResult } from '../../lib/bundle';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import { bundleText, isBundleUiKey } from '../../lib/i18n/ui-bundle';
import type { Lang } from '../../lib/i18n/language';

function isRecordLike(v: unknown): v is { url: unknown; capturedAt: unknown; artifacts: { sha256?: unknown }[] } {
  return (
    !!v &&
    typeof v === 'object' &&
    'url' in v &&
    'capturedAt' in v &&
    Array.isArray((v as { artifacts?: unknown }).artifacts)
  );
}

/** One conflicting value as the reviewer reads it: dates in B.E., lists joined, records summarised. */
export function formatValue(v: unknown, field: string, lang: Lang): string {
  if (v === null || v === undefined || v === '' || (Array.isArray(v) && v.length === 0))
    return bundleText(lang, 'empty');
  if (field === 'dueDate' && typeof v === 'string') return formatDateBE(v, lang);
  if (typeof v === 'string') return v;
  if (Array.isArray(v)) return v.map((x) => (typeof x === 'string' ? x : JSON.stringify(x))).join(', ');
  if (isRecordLike(v)) {
    const hashes = v.artifacts.map((a) => (typeof a.sha256 === 'string' ? a.sha256 : '').slice(0, 12)).join(', ');
    return `${String(v.url)} · ${formatDateBE(String(v.capturedAt), lang, { time: true })} · ${v.artifacts.length} × [${hashes}]`;
  }
  if (field === 'statusOverride' && typeof v === 'object' && 'status' in v) {
    const o = v as { status: unknown; reason?: unknown };
    return typeof o.reason === 'string' && o.reason ? `${String(o.status)} (${o.reason})` : String(o.status);
  }
  if (field === 'elementTicks' && typeof v === 'object') {
    return (
      Object.entries(v as Record<string, unknown>)
        .map(([code, keys]) => `${code}: ${Array.isArray(keys) ? keys.join(', ') : String(keys)}`)
        .join('; ') || bundleText(lang, 'empty')
    );
  }
  return JSON.stringify(v);
}

export function fieldLabel(field: string, lang: Lang): string {
  const key = `field_${field}`;
  return isBundleUiKey(key) ? bundleText(lang, key) : field;
}

/** "O5", or "Evidence <title> (<short id>)" when the record's title is known. */
export function conflictSubject(
  c: FieldConflict,
  lang: Lang,
  titleOf: (id: string) => string | undefined = () => undefined,
): string {
  if (c.kind !== 'evidence') return c.key;
  const id = c.key.replace(/^evidence:/, '');
  const title = titleOf(id);
  return bundleText(lang, 'evidenceKey', { id: title ? `${title} (${id.slice(0, 8)})` : id });
}

/** The lines of the import summary; the zero counts of optional lines are left out. */
export function summaryLines(r: MergeResult, lang: Lang): string[] {
  const lines = [
    bundleText(lang, 'sumAdded', { n: r.addedEvidence }),
    bundleText(lang, 'sumSkipped', { n: r.skippedEvidence }),
  ];
  if (r.updatedEvidence) lines.push(bundleText(lang, 'sumEvidenceUpdated', { n: r.updatedEvidence }));
  if (r.addedItems) lines.push(bundleText(lang, 'sumItemsAdded', { n: r.addedItems }));
  lines.push(bundleText(lang, 'sumItemsUpdated', { n: r.updatedItems }));
  return lines;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} B`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${(n / (1024 * 1024)).toFixed(1)} MB`;
}
