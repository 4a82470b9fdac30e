import { memo } from 'react';
import type { Criterion } from '../lib/criteria/types';
import type { EvidenceRecord } from '../lib/evidence/types';
import type { DashboardRow } from '../lib/checklist/dashboard';
import { statusLabel, checklistMessage } from '../lib/checklist/messages';
import { useUi } from './i18n';
import { Thumb } from './Thumb';
import { VerdictBadge } from './verify/VerdictBadge';
import { useVerifyResults } from './verify/results-store';
import { verdictFor, verdictLabel } from './verify/verdict';

const SHOTS = new Set(['viewport', 'fullpage-stitched', 'element-crop', 'rendered-html2canvas']);
const MAX_THUMBS = 4;

interface Props {
  criterion: Criterion;
  row: DashboardRow | undefined;
  evidence: EvidenceRecord[];
  /** `opener` is the thumbnail pressed, so that focus can go back near it. */
  onOpen(r: EvidenceRecord, opener: HTMLElement): void;
  onSelect(code: string): void;
  /** Filtered out: kept mounted (thumbnails stay loaded) but not shown. */
  hidden?: boolean;
}

export const CriterionItem = memo(function CriterionItem({
  criterion,
  row,
  evidence,
  onOpen,
  onSelect,
  hidden,
}: Props) {
  const { t, lang } = useUi();
  const name = lang === 'th' ? criterion.nameTh : criterion.nameEn;
  const status = row?.status.status ?? 'unreviewed';
  const count = evidence.length
    ? t(evidence.length === 1 ? 'evidenceCountOne' : 'evidenceCount', { count: evidence.length })
    : t('noEvidence');
  const verdict = verdictFor(
    useVerifyResults(),
    evidence.map((r) => r.id),
  );
  const unlinked = row?.unlinkedOnly ? checklistMessage('item.unlinkedOnly', lang) : '';
  return (
    <li
      hidden={hidden}
      data-code={criterion.code}
      aria-label={`${criterion.code} ${name} — ${statusLabel(status, lang)} — ${count}${unlinked ? ` — ${unlinked}` : ''}${verdict ? ` — ${verdictLabel(verdict, lang)}` : ''}`}
    >
      <div className="item-head">
        <span className="code">{criterion.code}</span>
        <button
          type="button"
          className="linkish"
          onClick={() => onSelect(criterion.code)}
          aria-label={`${criterion.code} ${name}`}
        >
          {name}
        </button>
      </div>
      <div className="item-meta">
        <span className={`badge ${status}`}>
          {statusLabel(status, lang)}
          {row?.status.overridden ? ' *' : ''}
        </span>
        {row?.overdue && <span className="tag">{checklistMessage('item.overdue', lang)}</span>}
        <span className="count">{count}</span>
        <VerdictBadge verdict={verdict} lang={lang} />
      </div>
      {unlinked && <p className="warn unlinked">{unlinked}</p>}
      {evidence.length > 0 && (
        <div className="thumbs">
          {evidence.slice(0, MAX_THUMBS).map((r) => (
            <Thumb
              key={r.id}
              blobId={r.artifacts.find((a) => SHOTS.has(a.method))?.id}
              label={`${t('openEvidence')}: ${r.title || r.url}`}
              onOpen={(el) => onOpen(r, el)}
            />
          ))}
          {evidence.length > MAX_THUMBS && <span className="muted">+{evidence.length - MAX_THUMBS}</span>}
        </div>
      )}
    </li>
  );
});
