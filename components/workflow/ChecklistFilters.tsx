import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import type { ItemStatus } from '../../lib/evidence/types';
import { filterRows, type RowFilter } from '../../lib/checklist/dashboard';
import { ITEM_STATUSES } from '../../lib/evidence/item-status';
import { statusLabel } from '../../lib/checklist/messages';
import type { ChecklistData } from '../useChecklistData';
import { thaiLang } from '../lang-attr';
import { useWorkflowT } from './useWorkflowT';
import { matchEvidence } from './helpers';

interface State {
  status: ItemStatus | '';
  unit: string; // '*' = all units
  assignee: string;
  text: string;
  evidence: string;
  attention: boolean;
}

const NONE: State = { status: '', unit: '*', assignee: '', text: '', evidence: '', attention: false };

function activeCount(s: State): number {
  return [
    s.status !== '',
    s.unit !== '*',
    s.assignee.trim() !== '',
    s.text.trim() !== '',
    s.evidence.trim() !== '',
    s.attention,
  ].filter(Boolean).length;
}

/**
 * The top of the checklist: a one-line progress summary, then the filters, collapsed by default
 * behind one button. Calls onChange with the codes to show (undefined = all).
 */
export function ChecklistFilters({
  data,
  onChange,
}: {
  data: ChecklistData;
  onChange(codes: Set<string> | undefined): void;
}) {
  const { w, lang, settings } = useWorkflowT();
  const [s, setS] = useState<State>(NONE);
  const [open, setOpen] = useState(false);
  const id = useId();
  const set = (patch: Partial<State>) => setS((cur) => ({ ...cur, ...patch }));
  const active = activeCount(s);

  const units = useMemo(() => {
    const all = new Set(settings.units);
    for (const r of data.dashboard.rows) if (r.unit) all.add(r.unit);
    return [...all];
  }, [settings.units, data.dashboard.rows]);

  const evidenceMatches = useMemo(
    () => (s.evidence.trim() ? matchEvidence(data.evidence, s.evidence) : null),
    [data.evidence, s.evidence],
  );

  const codes = useMemo(() => {
    if (activeCount(s) === 0) return undefined;
    const filter: RowFilter = {};
    if (s.status) filter.status = s.status;
    if (s.unit !== '*') filter.unit = s.unit;
    if (s.assignee.trim()) filter.assignee = s.assignee;
    if (s.text.trim()) filter.text = s.text;
    if (s.attention) filter.needsAttention = true;
    let rows = filterRows(data.dashboard.rows, filter);
    if (evidenceMatches) {
      const tagged = new Set(evidenceMatches.flatMap((r) => r.criteria));
      rows = rows.filter((r) => tagged.has(r.code));
    }
    return new Set(rows.map((r) => r.code));
  }, [s, data.dashboard.rows, evidenceMatches]);

  const last = useRef(onChange);
  useEffect(() => {
    last.current = onChange;
  });
  useEffect(() => {
    last.current(codes);
  }, [codes]);

  const total = data.dashboard.rows.length;
  const overall = data.dashboard.progress.overall;
  const progress = w('progressText', { complete: overall.complete, total: overall.total, percent: overall.percent });
  const field = (key: string, label: string, control: ReactNode) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      {control}
    </div>
  );
  return (
    <form className="filters card" role="search" aria-label={w('filters')} onSubmit={(e) => e.preventDefault()}>
      <div className="summary-line">
        <progress
          max={Math.max(overall.total, 1)}
          value={overall.complete}
          aria-label={`${w('overall')}: ${progress}`}
        />
        <span>{progress}</span>
      </div>
      <div className="filters-head">
        <button type="button" aria-expanded={open} aria-controls={`${id}-body`} onClick={() => setOpen(!open)}>
          {w('filters')}
          {active ? ` (${active})` : ''} <span aria-hidden="true">{open ? '▴' : '▾'}</span>
        </button>
        <p role="status">
          {codes ? w('shownCount', { shown: codes.size, total }) : ''}
          {evidenceMatches ? ` · ${w('evidenceMatches', { count: evidenceMatches.length })}` : ''}
        </p>
        {active > 0 && (
          <button type="button" onClick={() => setS(NONE)}>
            {w('clearFilters')}
          </button>
        )}
      </div>
      <div id={`${id}-body`} hidden={!open}>
        <div className="grid">
          {field(
            'st',
            w('filterStatus'),
            <select
              id={`${id}-st`}
              value={s.status}
              onChange={(e) => set({ status: e.target.value as ItemStatus | '' })}
            >
              <option value="">{w('allStatuses')}</option>
              {ITEM_STATUSES.map((st) => (
                <option key={st} value={st}>
                  {statusLabel(st, lang)}
                </option>
              ))}
            </select>,
          )}
          {field(
            'un',
            w('filterUnit'),
            <select id={`${id}-un`} value={s.unit} onChange={(e) => set({ unit: e.target.value })}>
              <option value="*">{w('allUnits')}</option>
              <option value="">{w('noUnit')}</option>
              {units.map((u) => (
                <option key={u} value={u} lang={thaiLang(u, lang)}>
                  {u}
                </option>
              ))}
            </select>,
          )}
          {field(
            'tx',
            w('filterText'),
            <input id={`${id}-tx`} type="search" value={s.text} onChange={(e) => set({ text: e.target.value })} />,
          )}
          {field(
            'as',
            w('filterAssignee'),
            <input
              id={`${id}-as`}
              type="search"
              value={s.assignee}
              onChange={(e) => set({ assignee: e.target.value })}
            />,
          )}
          {field(
            'ev',
            w('filterEvidence'),
            <input
              id={`${id}-ev`}
              type="search"
              value={s.evidence}
              onChange={(e) => set({ evidence: e.target.value })}
            />,
          )}
        </div>
        <label className="check">
          <input type="checkbox" checked={s.attention} onChange={(e) => set({ attention: e.target.checked })} />
          {w('filterAttention')}
        </label>
      </div>
    </form>
  );
}
