import { useMemo, useState } from 'react';
import { verifyText, type VerifyUiKey } from '../../lib/i18n/ui-verify';
import type { VerifyResult } from '../../lib/verify/types';
import { useUi } from '../i18n';
import { RecordBoundary } from '../RecordBoundary';
import { ResultRow } from './ResultRow';
import { needsAttention, sortForTable } from './verdict';

/**
 * Rows drawn at first and added by each "show more". Drawing every row of a 3,000-URL run (and
 * redrawing them as results arrived) grew the side panel by hundreds of MB; problems sort first,
 * so the rows that matter are on the first page.
 */
export const RESULTS_PAGE = 100;

export function ResultsTable({ results }: { results: VerifyResult[] }) {
  const { lang, t } = useUi();
  const tv = (k: VerifyUiKey, p?: Record<string, string | number>) => verifyText(lang, k, p);
  const [onlyBad, setOnlyBad] = useState(false);
  const [limit, setLimit] = useState(RESULTS_PAGE);
  const sorted = useMemo(() => sortForTable(results), [results]);
  const matching = useMemo(() => (onlyBad ? sorted.filter(needsAttention) : sorted), [sorted, onlyBad]);
  if (results.length === 0) return <p className="muted">{tv('noResults')}</p>;
  const page = matching.slice(0, limit);
  const more = Math.min(RESULTS_PAGE, matching.length - page.length);
  return (
    <section aria-label={tv('results')}>
      <label className="check">
        <input
          type="checkbox"
          checked={onlyBad}
          onChange={(e) => {
            setOnlyBad(e.target.checked);
            setLimit(RESULTS_PAGE);
          }}
        />{' '}
        {tv('needsAttentionOnly')}
      </label>
      <p className="muted" aria-live="polite">
        {tv('shown', { shown: page.length, total: results.length })}
      </p>
      <div>
        <table className="verify-results cards">
          <caption>{tv('results')}</caption>
          <thead>
            <tr>
              <th scope="col">{tv('colUrl')}</th>
              <th scope="col">{tv('colCriterion')}</th>
              <th scope="col">{tv('colVerdict')}</th>
              <th scope="col">{tv('colProblems')}</th>
              <th scope="col">{tv('colSimilarity')}</th>
              <th scope="col">{tv('colLinkPath')}</th>
              <th scope="col">{tv('colCheckedAt')}</th>
            </tr>
          </thead>
          <tbody>
            {page.map((r) => (
              <RecordBoundary
                key={String(r.key)}
                fallback={
                  <tr>
                    <td colSpan={7} className="status error">
                      {t('damagedRecord', { key: String(r.key) })}
                    </td>
                  </tr>
                }
              >
                <ResultRow r={r} lang={lang} />
              </RecordBoundary>
            ))}
          </tbody>
        </table>
      </div>
      {more > 0 && (
        <div className="actions">
          <button type="button" onClick={() => setLimit(page.length + RESULTS_PAGE)}>
            {tv('showMore', { count: more })}
          </button>
        </div>
      )}
    </section>
  );
}
