import { useId, useMemo, useState } from 'react';
import type { Criterion } from '../../lib/criteria/types';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import {
  deleteEvidence,
  reassignCriterion,
  restoreEvidence,
  updateEvidence,
  type DeletedEvidence,
} from '../../lib/storage/evidence-repo';
import type { ChecklistData } from '../useChecklistData';
import { getDb } from '../db';
import { thaiLang } from '../lang-attr';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';
import { EvidenceNote } from './EvidenceNote';
import { groupByUrl, type EvidenceGroup } from './evidence-groups';
import { toggleTick } from './helpers';

/**
 * The item's evidence, one block per page (captures of the same URL grouped, newest first): which
 * required elements it shows, its note, move/copy to other items, and bulk delete with undo.
 */
export function ItemEvidencePanel({
  code,
  criterion,
  evidence,
  data,
}: {
  code: string;
  criterion: Criterion | null;
  evidence: EvidenceRecord[];
  data: ChecklistData;
}) {
  const { w, t, lang } = useWorkflowT();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ text: string; undo?: DeletedEvidence; error?: boolean } | null>(null);
  const id = useId();
  const others = data.index.ordered.filter((c) => c.code !== code);
  const groups = useMemo(() => groupByUrl(evidence), [evidence]);
  const fail = (e: unknown) => setMsg({ text: saveErrorText(e, lang, t), error: true });

  const toggle = (rid: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(rid);
    else next.delete(rid);
    setSelected(next);
  };
  const reassign = async (g: EvidenceGroup, mode: 'move' | 'copy') => {
    const to = targets[g.url] ?? others[0]?.code;
    if (!to) return;
    try {
      for (const r of g.records) await reassignCriterion(getDb(), r.id, code, to, mode);
      setMsg({ text: w(mode === 'move' ? 'moved' : 'copied', { code: to }) });
    } catch (e) {
      fail(e);
    }
  };
  // A tick applies to every capture of the page, so that the item's status reads the page, not one capture.
  const tick = async (g: EvidenceGroup, key: string, on: boolean) => {
    if (!criterion) return;
    const order = criterion.elements.map((e) => e.key);
    try {
      for (const r of g.records)
        await updateEvidence(getDb(), r.id, { elementTicks: toggleTick(r.elementTicks, code, key, on, order) });
      setMsg({ text: w('ticksSaved') });
    } catch (e) {
      fail(e);
    }
  };
  const removeSelected = async () => {
    const ids = evidence.filter((r) => selected.has(r.id)).map((r) => r.id);
    if (!ids.length) return;
    try {
      const undo = await deleteEvidence(getDb(), ids);
      setSelected(new Set());
      setMsg({
        text: w(undo.records.length === 1 ? 'deletedCountOne' : 'deletedCount', { count: undo.records.length }),
        undo,
      });
    } catch (e) {
      fail(e);
    }
  };
  const undo = async (d: DeletedEvidence) => {
    try {
      await restoreEvidence(getDb(), d);
      setMsg(null);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{w('evidenceTitle')}</h3>
      {evidence.length === 0 && <p className="muted">{t('noEvidence')}</p>}
      {groups.map((g) => {
        const newest = g.records[0]!;
        const title = newest.title || newest.url;
        const otherCodes = [...new Set(g.records.flatMap((r) => r.criteria))].filter((c) => c !== code);
        const ticked = new Set(g.records.flatMap((r) => r.elementTicks[code] ?? []));
        return (
          <article key={g.url} className="evidence-block" aria-label={title}>
            <h4 lang={thaiLang(title, lang)}>{title}</h4>
            <div className="muted url small">{g.url}</div>
            <ul className="captures">
              {g.records.map((r) => (
                <li key={r.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={selected.has(r.id)}
                      onChange={(e) => toggle(r.id, e.target.checked)}
                      aria-label={w('selectEvidence', {
                        title: `${title} (${formatDateBE(r.capturedAt, lang, { time: true })})`,
                      })}
                    />
                    <span>{w('capturedOn', { date: formatDateBE(r.capturedAt, lang, { time: true }) })}</span>
                  </label>
                  {r !== newest && r.note && (
                    <span className="muted" lang={thaiLang(r.note, lang)}>
                      {r.note}
                    </span>
                  )}
                </li>
              ))}
            </ul>
            {otherCodes.length > 0 && (
              <div className="muted small">{w('alsoTagged', { codes: otherCodes.join(', ') })}</div>
            )}
            {criterion && criterion.elements.length > 0 && (
              <fieldset className="ticks">
                <legend>{w('ticksFor', { title })}</legend>
                {criterion.elements.map((el) => (
                  <label key={el.key} className="check">
                    <input
                      type="checkbox"
                      checked={ticked.has(el.key)}
                      onChange={(e) => void tick(g, el.key, e.target.checked)}
                    />
                    {lang === 'th' ? el.th : el.en}
                  </label>
                ))}
              </fieldset>
            )}
            <EvidenceNote record={newest} onError={fail} />
            <div className="toolbar">
              <select
                aria-label={w('targetItem', { title })}
                value={targets[g.url] ?? others[0]?.code ?? ''}
                onChange={(e) => setTargets({ ...targets, [g.url]: e.target.value })}
              >
                {others.map((c) => (
                  <option key={c.code} value={c.code}>
                    {c.code} {lang === 'th' ? c.nameTh : c.nameEn}
                  </option>
                ))}
              </select>
              <button type="button" onClick={() => void reassign(g, 'move')}>
                {w('moveTo')}
              </button>
              <button type="button" onClick={() => void reassign(g, 'copy')}>
                {w('copyTo')}
              </button>
            </div>
          </article>
        );
      })}
      {evidence.length > 0 && (
        <button type="button" className="danger" disabled={selected.size === 0} onClick={() => void removeSelected()}>
          {w('deleteSelected', { count: selected.size })}
        </button>
      )}
      <div role="status" className={`status ${msg?.error ? 'error' : ''}`}>
        {msg?.text}
        {msg?.undo && (
          <>
            {' '}
            <button type="button" onClick={() => void undo(msg.undo!)}>
              {t('undo')}
            </button>
          </>
        )}
      </div>
    </section>
  );
}
