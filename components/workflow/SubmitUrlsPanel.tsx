import { useId, useState } from 'react';
import type { EvidenceRecord, ItemRecord } from '../../lib/evidence/types';
import { checklistMessage } from '../../lib/checklist/messages';
import { submitUrls } from '../../lib/checklist/submit-urls';
import { updateItem } from '../../lib/storage/items-repo';
import { getDb } from '../db';
import { useWorkflowT } from './useWorkflowT';
import { saveErrorText } from './errors';
import { moveEntry } from './helpers';

/** The URLs to enter in ITAS, in order, capped by settings.urlCap: the same list the export sends. */
export function SubmitUrlsPanel({
  code,
  item,
  evidence,
}: {
  code: string;
  item: ItemRecord | null;
  evidence: EvidenceRecord[];
}) {
  const { w, t, lang, settings } = useWorkflowT();
  const [error, setError] = useState('');
  const id = useId();
  const cap = settings.urlCap;
  const { all: urls, custom, overCap, available } = submitUrls(item, evidence, cap);
  const save = async (next: string[] | null) => {
    try {
      await updateItem(getDb(), code, { submitUrls: next });
      setError('');
    } catch (e) {
      setError(saveErrorText(e, lang, t));
    }
  };
  return (
    <section aria-labelledby={`${id}-h`}>
      <h3 id={`${id}-h`}>{w('submitTitle')}</h3>
      <p className="muted">
        {w('submitCap', { cap })}
        {custom ? ` · ${w('customOrder')}` : ''}
      </p>
      {overCap && <p className="warn">{checklistMessage('urls.overCap', lang, { available, cap })}</p>}
      {urls.length === 0 ? (
        <p className="muted">{checklistMessage('urls.none', lang)}</p>
      ) : (
        <ol className="urls">
          {urls.map((url, i) => (
            <li key={url} className={i >= cap ? 'muted' : undefined}>
              <span className="url">{url}</span>
              {i >= cap && <span className="tag">{w('notSubmitted')}</span>}
              <button
                type="button"
                aria-label={w('moveUp', { url })}
                disabled={i === 0}
                onClick={() => void save(moveEntry(urls, i, -1))}
              >
                ↑
              </button>
              <button
                type="button"
                aria-label={w('moveDown', { url })}
                disabled={i === urls.length - 1}
                onClick={() => void save(moveEntry(urls, i, 1))}
              >
                ↓
              </button>
            </li>
          ))}
        </ol>
      )}
      {custom && (
        <button type="button" onClick={() => void save(null)}>
          {w('resetOrder')}
        </button>
      )}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
