import { useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { browser } from 'wxt/browser';
import { bundleMessage, getLastExportAt } from '../../lib/bundle';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import { extensionVersion } from '../../lib/platform/adapter';
import { getDb } from '../db';
import { errorText } from '../error-text';
import type { ChecklistData } from '../useChecklistData';
import { formatBytes } from './conflict-text';
import { downloadBlob } from './download';
import { loadReportFonts } from './fonts';
import { runExport } from './run-export';
import { subsetFromForm, type SubsetChoice } from './subset';
import { useBundleT } from './useBundleT';

type RunState =
  | { phase: 'idle' }
  | { phase: 'running'; done: number; total: number }
  | { phase: 'done'; text: string }
  | { phase: 'failed'; text: string };

const CHOICES: [SubsetChoice, 'subsetAll' | 'subsetUnit' | 'subsetItems' | 'subsetChanged'][] = [
  ['all', 'subsetAll'],
  ['unit', 'subsetUnit'],
  ['items', 'subsetItems'],
  ['changed', 'subsetChanged'],
];

type PublicPath = Parameters<typeof browser.runtime.getURL>[0];

export function ExportCard({ data }: { data: ChecklistData }) {
  const { b, t, lang, settings } = useBundleT();
  const lastExportAt = useLiveQuery(() => getLastExportAt(getDb()), []);
  const [choice, setChoice] = useState<SubsetChoice>('all');
  const [unit, setUnit] = useState(settings.units[0] ?? '');
  const [codes, setCodes] = useState<string[]>([]);
  const [run, setRun] = useState<RunState>({ phase: 'idle' });
  const abort = useRef<AbortController | null>(null);
  const running = run.phase === 'running';

  const start = async () => {
    const sub = subsetFromForm({ choice, unit, codes, lastExportAt: lastExportAt ?? null });
    if (!sub.ok) {
      setRun({ phase: 'failed', text: b(sub.error) });
      return;
    }
    const ac = new AbortController();
    abort.current = ac;
    setRun({ phase: 'running', done: 0, total: 0 });
    try {
      const out = await runExport({
        db: getDb(),
        settings,
        set: data.set,
        subset: sub.subset,
        signal: ac.signal,
        extensionVersion: extensionVersion(),
        loadFonts: () =>
          loadReportFonts(
            (u) => fetch(u),
            (p) => browser.runtime.getURL(p as PublicPath),
          ),
        save: (blob, name) => downloadBlob(blob, name),
        onProgress: (done, total) => setRun({ phase: 'running', done, total }),
      });
      if (out.ok) setRun({ phase: 'done', text: b('exportDone', { file: out.fileName, files: out.files }) });
      else if (out.kind === 'bundle') setRun({ phase: 'failed', text: bundleMessage(out.error, lang) });
      else if (out.kind === 'fonts') setRun({ phase: 'failed', text: b('fontsFailed', { detail: out.detail }) });
      else setRun({ phase: 'failed', text: b('exportFailed', { detail: errorText(out.error, t) }) });
    } catch (e) {
      setRun({ phase: 'failed', text: b('exportFailed', { detail: errorText(e, t) }) });
    } finally {
      abort.current = null;
    }
  };

  return (
    <section className="card" aria-labelledby="bundle-export-title">
      <h2 id="bundle-export-title">{b('exportTitle')}</h2>
      <p className="muted">{b('exportIntro')}</p>
      <fieldset disabled={running}>
        <legend>{b('subsetLegend')}</legend>
        {CHOICES.map(([id, key]) => (
          <label key={id} className="check">
            <input
              type="radio"
              name="bundle-subset"
              value={id}
              checked={choice === id}
              onChange={() => setChoice(id)}
            />{' '}
            {b(key)}
          </label>
        ))}
        {choice === 'unit' && (
          <div className="field">
            <label htmlFor="bundle-unit">{b('unitLabel')}</label>
            <select id="bundle-unit" value={unit} onChange={(e) => setUnit(e.target.value)}>
              {settings.units.map((u) => (
                <option key={u} value={u}>
                  {u}
                </option>
              ))}
            </select>
          </div>
        )}
        {choice === 'items' && (
          <div className="field">
            <label htmlFor="bundle-items">{b('itemsLabel')}</label>
            <select
              id="bundle-items"
              multiple
              size={8}
              value={codes}
              onChange={(e) => setCodes([...e.target.selectedOptions].map((o) => o.value))}
            >
              {data.set.items.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.code} {lang === 'th' ? c.nameTh : c.nameEn}
                </option>
              ))}
            </select>
          </div>
        )}
        <p className="muted">
          {lastExportAt
            ? b('lastExport', { date: formatDateBE(lastExportAt, lang, { time: true }) })
            : b('neverExported')}
        </p>
      </fieldset>
      <div className="toolbar">
        <button type="button" className="primary" disabled={running} onClick={() => void start()}>
          {b('exportBundle')}
        </button>
        {running && (
          <button type="button" onClick={() => abort.current?.abort()}>
            {b('cancel')}
          </button>
        )}
      </div>
      {running && (
        <p>
          <progress aria-label={b('exportProgress')} max={Math.max(run.total, 1)} value={run.done} />{' '}
          <span>
            {run.total
              ? b('exportCounts', { done: formatBytes(run.done), total: formatBytes(run.total) })
              : b('preparing')}
          </span>
        </p>
      )}
      <p
        role="status"
        aria-live="polite"
        className={run.phase === 'failed' ? 'status error' : run.phase === 'done' ? 'status ok' : undefined}
      >
        {run.phase === 'done' || run.phase === 'failed' ? run.text : ''}
      </p>
    </section>
  );
}
