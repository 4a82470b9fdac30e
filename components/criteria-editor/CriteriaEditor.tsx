import { useId, useMemo, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { CriteriaSet } from '../../lib/criteria/types';
import { formatCriteriaError } from '../../lib/criteria/errors';
import { parseCriteriaSetJson } from '../../lib/criteria/parse-json';
import { lineageKind } from '../../lib/criteria/lineage';
import { isUnconfirmedSet } from '../../lib/criteria/provenance';
import {
  addDraftItem,
  copySetToYear,
  draftRenames,
  draftToSet,
  itemErrors,
  removeDraftItem,
  startDraft,
  updateDraftItem,
  validateDraft,
  type Draft,
} from '../../lib/criteria/editing';
import { listCriteriaSets } from '../../lib/storage/criteria-store';
import { saveEditedSet } from '../../lib/checklist/criteria-edits';
import { parseLocaleInt } from '../../lib/i18n/thai-digits';
import { getDb } from '../db';
import { FilePicker } from '../FilePicker';
import { downloadJson } from './download';
import { ItemEditor } from './ItemEditor';
import { MoveEvidence } from './MoveEvidence';
import { useYearsT } from './useYearsT';

type Msg = { text: string; errors?: string[]; error: boolean } | null;

/** Options-page card: copy a set to a new year, edit its items, validate live, save, export, import. */
export function CriteriaEditor() {
  const { y, lang, settings } = useYearsT();
  const db = getDb();
  const sets = useLiveQuery(() => listCriteriaSets(db), []) ?? [];
  const evidence = useLiveQuery(() => db.evidence.toArray(), []) ?? [];
  const [chosen, setChosen] = useState('');
  const [year, setYear] = useState('');
  const [draft, setDraft] = useState<Draft | null>(null);
  const [open, setOpen] = useState<number | null>(null);
  const [blocked, setBlocked] = useState<{ code: string; count: number } | null>(null);
  const [msg, setMsg] = useState<Msg>(null);
  const id = useId();
  const source = sets.find((s) => s.id === (chosen || settings.criteriaSetId)) ?? sets[0];

  const validation = useMemo(() => (draft ? validateDraft(draft) : null), [draft]);
  const errors = validation && !validation.ok ? validation.errors : [];
  // Evidence belongs to the active set's codes only: a draft of another set strands nothing.
  const evidenceCount = (code: string) =>
    draft?.set.id === settings.criteriaSetId ? evidence.filter((e) => e.criteria.includes(code)).length : 0;

  const begin = (set: CriteriaSet, text: string) => {
    setDraft(startDraft(set));
    setOpen(null);
    setBlocked(null);
    setMsg({ text, error: false });
  };
  const copy = () => {
    if (!source) return;
    const n = parseLocaleInt(year);
    if (n === null || n < 2500 || n > 2700) return setMsg({ text: y('badYear'), error: true });
    const copyOf = copySetToYear(source, n);
    if (sets.some((s) => s.id === copyOf.id)) return setMsg({ text: y('yearExists', { id: copyOf.id }), error: true });
    begin(copyOf, y('copied', { id: copyOf.id }));
  };
  const importFile = async (file: File) => {
    const parsed = parseCriteriaSetJson(await file.text());
    if (!parsed.ok)
      return setMsg({
        text: y('importBad'),
        errors: parsed.errors.map((e) => formatCriteriaError(e, lang)),
        error: true,
      });
    begin(parsed.set, y('importedDraft', { id: parsed.set.id }));
  };
  const remove = (index: number) => {
    if (!draft) return;
    const r = removeDraftItem(draft, index, evidenceCount);
    if (!r.ok) return setBlocked({ code: r.code, count: r.count });
    setBlocked(null);
    setOpen(null);
    setDraft(r.draft);
  };
  const save = async () => {
    if (!draft || !validation?.ok) return;
    try {
      const moved = await saveEditedSet(db, validation.set, draftRenames(draft), settings.criteriaSetId);
      setDraft(startDraft(validation.set));
      setMsg({
        text: moved > 0 ? y('savedRenamed', { count: moved }) : y('saved', { id: validation.set.id }),
        error: false,
      });
    } catch (e) {
      setMsg({ text: e instanceof Error ? e.message : String(e), error: true });
    }
  };

  const lineage = (it: Draft['items'][number]['item']) => {
    const kind = lineageKind(it);
    const codes = (it.mapsFrom ?? []).join(', ');
    return kind === 'same'
      ? y('lineageSame')
      : kind === 'renumbered'
        ? y('lineageRenumbered', { codes })
        : kind === 'merged'
          ? y('lineageMerged', { codes })
          : y('lineageNew');
  };

  return (
    <section className="card criteria-editor" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{y('editorTitle')}</h2>
      <p>{y('editorIntro')}</p>
      <div className="toolbar">
        <label htmlFor={`${id}-set`}>{y('editSet')}</label>
        <select id={`${id}-set`} value={source?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
          {sets.map((s) => (
            <option key={s.id} value={s.id}>
              {(lang === 'th' ? s.titleTh : s.titleEn) || s.titleTh} ({s.id})
            </option>
          ))}
        </select>
        <button type="button" onClick={() => source && begin(source, '')}>
          {y('openForEdit')}
        </button>
      </div>
      <div className="toolbar">
        <label htmlFor={`${id}-year`}>{y('copyToYear')}</label>
        <input
          id={`${id}-year`}
          type="text"
          inputMode="numeric"
          size={6}
          value={year}
          onChange={(e) => setYear(e.target.value)}
        />
        <button type="button" onClick={copy}>
          {y('copy')}
        </button>
      </div>
      <FilePicker label={y('importDraft')} accept=".json,application/json" onFile={(f) => void importFile(f)} />
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>
        {msg?.text}
        {msg?.errors && (
          <ul>
            {msg.errors.slice(0, 20).map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
        )}
      </div>

      {draft && (
        <div className="draft">
          <h3>
            {draft.set.titleTh} <code>{draft.set.id}</code>
          </h3>
          {isUnconfirmedSet(draftToSet(draft)) && <p className="warn">{y('unconfirmed')}</p>}
          <div role="status" aria-label={y('valid')} className={`status ${validation?.ok ? 'ok' : 'error'}`}>
            {validation?.ok ? y('valid') : y('invalid', { count: errors.length })}
            {errors.length > 0 && (
              <ul>
                {errors.slice(0, 10).map((e, i) => (
                  <li key={i}>{formatCriteriaError(e, lang)}</li>
                ))}
              </ul>
            )}
          </div>
          {blocked && (
            <div role="alert" className="warn">
              {y('removeBlocked', blocked)}
              <MoveEvidence
                from={blocked.code}
                codes={draft.items.map((d) => d.item.code).filter((c) => c !== blocked.code)}
                onMoved={(count, to) => {
                  setBlocked(null);
                  setMsg({ text: y('moved', { count, code: to }), error: false });
                }}
              />
            </div>
          )}
          <h4>{y('items')}</h4>
          <ul className="items">
            {draft.items.map((di, i) => (
              <li key={i}>
                <div className="item-head">
                  <span className="code">{di.item.code}</span>
                  <span>{(lang === 'th' ? di.item.nameTh : di.item.nameEn || di.item.nameTh) || '—'}</span>
                  {draft.set.previousSetId && <span className="muted">{lineage(di.item)}</span>}
                  <button
                    type="button"
                    className="count"
                    aria-expanded={open === i}
                    onClick={() => setOpen(open === i ? null : i)}
                  >
                    {y('editItem', { code: di.item.code })}
                  </button>
                </div>
                {open === i && (
                  <ItemEditor
                    item={di.item}
                    subindicators={draft.set.subindicators}
                    errors={itemErrors(errors, i)}
                    onChange={(patch) => setDraft(updateDraftItem(draft, i, patch))}
                    onRemove={() => remove(i)}
                  />
                )}
              </li>
            ))}
          </ul>
          <div className="toolbar">
            <button
              type="button"
              onClick={() => {
                const d = addDraftItem(draft);
                setDraft(d);
                setOpen(d.items.length - 1);
              }}
            >
              {y('addItem')}
            </button>
            <button type="button" className="primary" disabled={!validation?.ok} onClick={() => void save()}>
              {y('save')}
            </button>
            <button
              type="button"
              onClick={() => downloadJson(`${draft.set.id.replace(/[^\w.-]+/g, '-')}.json`, draftToSet(draft))}
            >
              {y('exportDraft')}
            </button>
            <button
              type="button"
              onClick={() => {
                setDraft(null);
                setMsg(null);
              }}
            >
              {y('discard')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
