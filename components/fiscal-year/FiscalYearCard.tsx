import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import type { CriteriaSet } from '../../lib/criteria/types';
import { codeMapping } from '../../lib/criteria/lineage';
import { copySetToYear } from '../../lib/criteria/editing';
import { getChecklistYear, listArchives, archivedEvidence } from '../../lib/storage/archive-repo';
import { getCriteriaSet, listCriteriaSets } from '../../lib/storage/criteria-store';
import { listTasks } from '../../lib/storage/tasks-repo';
import { RolloverError, recaptureList, startFiscalYear } from '../../lib/checklist/rollover';
import { parseLocaleInt } from '../../lib/i18n/thai-digits';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import { getDb } from '../db';
import { useYearsT } from '../criteria-editor/useYearsT';
import { thaiLang } from '../lang-attr';
import { ArchiveExport } from './ArchiveExport';

const SHIFT = '__shift__';

/** Options-page card: the open fiscal year, starting the next one, the archives and the pages to re-capture. */
export function FiscalYearCard() {
  const { y, lang, settings } = useYearsT();
  const db = getDb();
  const open = useLiveQuery(() => getChecklistYear(db), []);
  const sets = useLiveQuery(() => listCriteriaSets(db), []) ?? [];
  const tasks = useLiveQuery(() => listTasks(db), []) ?? [];
  const archives = useLiveQuery(() => listArchives(db), []) ?? [];
  const current = useLiveQuery(() => getCriteriaSet(db, settings.criteriaSetId), [settings.criteriaSetId]);
  const latest = archives[0];
  const recapture =
    useLiveQuery(async () => {
      if (!latest || !current) return [];
      const lookup = (id: string) => sets.find((s) => s.id === id);
      const mapping = codeMapping(latest.criteriaSet, current, lookup);
      return recaptureList(
        current,
        mapping,
        await archivedEvidence(db, latest.fiscalYear),
        await db.evidence.toArray(),
      );
    }, [latest?.fiscalYear, current?.id, sets.length]) ?? [];

  const [yearText, setYearText] = useState('');
  const [setChoice, setSetChoice] = useState('');
  const [skipTasks, setSkipTasks] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState(false);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  if (!open || !current) return null;

  const toYear = parseLocaleInt(yearText) ?? open.fiscalYear + 1;
  const candidates = sets.filter((s) => s.fiscalYear === toYear);
  const choice = setChoice || candidates[0]?.id || SHIFT;
  const title = (s: CriteriaSet) => (lang === 'th' ? s.titleTh : s.titleEn || s.titleTh);

  const start = async () => {
    setConfirming(false);
    const toSet = choice === SHIFT ? copySetToYear(current, toYear) : sets.find((s) => s.id === choice);
    if (!toSet) return;
    try {
      const mapping = codeMapping(current, toSet, (sid) => sets.find((s) => s.id === sid));
      const carry = new Set(tasks.filter((t) => !skipTasks.has(t.id)).map((t) => t.id));
      await startFiscalYear(db, { fromSet: current, toSet, mapping, carryTaskIds: carry, storeSet: choice === SHIFT });
      setMsg({ text: y('started', { year: toYear, from: open.fiscalYear }), error: false });
    } catch (e) {
      if (e instanceof RolloverError) {
        const key = e.code === 'same-year' ? 'sameYear' : e.code === 'not-later' ? 'notLater' : 'yearArchived';
        setMsg({ text: y(key, { year: e.code === 'same-year' ? e.year : open.fiscalYear }), error: true });
      } else setMsg({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };

  return (
    <section className="card fiscal-year" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{y('yearTitle')}</h2>
      <p>{y('yearIntro')}</p>
      <p>
        <strong>{y('openYear', { year: open.fiscalYear, set: title(current) })}</strong>
      </p>
      {settings.fiscalYear !== open.fiscalYear && (
        <p className="warn">{y('yearMismatch', { settings: settings.fiscalYear, year: open.fiscalYear })}</p>
      )}
      <div className="toolbar">
        <label htmlFor={`${id}-y`}>{y('newYear')}</label>
        <input
          id={`${id}-y`}
          type="text"
          inputMode="numeric"
          size={6}
          value={yearText}
          placeholder={String(open.fiscalYear + 1)}
          onChange={(e) => {
            setYearText(e.target.value);
            setSetChoice('');
          }}
        />
        <label htmlFor={`${id}-s`}>{y('newSet')}</label>
        <select id={`${id}-s`} value={choice} onChange={(e) => setSetChoice(e.target.value)}>
          {candidates.map((s) => (
            <option key={s.id} value={s.id}>
              {title(s)} ({s.id})
            </option>
          ))}
          <option value={SHIFT}>{y('shiftCopy')}</option>
        </select>
      </div>
      {tasks.length > 0 && (
        <fieldset>
          <legend>{y('carryTasks')}</legend>
          {tasks.map((t) => (
            <label key={t.id} className="check">
              <input
                type="checkbox"
                checked={!skipTasks.has(t.id)}
                onChange={(e) => {
                  const next = new Set(skipTasks);
                  if (e.target.checked) next.delete(t.id);
                  else next.add(t.id);
                  setSkipTasks(next);
                }}
              />{' '}
              <span lang={thaiLang(t.title, lang)}>{t.title}</span> ({formatDateBE(t.end, lang)})
            </label>
          ))}
        </fieldset>
      )}
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          {y('startYear', { year: toYear })}
        </button>
      ) : (
        <p className="warn">
          {y('confirmStart', { from: open.fiscalYear, to: toYear })}{' '}
          <button type="button" className="primary" onClick={() => void start()}>
            {y('startYear', { year: toYear })}
          </button>
        </p>
      )}
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>
        {msg?.text}
      </div>

      {archives.length > 0 && (
        <>
          <h3>{y('archives')}</h3>
          <ul>
            {archives.map((a) => (
              <li key={a.fiscalYear}>
                {y('archiveRow', {
                  year: a.fiscalYear,
                  count: a.evidenceCount,
                  set: a.criteriaSet.id,
                  date: formatDateBE(a.archivedAt.slice(0, 10), lang),
                })}{' '}
                <ArchiveExport archive={a} />
              </li>
            ))}
          </ul>
        </>
      )}
      {latest && (
        <section aria-labelledby={`${id}-r`}>
          <h3 id={`${id}-r`}>{y('recaptureTitle')}</h3>
          <p>{y('recaptureIntro')}</p>
          {recapture.length === 0 ? (
            <p className="muted">{y('recaptureNone')}</p>
          ) : (
            <ul className="items">
              {recapture.map((r) => (
                <li key={`${r.code} ${r.url}`}>
                  <span className="code">{r.code}</span> <span lang={thaiLang(r.title, lang)}>{r.title || r.url}</span>{' '}
                  <span className="muted">{y('fromCodes', { codes: r.fromCodes.join(', ') })}</span>{' '}
                  {r.done ? (
                    <span className="badge complete">{y('recaptured')}</span>
                  ) : (
                    <button
                      type="button"
                      aria-label={y('recaptureLabel', { code: r.code, title: r.title || r.url })}
                      onClick={() => void browser.tabs.create({ url: r.url })}
                    >
                      {y('recapture')}
                    </button>
                  )}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </section>
  );
}
