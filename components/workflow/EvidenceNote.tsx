import { useState } from 'react';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { updateEvidence } from '../../lib/storage/evidence-repo';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';

/** Edits one evidence record's note. */
export function EvidenceNote({ record, onError }: { record: EvidenceRecord; onError(e: unknown): void }) {
  const { w } = useWorkflowT();
  const [text, setText] = useState<string | null>(null);
  const title = record.title || record.url;
  const save = async () => {
    if (text === null) return;
    try {
      await updateEvidence(getDb(), record.id, { note: text });
      setText(null);
    } catch (e) {
      onError(e);
    }
  };
  return (
    <div className="toolbar">
      <input
        type="text"
        aria-label={w('evidenceNote', { title })}
        value={text ?? record.note}
        onChange={(e) => setText(e.target.value)}
      />
      <button type="button" disabled={text === null} onClick={() => void save()}>
        {w('saveNote')}
      </button>
    </div>
  );
}
