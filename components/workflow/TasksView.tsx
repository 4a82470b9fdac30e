import { useEffect, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { TaskRecord } from '../../lib/evidence/types';
import { addTask, deleteTask, listTasks, seedTasks, updateTask } from '../../lib/storage/tasks-repo';
import { memoTasks } from '../../lib/checklist/memo-tasks';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';
import { formatPeriod } from './helpers';
import { TaskForm } from './TaskForm';
import { CellLabel } from '../CellLabel';
import { thaiLang } from '../lang-attr';

/** The task calendar: the memo's tasks or the reviewer's own, with add, edit, delete and done. */
export function TasksView() {
  const { w, t, lang, settings } = useWorkflowT();
  const tasks = useLiveQuery(() => listTasks(getDb()), []);
  const [editing, setEditing] = useState<TaskRecord | 'new' | null>(null);
  const [msg, setMsg] = useState<{ text: string; error: boolean; undo?: TaskRecord } | null>(null);
  const run = async (job: () => Promise<unknown>, ok?: string) => {
    try {
      await job();
      setMsg(ok ? { text: ok, error: false } : null);
      return true;
    } catch (e) {
      setMsg({ text: saveErrorText(e, lang, t), error: true });
      return false;
    }
  };
  const loadMemo = () => {
    const seed = memoTasks(settings.fiscalYear);
    void run(() => seedTasks(getDb(), seed), w('memoLoaded', { count: seed.length }));
  };
  // Deleting is immediate; the deleted task is kept here so Undo can put it back with the same id.
  const remove = async (task: TaskRecord) => {
    const ok = await run(() => deleteTask(getDb(), task.id));
    if (ok) setMsg({ text: w('taskDeleted', { title: task.title }), error: false, undo: task });
  };
  // The deleted row took focus with it: put it on Undo, the likely next step.
  const undoRef = useRef<HTMLButtonElement>(null);
  const undoFor = msg?.undo;
  useEffect(() => {
    if (undoFor) undoRef.current?.focus();
  }, [undoFor]);
  const restore = (task: TaskRecord) => void run(() => seedTasks(getDb(), [task]));
  const save = async (input: Omit<TaskRecord, 'id'>) => {
    const target = editing;
    const ok = await run(
      () => (target && target !== 'new' ? updateTask(getDb(), target.id, input) : addTask(getDb(), input)),
      w('saved'),
    );
    if (ok) setEditing(null);
  };

  return (
    <section aria-label={w('tasksTitle')}>
      <h2>{w('tasksTitle')}</h2>
      <div className="toolbar">
        <button type="button" onClick={loadMemo}>
          {w('loadMemo')}
        </button>
        <button type="button" onClick={() => setEditing('new')}>
          {w('addTask')}
        </button>
      </div>
      {editing && (
        <TaskForm
          key={editing === 'new' ? 'new' : editing.id}
          task={editing === 'new' ? null : editing}
          onSave={save}
          onCancel={() => setEditing(null)}
        />
      )}
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>
        {msg?.text}
        {msg?.undo && (
          <>
            {' '}
            <button ref={undoRef} type="button" onClick={() => restore(msg.undo!)}>
              {t('undo')}
            </button>
          </>
        )}
      </div>
      {tasks && tasks.length === 0 && <p className="muted">{w('noTasks')}</p>}
      {tasks && tasks.length > 0 && (
        <table className="cards">
          <thead>
            <tr>
              <th scope="col">{w('taskDone')}</th>
              <th scope="col">{w('taskTitle')}</th>
              <th scope="col">{w('taskPeriod')}</th>
              <th scope="col">{w('taskPeople')}</th>
              <th scope="col">{w('actions')}</th>
            </tr>
          </thead>
          <tbody>
            {tasks.map((task) => (
              <tr key={task.id} className={task.done ? 'muted' : undefined}>
                <td>
                  <CellLabel text={w('taskDone')} />
                  <input
                    type="checkbox"
                    checked={task.done}
                    aria-label={w('taskDoneFor', { title: task.title })}
                    onChange={(e) => void run(() => updateTask(getDb(), task.id, { done: e.target.checked }))}
                  />
                </td>
                <td className="task-title" lang={thaiLang(task.title, lang)}>
                  {task.title}
                </td>
                <td>
                  <CellLabel text={w('taskPeriod')} />
                  {formatPeriod(task.start, task.end, lang)}
                </td>
                <td>
                  {task.people && (
                    <>
                      <CellLabel text={w('taskPeople')} />
                      <span lang={thaiLang(task.people, lang)}>{task.people}</span>
                    </>
                  )}
                </td>
                <td>
                  <div className="toolbar">
                    <button
                      type="button"
                      aria-label={w('editTask', { title: task.title })}
                      onClick={() => setEditing(task)}
                    >
                      ✎
                    </button>
                    <button
                      type="button"
                      className="danger"
                      aria-label={w('deleteTask', { title: task.title })}
                      onClick={() => void remove(task)}
                    >
                      ×
                    </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
