/**
 * Rolling over to the next fiscal year. The open year's evidence, items, tasks and re-verification
 * results move into a read-only archive; the new year starts empty but for what carries over
 * (each item's unit and assignee through the code mapping, and the tasks the coordinator keeps).
 * Evidence is never carried: last year's pages are offered for re-capture instead.
 */
import type { CriteriaSet } from '../criteria/types';
import type { EvidenceRecord, ItemRecord, TaskRecord } from '../evidence/types';
import { CHECKLIST_KEY, type ArchiveRow, type ChecklistYear, type ItaDb } from '../storage/db';
import { getChecklistYear } from '../storage/archive-repo';
import { loadSettings, sanitizeSettings } from '../storage/settings';
import { shiftIsoDate } from '../criteria/year-shift';

export interface RolloverInput {
  fromSet: CriteriaSet;
  toSet: CriteriaSet;
  /** For each item of `toSet`, the codes of `fromSet` it inherits from (lib/criteria/lineage). */
  mapping: Map<string, string[]>;
  items: ItemRecord[];
  tasks: TaskRecord[];
  /** Tasks to carry into the new year (dates moved by the year difference, not done). */
  carryTaskIds: ReadonlySet<string>;
  now: string;
  newId(): string;
}

export interface RolloverPlan {
  items: ItemRecord[];
  tasks: TaskRecord[];
}

function firstNonEmpty(values: string[]): string {
  return values.find((v) => v.trim() !== '') ?? '';
}

/** Pure: the new year's item and task rows. */
export function planRollover(input: RolloverInput): RolloverPlan {
  const by = input.toSet.fiscalYear - input.fromSet.fiscalYear;
  const old = new Map(input.items.map((i) => [i.code, i]));
  const items: ItemRecord[] = [];
  for (const it of input.toSet.items) {
    const sources = (input.mapping.get(it.code) ?? []).map((c) => old.get(c)).filter((r): r is ItemRecord => !!r);
    if (sources.length === 0) continue;
    const unit = firstNonEmpty(sources.map((s) => s.unit));
    const assignee = firstNonEmpty(sources.map((s) => s.assignee));
    const due = sources.map((s) => s.dueDate).find((d) => d !== null) ?? null;
    if (unit === '' && assignee === '' && due === null) continue;
    items.push({
      code: it.code,
      unit,
      assignee,
      dueDate: due && shiftIsoDate(due, by),
      notes: '',
      statusOverride: null,
      submitUrls: null,
      explanation: null,
      updatedAt: input.now,
    });
  }
  const tasks = input.tasks
    .filter((t) => input.carryTaskIds.has(t.id))
    .map((t) => ({
      ...t,
      id: input.newId(),
      start: t.start && shiftIsoDate(t.start, by),
      end: shiftIsoDate(t.end, by),
      done: false,
    }));
  return { items, tasks };
}

export class RolloverError extends Error {
  constructor(
    readonly code: 'same-year' | 'year-archived' | 'not-later',
    readonly year: number,
  ) {
    super(`${code}: ${year}`);
  }
}

export interface StartYearOptions {
  toSet: CriteriaSet;
  fromSet: CriteriaSet;
  mapping: Map<string, string[]>;
  carryTaskIds: ReadonlySet<string>;
  /** True when `toSet` is not stored yet (a copy made for this roll-over). */
  storeSet?: boolean;
  now?: () => Date;
  newId?: () => string;
}

/**
 * Archives the open year and starts `toSet.fiscalYear`, in one transaction: either everything
 * moved or nothing did. Returns the archive row that was written.
 */
export async function startFiscalYear(db: ItaDb, opts: StartYearOptions): Promise<ArchiveRow> {
  const now = (opts.now ?? (() => new Date()))().toISOString();
  const newId = opts.newId ?? (() => crypto.randomUUID());
  const tables = [
    db.evidence,
    db.archivedEvidence,
    db.archives,
    db.items,
    db.tasks,
    db.verify,
    db.meta,
    db.criteriaSets,
  ];
  return db.transaction('rw', tables, async () => {
    const year = await getChecklistYear(db);
    const to = opts.toSet.fiscalYear;
    if (to === year.fiscalYear) throw new RolloverError('same-year', to);
    if (to < year.fiscalYear) throw new RolloverError('not-later', to);
    if (await db.archives.get(year.fiscalYear)) throw new RolloverError('year-archived', year.fiscalYear);
    const settings = await loadSettings(db);
    const [evidence, items, tasks, verify] = await Promise.all([
      db.evidence.toArray(),
      db.items.toArray(),
      db.tasks.toArray(),
      db.verify.toArray(),
    ]);
    const archive: ArchiveRow = {
      fiscalYear: year.fiscalYear,
      criteriaSet: opts.fromSet,
      agency: { name: settings.agencyName, homeUrl: settings.homeUrl, units: settings.units, urlCap: settings.urlCap },
      items,
      tasks,
      verify,
      evidenceCount: evidence.length,
      archivedAt: now,
    };
    const plan = planRollover({
      fromSet: opts.fromSet,
      toSet: opts.toSet,
      mapping: opts.mapping,
      items,
      tasks,
      carryTaskIds: opts.carryTaskIds,
      now,
      newId,
    });
    await db.archives.put(archive);
    await db.archivedEvidence.bulkPut(evidence.map((e) => ({ ...e, fiscalYear: year.fiscalYear })));
    await Promise.all([db.evidence.clear(), db.items.clear(), db.tasks.clear(), db.verify.clear()]);
    await db.items.bulkPut(plan.items);
    await db.tasks.bulkPut(plan.tasks);
    if (opts.storeSet) await db.criteriaSets.put(opts.toSet);
    const next: ChecklistYear = { fiscalYear: to, criteriaSetId: opts.toSet.id, startedAt: now };
    await db.meta.put({ key: CHECKLIST_KEY, value: next });
    await db.meta.put({
      key: 'settings',
      value: sanitizeSettings({ ...settings, fiscalYear: to, criteriaSetId: opts.toSet.id }),
    });
    return archive;
  });
}

export interface RecaptureEntry {
  /** The new year's item. */
  code: string;
  /** Last year's codes the page was tagged with. */
  fromCodes: string[];
  url: string;
  title: string;
  evidenceId: string;
  capturedAt: string;
  /** True once the open year has evidence for this code at this URL. */
  done: boolean;
}

/** Last year's pages to visit again, per item of the new year, in item order; one entry per URL. */
export function recaptureList(
  toSet: CriteriaSet,
  mapping: Map<string, string[]>,
  archived: EvidenceRecord[],
  current: EvidenceRecord[],
): RecaptureEntry[] {
  const out: RecaptureEntry[] = [];
  for (const it of toSet.items) {
    const from = mapping.get(it.code) ?? [];
    if (from.length === 0) continue;
    const seen = new Set<string>();
    for (const ev of archived) {
      const codes = ev.criteria.filter((c) => from.includes(c));
      if (codes.length === 0 || seen.has(ev.url)) continue;
      seen.add(ev.url);
      const done = current.some(
        (c) => c.criteria.includes(it.code) && (c.url === ev.url || c.requestedUrl === ev.requestedUrl),
      );
      out.push({
        code: it.code,
        fromCodes: codes,
        url: ev.url,
        title: ev.title,
        evidenceId: ev.id,
        capturedAt: ev.capturedAt,
        done,
      });
    }
  }
  return out;
}
