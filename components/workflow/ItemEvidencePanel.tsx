import { useId, useState } from 'react';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { deleteEvidence, reassignCriterion, restoreEvidence, type DeletedEvidence } from '../../lib/storage/evidence-repo';
import type { ChecklistData } from '../useChecklistData';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';
import { EvidenceNote } from './EvidenceNote';

/** The item's evidence: notes, move/copy to other items, bulk delete with undo. */
export function ItemEvidencePanel({ code, evidence, data }: { code: string; evidence: EvidenceRecord[]; data: ChecklistData }) {
  const { w, t, lang } = useWorkflowT();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [targets, setTargets] = useState<Record<string, string>>({});
  const [msg, setMsg] = useState<{ text: string; undo?: DeletedEvidence; error?: boolean } | null>(null);
  const id = useId();
  const others = data.index.ordered.filter((c) => c.code !== code);
  const fail = (e: unknown) => setMsg({ text: saveErrorText(e, lang, t), error: true });

  const toggle = (rid: string, on: boolean) => {
    const next = new Set(selected);
    if (on) next.add(rid);
    else next.delete(rid);
    setSelected(next);
  };
  const reassign = async (r: EvidenceRecord, mode: 'move' | 'copy') => {
    const to = targets[r.id] ?? others[0]?.code;
    if (!to) return;
    try {
      await reassignCriterion(getDb(), r.id, code, to, mode);
      setMsg({ text: w(mode === 'move' ? 'moved' : 'copied', { code: to }) });
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
      setMsg({ text: w(undo.records.length === 1 ? 'deletedCountOne' : 'deletedCount', { count: undo.records.length }), undo });
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
      <ul className="evidence-list">
        {evidence.map((r) => {
          const title = r.title || r.url;
          const otherCodes = r.criteria.filter((c) => c !== code);
          return (
            <li key={r.id}>
              <label className="check">
                <input type="checkbox" checked={selected.has(r.id)} onChange={(e) => toggle(r.id, e.target.checked)} aria-label={w('selectEvidence', { title })} />
                <span>{title}</span>
              </label>
              <div className="muted url">{r.url}</div>
              {otherCodes.length > 0 && <div className="muted">{w('alsoTagged', { codes: otherCodes.join(', ') })}</div>}
              <EvidenceNote record={r} onError={fail} />
              <div className="toolbar">
                <select aria-label={w('targetItem', { title })} value={targets[r.id] ?? others[0]?.code ?? ''} onChange={(e) => setTargets({ ...targets, [r.id]: e.target.value })}>
                  {others.map((c) => <option key={c.code} value={c.code}>{c.code} {lang === 'th' ? c.nameTh : c.nameEn}</option>)}
                </select>
                <button type="button" onClick={() => void reassign(r, 'move')}>{w('moveTo')}</button>
                <button type="button" onClick={() => void reassign(r, 'copy')}>{w('copyTo')}</button>
              </div>
            </li>
          );
        })}
      </ul>
      {evidence.length > 0 && (
        <button type="button" className="danger" disabled={selected.size === 0} onClick={() => void removeSelected()}>
          {w('deleteSelected', { count: selected.size })}
        </button>
      )}
      <div role="status" className={`status ${msg?.error ? 'error' : ''}`}>
        {msg?.text}
        {msg?.undo && <> <button type="button" onClick={() => void undo(msg.undo!)}>{t('undo')}</button></>}
      </div>
    </section>
  );
}
