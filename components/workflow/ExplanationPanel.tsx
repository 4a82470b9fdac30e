import { useId, useState } from 'react';
import type { EvidenceRecord, ItemRecord } from '../../lib/evidence/types';
import { checklistMessage } from '../../lib/checklist/messages';
import { isDraftExplanation, itemExplanation } from '../../lib/checklist/explanation';
import { updateItem } from '../../lib/storage/items-repo';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';

/** คำอธิบายเพิ่มเติม: drafted from the click-paths until the reviewer saves their own text. */
export function ExplanationPanel({ code, item, evidence }: { code: string; item: ItemRecord | null; evidence: EvidenceRecord[] }) {
  const { w, t, lang } = useWorkflowT();
  const current = itemExplanation(item, evidence, lang);
  const draft = isDraftExplanation(item);
  const [text, setText] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  const save = async (value: string | null) => {
    try {
      await updateItem(getDb(), code, { explanation: value });
      setText(null);
      setMsg({ text: w('saved'), error: false });
    } catch (e) {
      setMsg({ text: saveErrorText(e, lang, t), error: true });
    }
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{w('explanationTitle')}</h3>
      <p className="muted">{draft ? checklistMessage('explanation.draft', lang) : w('explanationOwn')}</p>
      <textarea aria-labelledby={`${id}-h`} rows={4} value={text ?? current} onChange={(e) => setText(e.target.value)} />
      <div className="toolbar">
        <button type="button" onClick={() => void save(text ?? current)}>{w('saveExplanation')}</button>
        {!draft && <button type="button" onClick={() => void save(null)}>{w('resetExplanation')}</button>}
      </div>
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>{msg?.text}</div>
    </section>
  );
}
