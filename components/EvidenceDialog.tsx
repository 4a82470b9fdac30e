import { useEffect, useRef } from 'react';
import type { EvidenceRecord } from '../lib/evidence/types';
import { formatDateBE } from '../lib/i18n/buddhist-era';
import { draftExplanation } from '../lib/capture/clickpath';
import type { UiKey } from '../lib/i18n/ui';
import { useUi } from './i18n';
import { formatBytes } from '../lib/storage/storage-health';
import { BrokenImage, useBlobImage } from './Thumb';
import { thaiLang } from './lang-attr';

const IMAGE_METHODS = new Set(['viewport', 'fullpage-stitched', 'element-crop', 'rendered-html2canvas']);

/**
 * One evidence record: its screenshot, URL, Buddhist Era time, click-path and stored files with hashes.
 * Delete closes the dialog first (so focus is not lost with an unmounted modal), then calls onDelete.
 */
export function EvidenceDialog({
  record,
  onClose,
  onDelete,
}: {
  record: EvidenceRecord;
  onClose(): void;
  onDelete(): void;
}) {
  const { t, lang } = useUi();
  const ref = useRef<HTMLDialogElement>(null);
  const heading = useRef<HTMLHeadingElement>(null);
  const shot = record.artifacts.find((a) => IMAGE_METHODS.has(a.method));
  const { url, failed } = useBlobImage(shot?.id, shot?.mime ?? 'image/png');
  useEffect(() => {
    ref.current?.showModal();
    heading.current?.focus();
  }, []);
  return (
    <dialog ref={ref} aria-label={`${t('openEvidence')}: ${record.title || record.url}`} onClose={onClose}>
      <h2 ref={heading} tabIndex={-1} lang={thaiLang(record.title, lang)}>
        {record.title || record.url}
      </h2>
      {shot?.method === 'rendered-html2canvas' && <p className="warn">{t('method_rendered-html2canvas')}</p>}
      {url && <img src={url} alt={t('screenshot')} />}
      {failed && (
        <p className="warn">
          <BrokenImage text={`${t('screenshot')}: ${t('imageFailed')}`} />
        </p>
      )}
      <dl className="meta">
        <dt>{t('url')}</dt>
        <dd>
          <a className="url" href={record.url} target="_blank" rel="noreferrer noopener">
            {record.url}
          </a>
        </dd>
        <dt>{t('capturedAt')}</dt>
        <dd>{formatDateBE(record.capturedAt, lang, { time: true })}</dd>
        <dt>{t('clickPath')}</dt>
        <dd>{draftExplanation(record.clickPath, lang, { fromHome: record.reachedFromHome }) || '—'}</dd>
        {record.note && (
          <>
            <dt>{t('note')}</dt>
            <dd lang={thaiLang(record.note, lang)}>{record.note}</dd>
          </>
        )}
      </dl>
      {!record.reachedFromHome && <p className="warn">{t('directOpen')}</p>}
      <h3>{t('artifacts')}</h3>
      <ul className="plain artifacts">
        {record.artifacts.map((a) => (
          <li key={a.id}>
            <div>
              {t(`method_${a.method}` as UiKey)}
              {a.part ? ` (${a.part}/${a.parts})` : ''}{' '}
              <span className="muted small">· {formatBytes(a.bytes, lang)}</span>
            </div>
            <div className="hash">
              <span className="sr-only">SHA-256 </span>
              {a.sha256}
            </div>
          </li>
        ))}
      </ul>
      <p className="muted">{t('hashNote')}</p>
      <div className="dialog-actions">
        <button
          type="button"
          className="danger"
          onClick={() => {
            ref.current?.close();
            onDelete();
          }}
        >
          {t('deleteEvidence')}
        </button>
        <button type="button" onClick={() => ref.current?.close()}>
          {t('close')}
        </button>
      </div>
    </dialog>
  );
}
