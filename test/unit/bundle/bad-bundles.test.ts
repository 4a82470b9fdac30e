import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { importBundle } from '../../../lib/bundle/import';
import type { ItaDb } from '../../../lib/storage/db';
import { buildCorpus, type Case, type CaseClass } from './corpus';
import { dumpDb, exportBytes, freshDb, item, seed } from './helpers';

let good: Uint8Array;
let target: ItaDb;
let cases: Case[] = [];

beforeAll(async () => {
  const src = freshDb();
  await seed(src);
  good = await exportBytes(src);
  target = freshDb();
  await target.items.put(item('O5', { unit: 'กองคลัง', assignee: 'คนเดิม' }));
  await target.meta.put({ key: 'x', value: 1 });
});

// The cases are built lazily (some are megabytes) but named up front, so each is its own test.
const names = buildCorpus(new Uint8Array(0), {}).map((c) => c.name);

describe('bad-bundle corpus', () => {
  beforeAll(() => {
    cases = buildCorpus(good, unzipSync(good));
  });

  it('has at least 80 cases, at least three in every class', () => {
    expect(cases.length).toBeGreaterThanOrEqual(80);
    const per = new Map<CaseClass, number>();
    for (const c of cases) per.set(c.cls, (per.get(c.cls) ?? 0) + 1);
    for (const [cls, n] of per) expect(n, cls).toBeGreaterThanOrEqual(3);
    expect(new Set(cases.map((c) => c.name)).size).toBe(cases.length);
  });

  it('the good bundle imports (the corpus is a mutation of a valid bundle)', async () => {
    const r = await importBundle(freshDb(), good);
    expect(r.ok ? [] : r.errors).toEqual([]);
  });

  for (const name of names) {
    it(`rejects: ${name}, naming the reason; database unchanged`, async () => {
      const c = cases.find((x) => x.name === name)!;
      const before = await dumpDb(target);
      const r = await importBundle(target, await c.make(), { limits: c.limits });
      expect(r.ok).toBe(false);
      if (r.ok) return;
      const codes = r.errors.map((e) => e.code);
      expect(codes, JSON.stringify(r.errors).slice(0, 400)).toContain(c.code);
      if (c.file) expect(r.errors.filter((e) => e.code === c.code).map((e) => e.file)).toContain(c.file);
      for (const not of c.not ?? []) expect(codes).not.toContain(not);
      expect(await dumpDb(target)).toBe(before);
    });
  }
});
