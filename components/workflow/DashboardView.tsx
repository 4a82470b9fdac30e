import { useMemo } from 'react';
import { checklistMessage, statusLabel } from '../../lib/checklist/messages';
import { ITEM_STATUSES } from '../../lib/evidence/item-status';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import type { ChecklistData } from '../useChecklistData';
import { useWorkflowT } from './useWorkflowT';
import { ProgressTable } from './ProgressTable';
import { formatPeriod } from './helpers';
import { CellLabel } from '../CellLabel';
import { thaiLang } from '../lang-attr';

/** Progress overall and by group, the estimated score, deadlines, gaps and orphan evidence. */
export function DashboardView({ data }: { data: ChecklistData }) {
  const { w, t, lang } = useWorkflowT();
  const d = data.dashboard;
  const rowsByCode = useMemo(() => new Map(d.rows.map((r) => [r.code, r])), [d.rows]);
  const nameOf = (code: string) => {
    const r = rowsByCode.get(code);
    return r ? `${code} ${lang === 'th' ? r.nameTh : r.nameEn}` : code;
  };
  const dated = useMemo(
    () =>
      d.rows.filter((r) => r.dueDate).sort((a, b) => (a.dueDate! < b.dueDate! ? -1 : a.dueDate! > b.dueDate! ? 1 : 0)),
    [d.rows],
  );
  const overall = w('progressText', {
    complete: d.progress.overall.complete,
    total: d.progress.overall.total,
    percent: d.progress.overall.percent,
  });
  const scoreLabel = checklistMessage('score.estimate', lang);

  return (
    <div className="dashboard">
      <section className="card" aria-label={scoreLabel}>
        <h2>{scoreLabel}</h2>
        <p className="score">
          <strong data-testid="score">{d.score.score.toFixed(1)}</strong> / 100
        </p>
        <p>{checklistMessage('score.detail', lang, { complete: d.score.complete, total: d.score.total })}</p>
        <ul className="status-counts" aria-label={checklistMessage('status.counts', lang)}>
          {ITEM_STATUSES.map((s) => (
            <li key={s} data-status={s}>
              <span className={`badge ${s}`}>{statusLabel(s, lang)}</span> {d.statusCounts[s]}
            </li>
          ))}
        </ul>
        <h3>{w('overall')}</h3>
        <progress
          max={Math.max(d.progress.overall.total, 1)}
          value={d.progress.overall.complete}
          aria-label={`${w('overall')}: ${overall}`}
        />
        <p>{overall}</p>
      </section>
      <div className="card">
        <ProgressTable
          title={w('byIndicator')}
          groups={d.progress.byIndicator}
          label={(g) => `${t('indicator', { n: g.key })} ${lang === 'th' ? g.nameTh : g.nameEn}`}
        />
        <ProgressTable
          title={w('bySubindicator')}
          groups={d.progress.bySubindicator}
          label={(g) => `${g.key} ${lang === 'th' ? g.nameTh : g.nameEn}`}
        />
        {/* Units with no items assigned say nothing: only units that own at least one item are listed. */}
        <ProgressTable
          title={w('byUnit')}
          groups={d.progress.byUnit.filter((g) => g.total > 0)}
          label={(g) => (lang === 'th' ? g.nameTh : g.nameEn)}
        />
      </div>
      <section className="card" aria-label={w('overdueItems')}>
        <h2>{w('overdueItems')}</h2>
        {d.overdueItems.length === 0 ? (
          <p className="muted">{w('nothing')}</p>
        ) : (
          <ul>
            {d.overdueItems.map((c) => (
              <li key={c}>
                {nameOf(c)} — {formatDateBE(rowsByCode.get(c)?.dueDate ?? '', lang)}
              </li>
            ))}
          </ul>
        )}
      </section>
      <section className="card" aria-label={w('dueDates')}>
        <h2>{w('dueDates')}</h2>
        {dated.length === 0 ? (
          <p className="muted">{w('nothing')}</p>
        ) : (
          <table className="cards">
            <thead>
              <tr>
                <th scope="col">{w('item')}</th>
                <th scope="col">{w('unit')}</th>
                <th scope="col">{w('assignee')}</th>
                <th scope="col">{w('dueDate')}</th>
              </tr>
            </thead>
            <tbody>
              {dated.map((r) => (
                <tr key={r.code}>
                  <td>
                    <CellLabel text={w('item')} />
                    {nameOf(r.code)}
                  </td>
                  <td>
                    <CellLabel text={w('unit')} />
                    <span lang={thaiLang(r.unit, lang)}>{r.unit || w('noUnit')}</span>
                  </td>
                  <td>
                    {r.assignee && (
                      <>
                        <CellLabel text={w('assignee')} />
                        <span lang={thaiLang(r.assignee, lang)}>{r.assignee}</span>
                      </>
                    )}
                  </td>
                  <td>
                    <CellLabel text={w('dueDate')} />
                    {formatDateBE(r.dueDate!, lang)}
                    {r.overdue ? ` (${checklistMessage('item.overdue', lang)})` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" aria-label={checklistMessage('tasks.upcoming', lang)}>
        <h2>{checklistMessage('tasks.upcoming', lang)}</h2>
        {d.upcomingTasks.length === 0 ? (
          <p className="muted">{w('nothing')}</p>
        ) : (
          <ul>
            {d.upcomingTasks.map((task) => (
              <li key={task.id}>
                {formatPeriod(task.start, task.end, lang)}: <span lang={thaiLang(task.title, lang)}>{task.title}</span>
              </li>
            ))}
          </ul>
        )}
        {d.overdueTasks.length > 0 && (
          <>
            <h3>{checklistMessage('tasks.overdue', lang)}</h3>
            <ul>
              {d.overdueTasks.map((task) => (
                <li key={task.id}>
                  {formatPeriod(task.start, task.end, lang)}:{' '}
                  <span lang={thaiLang(task.title, lang)}>{task.title}</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>
      <section className="card" aria-label={w('noEvidenceItems')}>
        <h2>
          {w('noEvidenceItems')} ({d.noEvidenceItems.length})
        </h2>
        {d.noEvidenceItems.length === 0 ? (
          <p className="muted">{w('nothing')}</p>
        ) : (
          <p>{d.noEvidenceItems.join(', ')}</p>
        )}
      </section>
      {d.orphans.length > 0 && (
        <section className="card" aria-label={checklistMessage('orphans.title', lang)}>
          <h2>{checklistMessage('orphans.title', lang)}</h2>
          <ul>
            {d.orphans.map((o) => (
              <li key={o.id}>
                {o.title || o.url} —{' '}
                {o.unknownCodes.length
                  ? checklistMessage('orphans.detail', lang, { codes: o.unknownCodes.join(', ') })
                  : checklistMessage('orphans.untagged', lang)}
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
