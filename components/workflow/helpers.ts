/** Plain helpers of the workflow screens (no React), unit-tested in test/unit/workflow. */
import type { EvidenceRecord } from '../../lib/evidence/types';
import { BE_OFFSET, formatDateBE, parseDateInput } from '../../lib/i18n/buddhist-era';

/** A copy of `list` with the entry at `index` moved by `delta` places; unchanged when out of range. */
export function moveEntry<T>(list: readonly T[], index: number, delta: number): T[] {
  const to = index + delta;
  const out = [...list];
  if (index < 0 || index >= list.length || to < 0 || to >= list.length) return out;
  const [entry] = out.splice(index, 1) as [T];
  out.splice(to, 0, entry);
  return out;
}

/** What a date input shows for a stored ISO date: d/m/yyyy in the Buddhist Era. */
export function dateInputValue(iso: string | null): string {
  if (!iso) return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  return `${Number(m[3])}/${Number(m[2])}/${Number(m[1]) + BE_OFFSET}`;
}

export type DateRead = { ok: true; iso: string | null } | { ok: false };

/** Reads a typed date (Thai or Arabic digits, B.E. or C.E.); empty text means no date. */
export function readDate(text: string): DateRead {
  if (text.trim() === '') return { ok: true, iso: null };
  const iso = parseDateInput(text);
  return iso ? { ok: true, iso } : { ok: false };
}

/** "1 ก.พ. 2564 – 18 ก.พ. 2564", or just the end when there is no start. */
export function formatPeriod(start: string | null, end: string, lang: 'th' | 'en'): string {
  const e = formatDateBE(end, lang, { short: true });
  return start ? `${formatDateBE(start, lang, { short: true })} – ${e}` : e;
}

/** Evidence whose URL (raw or decoded) or title contains the query, case-insensitively. */
export function matchEvidence(evidence: readonly EvidenceRecord[], query: string): EvidenceRecord[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...evidence];
  return evidence.filter(
    (r) =>
      r.url.toLowerCase().includes(q) ||
      r.title.toLowerCase().includes(q) ||
      safeDecode(r.url).toLowerCase().includes(q),
  );
}

function safeDecode(u: string): string {
  try {
    return decodeURI(u);
  } catch {
    return u;
  }
}

/** Toggles `key` in the ticks of `code`, keeping the criterion's element order. */
export function toggleTick(
  ticks: Record<string, string[]>,
  code: string,
  key: string,
  on: boolean,
  order: readonly string[],
): Record<string, string[]> {
  const current = new Set(ticks[code] ?? []);
  if (on) current.add(key);
  else current.delete(key);
  const known = order.filter((k) => current.has(k));
  const extra = [...current].filter((k) => !order.includes(k));
  return { ...ticks, [code]: [...known, ...extra] };
}

/** A file name for an exported criteria set: "nacc-ita-oit-2564-all.json". */
export function setFileName(id: string): string {
  return `${id.replace(/[^A-Za-z0-9_.-]+/g, '-')}.json`;
}

/** True when an explanation is one of the drafts, ignoring line-end spaces and blank lines at the ends. */
export function isSameAsDraft(text: string, drafts: readonly string[]): boolean {
  const tidy = (s: string) =>
    s
      .replace(/\r\n?/g, '\n')
      .split('\n')
      .map((l) => l.trimEnd())
      .join('\n')
      .trim();
  const mine = tidy(text);
  return drafts.some((d) => tidy(d) === mine);
}
