import { useMemo, useState } from 'react';
import { browser } from 'wxt/browser';
import { compareCodes } from '../../lib/criteria/registry';
import { formatDateBE } from '../../lib/i18n/buddhist-era';
import { verifyText, type VerifyUiKey } from '../../lib/i18n/ui-verify';
import type { VerifyResult } from '../../lib/verify/types';
import { useUi } from '../i18n';
import { RecordBoundary } from '../RecordBoundary';
import { CellLabel } from '../CellLabel';
import { displayUrl, linkPathText, needsAttention, NO_PERMISSION, problemsText, similarityText } from './verdict';

function firstCode(criterion: string): string {
  return criterion.split(',')[0]?.trim() ?? '';
}

export function ResultsTable({ results }: { results: VerifyResult[] }) {
  const { lang, t } = useUi();
  const tv = (k: VerifyUiKey, p?: Record<string, string | number>) => verifyText(lang, k, p);
  const [onlyBad, setOnlyBad] = useState(false);
  const sorted = useMemo(
    () =>
      [...results].sort(
        (a, b) => compareCodes(firstCode(a.criterion), firstCode(b.criterion)) || a.key.localeCompare(b.key),
      ),
    [results],
  );
  const shown = onlyBad ? sorted.filter(needsAttention) : sorted;
  if (results.length === 0) return <p className="muted">{tv('noResults')}</p>;
  return (
    <section aria-label={tv('results')}>
      <label className="check">
        <input type="checkbox" checked={onlyBad} onChange={(e) => setOnlyBad(e.target.checked)} />{' '}
        {tv('needsAttentionOnly')}
      </label>
      <p className="muted" aria-live="polite">
        {tv('shown', { shown: shown.length, total: results.length })}
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
            {shown.map((r) => (
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
                    <span className={`badge ${r.ok ? 'complete' : 'missing'}`}>
                      {tv(r.ok ? 'verdictOk' : 'verdictBad')}
                    </span>
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
              </RecordBoundary>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
