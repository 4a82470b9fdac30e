import { memo } from 'react';
import { browser } from 'wxt/browser';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import type { Lang } from '../../lib/i18n/language';
import { verifyText, type VerifyUiKey } from '../../lib/i18n/ui-verify';
import type { VerifyResult } from '../../lib/verify/types';
import { CellLabel } from '../CellLabel';
import { displayUrl, linkPathText, NO_PERMISSION, problemsText, similarityText } from './verdict';

/**
 * One result row. The table's rows are re-read from the database while a run goes on, so every
 * re-read brings new objects: the row is redrawn only when its own check changed.
 */
export const ResultRow = memo(
  function ResultRow({ r, lang }: { r: VerifyResult; lang: Lang }) {
    const tv = (k: VerifyUiKey) => verifyText(lang, k);
    return (
      <tr data-key={r.key}>
        <td>
          {r.kind === 'document' && <span className="tag">{tv('document')}</span>}{' '}
          <a className="url" href={r.url} target="_blank" rel="noopener noreferrer">
            {displayUrl(r.url)}
          </a>
        </td>
        <td>
          <CellLabel text={tv('colCriterion')} />
          {r.criterion}
        </td>
        <td>
          <CellLabel text={tv('colVerdict')} />
          <span className={`badge ${r.ok ? 'complete' : 'missing'}`}>{tv(r.ok ? 'verdictOk' : 'verdictBad')}</span>
        </td>
        <td>
          {r.problems.length > 0 && <CellLabel text={tv('colProblems')} />}
          {problemsText(r.problems, lang)}
          {r.details.error === NO_PERMISSION && (
            <p className="warn">
              {tv('noPermission')}{' '}
              <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
                {tv('openSettings')}
              </button>
            </p>
          )}
        </td>
        <td>
          <CellLabel text={tv('colSimilarity')} />
          {similarityText(r.similarity)}
        </td>
        <td>
          <CellLabel text={tv('colLinkPath')} />
          {linkPathText(r, lang)}
        </td>
        <td>
          <CellLabel text={tv('colCheckedAt')} />
          <time dateTime={r.checkedAt}>{formatDateBE(r.checkedAt, lang, { time: true })}</time>
        </td>
      </tr>
    );
  },
  (a, b) =>
    a.lang === b.lang &&
    a.r.key === b.r.key &&
    a.r.checkedAt === b.r.checkedAt &&
    a.r.ok === b.r.ok &&
    a.r.details.error === b.r.details.error,
);
