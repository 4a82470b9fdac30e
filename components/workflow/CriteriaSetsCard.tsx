import { useId, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { listCriteriaSets, getCriteriaSet, importCriteriaSet } from '../../lib/storage/criteria-store';
import { saveSettings } from '../../lib/storage/settings';
import { parseCriteriaSetJson } from '../../lib/criteria/parse-json';
import { formatCriteriaError } from '../../lib/criteria/errors';
import { isUnconfirmedSet } from '../../lib/criteria/provenance';
import { translateYears } from '../../lib/i18n/ui-years';
import type { CriteriaSet } from '../../lib/criteria/types';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';
import { setFileName } from './helpers';
import { FilePicker } from '../FilePicker';

/** Options-page card: list sets, choose the active one, import from JSON, export the active one. */
export function CriteriaSetsCard() {
  const { w, t, lang, settings } = useWorkflowT();
  const sets = useLiveQuery(() => listCriteriaSets(getDb()), []) ?? [];
  const [msg, setMsg] = useState<{ text: string; errors?: string[]; error: boolean } | null>(null);
  const id = useId();
  const title = (s: CriteriaSet) => (lang === 'th' ? s.titleTh : s.titleEn);

  const use = async (s: CriteriaSet) => {
    try {
      await saveSettings(getDb(), { criteriaSetId: s.id });
      setMsg({ text: w('setSwitched', { title: title(s) }), error: false });
    } catch (e) {
      setMsg({ text: saveErrorText(e, lang, t), error: true });
    }
  };
  const importFile = async (file: File) => {
    try {
      const parsed = parseCriteriaSetJson(await file.text());
      if (!parsed.ok) {
        setMsg({
          text: w('importFailed'),
          errors: parsed.errors.map((e) => formatCriteriaError(e, lang)),
          error: true,
        });
        return;
      }
      const stored = await importCriteriaSet(getDb(), parsed.set);
      if (!stored.ok) {
        setMsg({
          text: w('importFailed'),
          errors: stored.errors.map((e) => formatCriteriaError(e, lang)),
          error: true,
        });
        return;
      }
      setMsg({ text: w('imported', { title: title(stored.set) }), error: false });
    } catch (e) {
      setMsg({ text: saveErrorText(e, lang, t), error: true });
    }
  };
  const exportActive = async () => {
    const set = await getCriteriaSet(getDb(), settings.criteriaSetId);
    const url = URL.createObjectURL(new Blob([JSON.stringify(set, null, 2)], { type: 'application/json' }));
    const a = document.createElement('a');
    a.href = url;
    a.download = setFileName(set.id);
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{w('setsTitle')}</h2>
      <p>{w('setsIntro')}</p>
      <ul className="sets">
        {sets.map((s) => (
          <li key={s.id}>
            <strong>{title(s)}</strong> <code>{s.id}</code>{' '}
            <span className="muted">{w('setItems', { count: s.items.length })}</span>{' '}
            {s.id === settings.criteriaSetId ? (
              <span className="badge complete">{w('setActive')}</span>
            ) : (
              <button
                type="button"
                aria-label={w('useSet', { title: `${title(s)} (${s.id})` })}
                onClick={() => void use(s)}
              >
                {w('useSetShort')}
              </button>
            )}
          </li>
        ))}
      </ul>
      {sets.some((s) => s.id === settings.criteriaSetId && isUnconfirmedSet(s)) && (
        <p className="warn">{translateYears(lang, 'unconfirmed')}</p>
      )}
      <FilePicker
        label={w('importSet')}
        accept=".json,application/json"
        hint={w('importSetHint')}
        onFile={(f) => void importFile(f)}
      />
      <button type="button" onClick={() => void exportActive()}>
        {w('exportSet')}
      </button>
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>
        {msg?.text}
        {msg?.errors && (
          <ul>
            {msg.errors.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}
