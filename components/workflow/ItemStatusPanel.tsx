import { useId, useState } from 'react';
import type { Criterion } from '../../lib/criteria/types';
import type { EvidenceRecord, ItemStatus } from '../../lib/evidence/types';
import type { StatusInfo } from '../../lib/checklist/status';
import { ITEM_STATUSES } from '../../lib/evidence/item-status';
import { checklistMessage, statusLabel } from '../../lib/checklist/messages';
import { clearOverride, setOverride } from '../../lib/storage/items-repo';
import { updateEvidence } from '../../lib/storage/evidence-repo';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';
import { toggleTick } from './helpers';

/** Status with covered/missing elements, per-evidence element ticks, and the hand-set override. */
export function ItemStatusPanel({ criterion, status, evidence }: { criterion: Criterion; status: StatusInfo; evidence: EvidenceRecord[] }) {
  const { w, t, lang } = useWorkflowT();
  const [choice, setChoice] = useState<ItemStatus>(status.status);
  // When the status changes (a tick, an override, another window), the select follows it.
  const [shown, setShown] = useState<ItemStatus>(status.status);
  if (shown !== status.status) {
    setShown(status.status);
    setChoice(status.status);
  }
  const [reason, setReason] = useState('');
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const statusId = useId();
  const reasonId = useId();
  const elName = (key: string) => {
    const e = criterion.elements.find((x) => x.key === key);
    return e ? (lang === 'th' ? e.th : e.en) : key;
  };
  const order = criterion.elements.map((e) => e.key);
  const run = async (job: () => Promise<unknown>, done: string) => {
    try {
      await job();
      setMsg({ text: done, error: false });
    } catch (e) {
      setMsg({ text: saveErrorText(e, lang, t), error: true });
    }
  };
  const tick = (r: EvidenceRecord, key: string, on: boolean) =>
    void run(() => updateEvidence(getDb(), r.id, { elementTicks: toggleTick(r.elementTicks, criterion.code, key, on, order) }), w('ticksSaved'));

  return (
    <section aria-labelledby={`${statusId}-h`}>
      <h3 id={`${statusId}-h`}>{w('itemStatus')}</h3>
      <p>
        <span className={`badge ${status.status}`} data-testid="item-status">{statusLabel(status.status, lang)}</span>
        {status.overridden && <> <span className="tag">{w('overriddenMark')}</span> <span>{checklistMessage('status.overridden', lang, { reason: status.reason ?? '' })}</span></>}
      </p>
      {status.overridden && <p className="muted">{w('derivedStatus', { status: statusLabel(status.derived, lang) })}</p>}
      {criterion.elements.length === 0 ? <p className="muted">{w('noElements')}</p> : (
        <dl className="meta">
          <dt>{w('coveredElements')}</dt>
          <dd>{status.covered.map(elName).join(', ') || w('none')}</dd>
          <dt>{w('missingElements')}</dt>
          <dd>{status.missing.map(elName).join(', ') || w('none')}</dd>
        </dl>
      )}
      {criterion.elements.length > 0 && evidence.map((r) => (
        <fieldset key={r.id} className="ticks">
          <legend>{w('ticksFor', { title: r.title || r.url })}</legend>
          {criterion.elements.map((el) => {
            const on = (r.elementTicks[criterion.code] ?? []).includes(el.key);
            return (
              <label key={el.key} className="check">
                <input type="checkbox" checked={on} onChange={(e) => tick(r, el.key, e.target.checked)} />
                {lang === 'th' ? el.th : el.en}
              </label>
            );
          })}
        </fieldset>
      ))}
      <fieldset>
        <legend>{w('overrideTitle')}</legend>
        <div className="field">
          <label htmlFor={statusId}>{w('overrideStatus')}</label>
          <select id={statusId} value={choice} onChange={(e) => setChoice(e.target.value as ItemStatus)}>
            {ITEM_STATUSES.map((s) => <option key={s} value={s}>{statusLabel(s, lang)}</option>)}
          </select>
        </div>
        <div className="field">
          <label htmlFor={reasonId}>{w('overrideReason')}</label>
          <input id={reasonId} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="toolbar">
          <button type="button" onClick={() => void run(() => setOverride(getDb(), criterion.code, choice, reason), w('overrideApplied', { status: statusLabel(choice, lang) }))}>{w('overrideSet')}</button>
          {status.overridden && <button type="button" onClick={() => void run(() => clearOverride(getDb(), criterion.code), w('overrideRemoved'))}>{w('overrideClear')}</button>}
        </div>
      </fieldset>
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>{msg?.text}</div>
    </section>
  );
}
