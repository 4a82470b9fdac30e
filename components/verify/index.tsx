import { useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { verifyText, type VerifyUiKey } from '../../lib/i18n/ui-verify';
import { getJob, isResumable } from '../../lib/verify/store';
import { getDb } from '../db';
import { useUi } from '../i18n';
import type { ChecklistData } from '../useChecklistData';
import { ResultsTable } from './ResultsTable';
import { useVerifyResults } from './results-store';
import { cancelVerify, runVerify, useRunState } from './runner';

export function VerifyPanel({ data }: { data: ChecklistData }) {
  const { lang, settings } = useUi();
  const tv = (k: VerifyUiKey, p?: Record<string, string | number>) => verifyText(lang, k, p);
  const run = useRunState();
  const results = useVerifyResults();
  const job = useLiveQuery(() => getJob(getDb()), []);
  const [crawl, setCrawl] = useState(true);
  const running = run.phase === 'running';

  const start = (resume: boolean) =>
    void runVerify({
      db: getDb(),
      evidence: data.evidence,
      set: data.set,
      fiscalYear: settings.fiscalYear,
      homeUrl: settings.homeUrl,
      crawl: crawl && settings.homeUrl !== '',
      resume,
    });

  return (
    <section aria-labelledby="verify-title">
      <h2 id="verify-title">{tv('title')}</h2>
      <p className="muted">{tv('intro')}</p>
      {data.evidence.length === 0 && <p>{tv('nothing')}</p>}
      <label className="check">
        <input
          type="checkbox"
          checked={crawl && settings.homeUrl !== ''}
          disabled={running || !settings.homeUrl}
          onChange={(e) => setCrawl(e.target.checked)}
        />{' '}
        {tv('crawl')}
      </label>
      {!settings.homeUrl && <p className="muted">{tv('crawlNoHome')}</p>}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={running || data.evidence.length === 0}
          onClick={() => start(false)}
        >
          {tv('start')}
        </button>
        {running && (
          <button type="button" onClick={cancelVerify}>
            {tv('cancel')}
          </button>
        )}
      </div>
      {!running && isResumable(job ?? null) && job && (
        <p>
          {tv('resumeOffer', { done: job.done, total: job.total })}{' '}
          <button type="button" onClick={() => start(true)}>
            {tv('resume')}
          </button>
        </p>
      )}
      {run.phase !== 'idle' && (
        <div className="verify-progress">
          <progress aria-label={tv('progress')} max={Math.max(run.total, 1)} value={run.done} />{' '}
          <span>
            {run.done} / {run.total}
          </span>
        </div>
      )}
      <p role="status" aria-live="polite">
        {running && tv(run.crawling ? 'crawling' : 'checking')}
        {run.phase === 'done' && tv('finished', { ok: run.ok, bad: run.bad })}
        {run.phase === 'cancelled' && tv('cancelled', { done: run.done, total: run.total })}
        {run.phase === 'failed' && tv('failed', { detail: run.error ?? '' })}
      </p>
      {results && <ResultsTable results={results} />}
    </section>
  );
}
