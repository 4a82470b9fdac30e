import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/storage/db';
import {
  beginJob,
  getJob,
  isResumable,
  jobCounts,
  loadResults,
  migrateJob,
  resumeKeys,
  saveResult,
  saveResults,
  setJobStatus,
  VERIFY_JOB_KEY,
} from '../../../lib/verify/store';
import type { VerifyResult } from '../../../lib/verify/types';

function result(key: string, checkedAt: string, ok = true): VerifyResult {
  return {
    key,
    url: `https://t.go.th/${key}`,
    criterion: 'O5',
    evidenceId: key.split('#')[0] ?? key,
    kind: key.includes('#') ? 'document' : 'page',
    checkedAt,
    ok,
    status: ok ? 200 : 404,
    finalUrl: `https://t.go.th/${key}`,
    redirects: [],
    problems: ok ? [] : ['broken'],
    similarity: null,
    linkPath: null,
    details: {},
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
    expect(rows.map((r) => [r.key, r.evidenceId, r.checkedAt])).toEqual([
      ['e1', 'e1', T1],
      ['e1#d1', 'e1', T1],
    ]);
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

  it('counts results of the running job once per key, and offers a resume that skips exactly them', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    await saveResult(db, result('e2', '2021-04-01T00:00:00.000Z')); // an older run's result
    const job = await beginJob(db, ['e1', 'e1#d1', 'e2', 'e1'], true, clock(T0));
    expect(job).toMatchObject({ version: 2, status: 'running', crawl: true, startedAt: T0, total: 3, done: 0 });
    await saveResult(db, result('e1', T1));
    await saveResults(db, [result('e1', T1), result('e1#d1', T1, false), result('e1#d1', T1, false)]); // repeats count once
    const stored = await getJob(db);
    expect(stored?.done).toBe(2);
    expect(isResumable(stored)).toBe(true);
    expect([...(await resumeKeys(db, stored!))].sort()).toEqual(['e1', 'e1#d1']);
    expect(await jobCounts(db, stored!)).toEqual({ ok: 1, bad: 1 });

    const cancelled = await setJobStatus(db, 'cancelled', clock(T1));
    expect(cancelled).toMatchObject({ status: 'cancelled', finishedAt: T1 });
    expect(isResumable(cancelled)).toBe(true);
  });

  it('storing a result never rewrites more than the small job row: its size does not grow with the run', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    const keys = Array.from({ length: 500 }, (_, i) => `k${i}`);
    await beginJob(db, keys, false, clock(T0));
    const size = async () => JSON.stringify((await db.meta.get(VERIFY_JOB_KEY))?.value).length;
    const first = await size();
    for (let i = 0; i < 500; i += 100)
      await saveResults(
        db,
        keys.slice(i, i + 100).map((k) => result(k, T1)),
      );
    expect(await size()).toBeLessThanOrEqual(first + 2); // "done": 0 → 500
    expect((await getJob(db))?.done).toBe(500);
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

  it('migrates a version 1 job (key lists) to counts; its rows carry no job mark and are checked again', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    await db.meta.put({
      key: VERIFY_JOB_KEY,
      value: {
        version: 1,
        startedAt: T0,
        finishedAt: T1,
        status: 'cancelled',
        crawl: true,
        keys: ['a', 'b', 'a'],
        doneKeys: ['a'],
      },
    });
    await db.verify.put({ key: 'a', evidenceId: 'a', checkedAt: T1, result: result('a', T1) });
    const job = await getJob(db);
    expect(job).toEqual({
      version: 2,
      startedAt: T0,
      finishedAt: T1,
      status: 'cancelled',
      crawl: true,
      total: 2,
      done: 0,
    });
    expect(isResumable(job)).toBe(true);
    expect(await resumeKeys(db, job!)).toEqual(new Set());
  });

  it('treats a malformed job row as no job', async () => {
    const db = openDb('t-' + crypto.randomUUID());
    expect(await getJob(db)).toBeNull();
    await db.meta.put({ key: VERIFY_JOB_KEY, value: { version: 1, keys: 'nope' } });
    expect(await getJob(db)).toBeNull();
    expect(migrateJob({ version: 2, startedAt: T0, status: 'done', total: 'x', done: 1 })).toBeNull();
    expect(await setJobStatus(db, 'done')).toBeNull();
  });
});
