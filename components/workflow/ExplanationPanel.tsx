import { useId, useState } from 'react';
import type { EvidenceRecord, ItemRecord } from '../../lib/evidence/types';
import { checklistMessage } from '../../lib/checklist/messages';
import { isDraftExplanation, itemExplanation } from '../../lib/checklist/explanation';
import { updateItem } from '../../lib/storage/items-repo';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';
import { isSameAsDraft } from './helpers';

/**
 * คำอธิบายเพิ่มเติม: drafted from the click-paths until the reviewer saves text of their own.
 * Saving the draft unchanged stores nothing, so the draft keeps following new evidence.
 */
export function ExplanationPanel({
  code,
  item,
  evidence,
}: {
  code: string;
  item: ItemRecord | null;
  evidence: EvidenceRecord[];
}) {
  const { w, t, lang } = useWorkflowT();
  const current = itemExplanation(item, evidence, lang);
  const draft = isDraftExplanation(item);
  const [text, setText] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  const write = async (value: string | null, done: string) => {
    try {
      await updateItem(getDb(), code, { explanation: value });
      setText(null);
      setMsg({ text: done, error: false });
    } catch (e) {
      setMsg({ text: saveErrorText(e, lang, t), error: true });
    }
  };
  const save = async () => {
    const value = text ?? current;
    // The draft is made in the UI language; either language's draft counts as unedited.
    const drafts = [itemExplanation(null, evidence, 'th'), itemExplanation(null, evidence, 'en')];
    if (isSameAsDraft(value, drafts)) {
      if (draft) {
        setText(null);
        setMsg({ text: w('explanationSameAsDraft'), error: false });
      } else {
        await write(null, w('explanationSameAsDraft'));
      }
      return;
    }
    await write(value, w('saved'));
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{w('explanationTitle')}</h3>
      <p className="muted">{draft ? checklistMessage('explanation.draft', lang) : w('explanationOwn')}</p>
      <textarea
        aria-labelledby={`${id}-h`}
        rows={4}
        value={text ?? current}
        onChange={(e) => setText(e.target.value)}
      />
      <div className="toolbar">
        <button type="button" onClick={() => void save()}>
          {w('saveExplanation')}
        </button>
        {!draft && (
          <button type="button" onClick={() => void write(null, w('explanationReset'))}>
            {w('resetExplanation')}
          </button>
        )}
      </div>
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>
        {msg?.text}
      </div>
    </section>
  );
}
