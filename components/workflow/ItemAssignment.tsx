import { useId, useState } from 'react';
import type { ItemRecord } from '../../lib/evidence/types';
import { updateItem } from '../../lib/storage/items-repo';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';
import { dateInputValue, readDate } from './helpers';

/** Responsible unit, due date (B.E., Thai digits accepted), assignee and internal notes. */
export function ItemAssignment({ code, item }: { code: string; item: ItemRecord | null }) {
  const { w, t, lang, settings } = useWorkflowT();
  const [unit, setUnit] = useState(item?.unit ?? '');
  const [due, setDue] = useState(dateInputValue(item?.dueDate ?? null));
  const [assignee, setAssignee] = useState(item?.assignee ?? '');
  const [notes, setNotes] = useState(item?.notes ?? '');
  const [dateError, setDateError] = useState(false);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  const units = unit && !settings.units.includes(unit) ? [...settings.units, unit] : settings.units;
  const parsed = readDate(due);

  const save = async () => {
    if (!parsed.ok) {
      setDateError(true);
      setMsg(null);
      return;
    }
    setDateError(false);
    try {
      await updateItem(getDb(), code, { unit, dueDate: parsed.iso, assignee, notes });
      setMsg({ text: w('saved'), error: false });
    } catch (e) {
      setMsg({ text: saveErrorText(e, lang, t), error: true });
    }
  };

  return (
    <form
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
      noValidate
    >
      <h3 id={`${id}-h`}>{w('assignment')}</h3>
      <div className="field">
        <label htmlFor={`${id}-unit`}>{w('unit')}</label>
        <select id={`${id}-unit`} value={unit} onChange={(e) => setUnit(e.target.value)}>
          <option value="">{w('noUnit')}</option>
          {units.map((u) => (
            <option key={u} value={u}>
              {u}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-due`}>{w('dueDate')}</label>
        <input
          id={`${id}-due`}
          type="text"
          value={due}
          onChange={(e) => {
            setDue(e.target.value);
            setDateError(false);
          }}
          aria-invalid={dateError || undefined}
          aria-describedby={`${id}-due-hint`}
        />
        <small id={`${id}-due-hint`}>
          {parsed.ok && parsed.iso ? w('dateShown', { date: formatDateBE(parsed.iso, lang) }) : w('dateHint')}
        </small>
        {dateError && (
          <span className="error" role="alert">
            {w('badDate')}
          </span>
        )}
      </div>
      <div className="field">
        <label htmlFor={`${id}-who`}>{w('assignee')}</label>
        <input id={`${id}-who`} type="text" value={assignee} onChange={(e) => setAssignee(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={`${id}-notes`}>{w('notes')}</label>
        <textarea id={`${id}-notes`} rows={3} value={notes} onChange={(e) => setNotes(e.target.value)} />
      </div>
      <button type="submit" className="primary">
        {w('saveDetails')}
      </button>
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>
        {msg?.text}
      </div>
    </form>
  );
}
