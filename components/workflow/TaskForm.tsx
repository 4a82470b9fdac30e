import { useId, useState } from 'react';
import type { TaskRecord } from '../../lib/evidence/types';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import { useWorkflowT } from './useWorkflowT';
import { dateInputValue, readDate } from './helpers';

/** Add or edit one task; dates are typed in B.E. with Thai or Arabic digits. */
export function TaskForm({
  task,
  onSave,
  onCancel,
}: {
  task: TaskRecord | null;
  onSave(input: Omit<TaskRecord, 'id'>): void | Promise<void>;
  onCancel(): void;
}) {
  const { w, lang } = useWorkflowT();
  const [title, setTitle] = useState(task?.title ?? '');
  const [start, setStart] = useState(dateInputValue(task?.start ?? null));
  const [end, setEnd] = useState(dateInputValue(task?.end ?? null));
  const [people, setPeople] = useState(task?.people ?? '');
  const [bad, setBad] = useState<{ start?: boolean; end?: boolean }>({});
  const id = useId();
  const s = readDate(start);
  const e = readDate(end);
  const submit = () => {
    const endBad = !e.ok || !e.iso;
    if (!s.ok || endBad) {
      setBad({ start: !s.ok, end: endBad });
      return;
    }
    setBad({});
    void onSave({ title, start: s.iso, end: e.iso!, people, done: task?.done ?? false });
  };
  const dateField = (
    key: 'start' | 'end',
    label: string,
    value: string,
    set: (v: string) => void,
    read: ReturnType<typeof readDate>,
  ) => (
    <div className="field">
      <label htmlFor={`${id}-${key}`}>{label}</label>
      <input
        id={`${id}-${key}`}
        type="text"
        value={value}
        onChange={(ev) => set(ev.target.value)}
        aria-invalid={bad[key] || undefined}
        aria-describedby={`${id}-${key}-hint`}
      />
      <small id={`${id}-${key}-hint`}>
        {read.ok && read.iso ? w('dateShown', { date: formatDateBE(read.iso, lang) }) : w('dateHint')}
      </small>
      {bad[key] && (
        <span className="error" role="alert">
          {w('badDate')}
        </span>
      )}
    </div>
  );
  return (
    <form
      className="card"
      aria-label={task ? w('editTask', { title: task.title }) : w('addTask')}
      onSubmit={(ev) => {
        ev.preventDefault();
        submit();
      }}
      noValidate
    >
      <div className="field">
        <label htmlFor={`${id}-title`}>{w('taskTitle')}</label>
        <input id={`${id}-title`} type="text" value={title} onChange={(ev) => setTitle(ev.target.value)} />
      </div>
      {dateField('start', w('taskStart'), start, setStart, s)}
      {dateField('end', w('taskEnd'), end, setEnd, e)}
      <div className="field">
        <label htmlFor={`${id}-people`}>{w('taskPeople')}</label>
        <input id={`${id}-people`} type="text" value={people} onChange={(ev) => setPeople(ev.target.value)} />
      </div>
      <div className="toolbar">
        <button type="submit" className="primary">
          {w('saveTask')}
        </button>
        <button type="button" onClick={onCancel}>
          {w('cancel')}
        </button>
      </div>
    </form>
  );
}
