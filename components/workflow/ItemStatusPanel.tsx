import { useId, useState } from 'react';
import { elementLabel } from '../../lib/criteria/elements';
import type { Criterion } from '../../lib/criteria/types';
import type { ItemStatus } from '../../lib/evidence/types';
import type { StatusInfo } from '../../lib/checklist/status';
import { ITEM_STATUSES } from '../../lib/evidence/item-status';
import { checklistMessage, statusLabel } from '../../lib/checklist/messages';
import { clearOverride, setOverride } from '../../lib/storage/items-repo';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';

/** Status with covered/missing elements and the hand-set override (element ticks are on each evidence block). */
export function ItemStatusPanel({ criterion, status }: { criterion: Criterion; status: StatusInfo }) {
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
  // Missing keys include any-of groups ("an invitation or an award notice"), labelled like elements.
  const elName = (key: string) => elementLabel(criterion, key, lang);
  const run = async (job: () => Promise<unknown>, done: string) => {
    try {
      await job();
      setMsg({ text: done, error: false });
    } catch (e) {
      setMsg({ text: saveErrorText(e, lang, t), error: true });
    }
  };

  return (
    <section aria-labelledby={`${statusId}-h`}>
      <h3 id={`${statusId}-h`}>{w('itemStatus')}</h3>
      <p>
        <span className={`badge ${status.status}`} data-testid="item-status">
          {statusLabel(status.status, lang)}
        </span>
        {status.overridden && (
          <>
            {' '}
            <span className="tag">{w('overriddenMark')}</span>{' '}
            <span>{checklistMessage('status.overridden', lang, { reason: status.reason ?? '' })}</span>
          </>
        )}
      </p>
      {status.overridden && (
        <p className="muted">{w('derivedStatus', { status: statusLabel(status.derived, lang) })}</p>
      )}
      {criterion.elements.length === 0 ? (
        <p className="muted">{w('noElements')}</p>
      ) : (
        <dl className="meta">
          <dt>{w('coveredElements')}</dt>
          <dd>{status.covered.map(elName).join(', ') || w('none')}</dd>
          <dt>{w('missingElements')}</dt>
          <dd>{status.missing.map(elName).join(', ') || w('none')}</dd>
        </dl>
      )}
      <fieldset>
        <legend>{w('overrideTitle')}</legend>
        <div className="field">
          <label htmlFor={statusId}>{w('overrideStatus')}</label>
          <select id={statusId} value={choice} onChange={(e) => setChoice(e.target.value as ItemStatus)}>
            {ITEM_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s, lang)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={reasonId}>{w('overrideReason')}</label>
          <input id={reasonId} type="text" value={reason} onChange={(e) => setReason(e.target.value)} />
        </div>
        <div className="toolbar">
          <button
            type="button"
            onClick={() =>
              void run(
                () => setOverride(getDb(), criterion.code, choice, reason),
                w('overrideApplied', { status: statusLabel(choice, lang) }),
              )
            }
          >
            {w('overrideSet')}
          </button>
          {status.overridden && (
            <button
              type="button"
              onClick={() => void run(() => clearOverride(getDb(), criterion.code), w('overrideRemoved'))}
            >
              {w('overrideClear')}
            </button>
          )}
        </div>
      </fieldset>
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>
        {msg?.text}
      </div>
    </section>
  );
}
