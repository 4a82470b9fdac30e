import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/storage/db';
import { beginJob, getJob, isResumable, loadResults, resumeResults, saveResult, setJobStatus, VERIFY_JOB_KEY } from '../../../lib/verify/store';
import type { VerifyResult } from '../../../lib/verify/types';

function result(key: string, checkedAt: string, ok = true): VerifyResult {
  return {
    key, url: `https://t.go.th/${key}`, criterion: 'O5', evidenceId: key.split('#')[0] ?? key, kind: key.includes('#') ? 'document' : 'page',
    checkedAt, ok, status: ok ? 200 : 404, finalUrl: `https://t.go.th/${key}`, redirects: [], problems: ok ? [] : ['broken'],
    similarity: null, linkPath: null, details: {},
  };
}

const clock = (iso: string) => () => new Date(iso);
const T0 = '2021-05-01T00:00:00.000Z';
const T1 = '2021-05-01T00:01:00.000Z';

describe('verify store', () => {
  it('saves results as rows keyed by result key with evidenceId, and loads them back', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    await saveResult(db, result('e1', T1));
    await saveResult(db, result('e1#d1', T1, false));
    const rows = await db.verify.toArray();
    expect(rows.map((r) => [r.key, r.evidenceId, r.checkedAt])).toEqual([['e1', 'e1', T1], ['e1#d1', 'e1', T1]]);
    expect(await db.verify.where('evidenceId').equals('e1').count()).toBe(2);
    const loaded = await loadResults(db);
    expect(loaded.find((r) => r.key === 'e1#d1')?.problems).toEqual(['broken']);
    // A later result for the same key replaces the earlier one.
    await saveResult(db, result('e1#d1', '2021-06-01T00:00:00.000Z'));
    expect((await loadResults(db)).find((r) => r.key === 'e1#d1')?.ok).toBe(true);
  });

  it('ignores rows that are not results', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    await db.verify.put({ key: 'x', evidenceId: 'x', checkedAt: T0, result: { key: 'x', problems: ['nonsense'] } });
    await saveResult(db, result('e1', T1));
    expect((await loadResults(db)).map((r) => r.key)).toEqual(['e1']);
  });

  it('records done keys in the job as results are saved, and offers a resume with only this run\'s results', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    await saveResult(db, result('e2', '2021-04-01T00:00:00.000Z')); // an older run's result
    const job = await beginJob(db, ['e1', 'e1#d1', 'e2', 'e1'], true, clock(T0));
    expect(job).toMatchObject({ status: 'running', crawl: true, startedAt: T0, keys: ['e1', 'e1#d1', 'e2'], doneKeys: [] });
    await saveResult(db, result('e1', T1));
    await saveResult(db, result('e1', T1)); // twice: still one done key
    await saveResult(db, result('other', T1)); // not in this job
    const stored = await getJob(db);
    expect(stored?.doneKeys).toEqual(['e1']);
    expect(isResumable(stored)).toBe(true);
    const done = await resumeResults(db, stored!);
    expect(done.map((r) => r.key)).toEqual(['e1']);

    const cancelled = await setJobStatus(db, 'cancelled', clock(T1));
    expect(cancelled).toMatchObject({ status: 'cancelled', finishedAt: T1 });
    expect(isResumable(cancelled)).toBe(true);
  });

  it('skips a stored result older than the job even if its key is listed as done', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    await beginJob(db, ['e1'], false, clock(T1));
    await db.verify.put({ key: 'e1', evidenceId: 'e1', checkedAt: T0, result: result('e1', T0) });
    const job = await getJob(db);
    expect(await resumeResults(db, { ...job!, doneKeys: ['e1'] })).toEqual([]);
  });

  it('a finished job is not resumable; a fresh job drops results of targets that are gone', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    await beginJob(db, ['a', 'b'], false, clock(T0));
    await saveResult(db, result('a', T1));
    await saveResult(db, result('b', T1));
    expect(isResumable(await getJob(db))).toBe(false); // all done
    await setJobStatus(db, 'done', clock(T1));
    expect((await getJob(db))?.status).toBe('done');
    await beginJob(db, ['b', 'c'], false, clock(T1));
    expect((await loadResults(db)).map((r) => r.key)).toEqual(['b']);
    expect(isResumable(null)).toBe(false);
  });

  it('treats a malformed job row as no job', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    expect(await getJob(db)).toBeNull();
    await db.meta.put({ key: VERIFY_JOB_KEY, value: { version: 1, keys: 'nope' } });
    expect(await getJob(db)).toBeNull();
    expect(await setJobStatus(db, 'done')).toBeNull();
  });
});
