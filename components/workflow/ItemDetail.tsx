import { useEffect, useRef } from 'react';
import { checklistMessage, confidenceNote } from '../../lib/checklist/messages';
import type { EvidenceRecord } from '../../lib/evidence/types';
import type { ChecklistData } from '../useChecklistData';
import { useWorkflowT } from './useWorkflowT';
import { ItemStatusPanel } from './ItemStatusPanel';
import { ItemAssignment } from './ItemAssignment';
import { SubmitUrlsPanel } from './SubmitUrlsPanel';
import { ExplanationPanel } from './ExplanationPanel';
import { ItemEvidencePanel } from './ItemEvidencePanel';

const EMPTY: EvidenceRecord[] = [];

/** Editor for one item (status override, unit, due date, assignee, notes, URLs, explanation, evidence). */
export function ItemDetail({ data, code, onClose }: { data: ChecklistData; code: string; onClose(): void }) {
  const { t, lang } = useWorkflowT();
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  // The dialog opens on its heading, so a screen reader starts at the top, not on a control midway.
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    heading.current?.focus();
  }, []);
  const criterion = data.index.byCode.get(code);
  const evidence = data.byCode.get(code) ?? EMPTY;
  const item = data.items.get(code) ?? null;
  const row = data.dashboard.rows.find((r) => r.code === code);
  const name = criterion ? (lang === 'th' ? criterion.nameTh : criterion.nameEn) : '';
  const note = criterion ? confidenceNote(criterion.confidence) : null;
  return (
    <dialog ref={ref} className="item-detail" aria-label={`${code} ${name}`.trim()} onClose={onClose}>
      <h2 ref={heading} tabIndex={-1}>
        {code} {name}
      </h2>
      {note && <p className="muted small">{checklistMessage(note, lang)}</p>}
      {row?.unlinkedOnly && (
        <p className="warn" role="note">
          {checklistMessage('item.unlinkedOnly', lang)}
        </p>
      )}
      {criterion && row ? (
        <>
          <ItemStatusPanel criterion={criterion} status={row.status} />
          <ItemAssignment key={`a-${code}`} code={code} item={item} />
          <SubmitUrlsPanel code={code} item={item} evidence={evidence} />
          <ExplanationPanel key={`e-${code}`} code={code} item={item} evidence={evidence} />
          <ItemEvidencePanel code={code} criterion={criterion} evidence={evidence} data={data} />
        </>
      ) : (
        <p className="warn">{checklistMessage('orphans.detail', lang, { codes: code })}</p>
      )}
      <div className="dialog-actions">
        <button type="button" onClick={() => ref.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
