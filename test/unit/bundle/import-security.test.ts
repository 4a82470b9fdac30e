/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate parsed manifests freely to build bad bundles */
import { strToU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBundle } from '../../../lib/bundle/check';
import { importBundle } from '../../../lib/bundle/import';
import { toEvidenceRecord } from '../../../lib/bundle/manifest';
import { BUNDLE_MESSAGES } from '../../../lib/bundle/messages';
import { EvidencePathAllocator, extensionFor } from '../../../lib/bundle/paths';
import { MAX_CLOCK_SKEW_MS, rebuildVerification } from '../../../lib/bundle/verification-check';
import { artifact, dumpDb, exportBytes, freshDb, manifestOf, noise, record, seed, withManifest, zip } from './helpers';

const art = { id: 'x', bytes: 1, sha256: '0'.repeat(64) };

describe('exported file extensions (V3)', () => {
  it('come from the method, so only the page snapshot becomes .html', () => {
    expect(extensionFor('dom-snapshot', 'text/html; charset=utf-8')).toBe('html');
    expect(extensionFor('text', 'text/html')).toBe('txt');
    expect(extensionFor('document-bytes', 'text/html')).toBe('bin');
    expect(extensionFor('document-bytes', 'image/svg+xml')).toBe('bin');
    expect(extensionFor('viewport', 'text/html')).toBe('bin');
    expect(extensionFor('element-crop', 'image/png')).toBe('png');
    const docs: [string, string][] = [
      ['application/pdf', 'pdf'],
      ['application/msword', 'doc'],
      ['application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'docx'],
      ['application/vnd.ms-excel', 'xls'],
      ['application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'xlsx'],
      ['image/png', 'png'],
      ['IMAGE/JPEG', 'jpg'],
      ['image/gif', 'gif'],
    ];
    for (const [mime, ext] of docs) expect(extensionFor('document-bytes', mime)).toBe(ext);
    const alloc = new EvidencePathAllocator();
    expect(alloc.allocate('O1', 'e', { ...art, method: 'document-bytes', mime: 'text/html' })).toBe(
      'evidence/O01/e-document.bin',
    );
  });
});

describe('toEvidenceRecord (V8)', () => {
  it('keeps only the EvidenceRecord fields', async () => {
    const a = await artifact('a1', noise(10, 1));
    const me: any = {
      ...record('ev', ['O1'], [{ ...a.a, path: 'evidence/O01/ev-viewport.png', evil: 1 } as any]),
      extra: { x: 1 },
      __proto__x: 2,
    };
    me.clickPath[0].more = 'x';
    const r: any = toEvidenceRecord(me);
    expect(r.extra).toBeUndefined();
    expect(r.__proto__x).toBeUndefined();
    expect(r.artifacts[0].path).toBeUndefined();
    expect(r.artifacts[0].evil).toBeUndefined();
    expect(r.clickPath[0].more).toBeUndefined();
    expect(r).toEqual(record('ev', ['O1'], [a.a]));
  });
});

describe('artifact ids on import (V5)', () => {
  it('refuses a bundle whose new evidence reuses the artifact id of other local evidence, and writes nothing', async () => {
    const unit = freshDb();
    await seed(unit);
    const bytes = await exportBytes(unit);
    const coord = freshDb();
    const mine = await artifact('a1', noise(4000, 99)); // same id as the bundle's ev1 viewport, other bytes
    await coord.evidence.put(record('mine', ['O7'], [mine.a]));
    await coord.blobs.put(mine.blob);
    const before = await dumpDb(coord);
    const r = await importBundle(coord, bytes);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([
        { code: 'artifact-id-conflict', params: { id: 'a1', evidence: 'ev1', owner: 'mine' } },
      ]);
    expect(await dumpDb(coord)).toBe(before);
    expect(BUNDLE_MESSAGES['artifact-id-conflict'].th).toContain('{id}');
  });

  it('refuses an orphan blob with other bytes, and accepts one with the same bytes', async () => {
    const unit = freshDb();
    await seed(unit);
    const bytes = await exportBytes(unit);
    const clash = freshDb();
    await clash.blobs.put({ id: 'a4', data: strToU8('not the pdf') });
    const r = await importBundle(clash, bytes);
    expect(r.ok ? [] : r.errors.map((e) => e.code)).toEqual(['artifact-id-conflict']);
    expect((await clash.blobs.get('a4'))?.data).toEqual(strToU8('not the pdf'));

    const same = freshDb();
    await same.blobs.put({ id: 'a4', data: (await unit.blobs.get('a4'))!.data });
    const ok = await importBundle(same, bytes);
    expect(ok.ok ? [] : ok.errors).toEqual([]);
  });

  it('still re-imports its own bundle (same ids, same records)', async () => {
    const unit = freshDb();
    await seed(unit);
    const r = await importBundle(unit, await exportBytes(unit));
    expect(r.ok ? [] : r.errors).toEqual([]);
  });
});

describe('re-verification results on import (V6)', () => {
  const now = Date.parse('2021-06-01T00:00:00.000Z');
  const result = {
    key: 'ev1',
    url: 'https://www.example.go.th/',
    criterion: 'O5',
    evidenceId: 'ev1',
    kind: 'page',
    checkedAt: '2021-05-01T00:00:00.000Z',
    ok: false,
    status: 200,
    finalUrl: 'https://www.example.go.th/',
    redirects: [],
    problems: ['drifted'],
    similarity: 0.5,
    linkPath: null,
    details: {},
  };
  const ok = { key: 'ev1', evidenceId: 'ev1', checkedAt: '2021-05-01T00:00:00.000Z', result };
  const index = new Map([
    ['ev1', new Set(['a1', 'a4'])],
    ['ev2', new Set<string>()],
  ]);
  const problem = (v: unknown) => {
    const r = rebuildVerification(v, now, index);
    return r.ok ? null : r.problem;
  };

  it('accepts a well-formed result, rebuilt from the whitelist, and names each forgery', () => {
    expect(problem(ok)).toBeNull();
    const planted = rebuildVerification(
      { ...ok, extra: 1, result: { ...result, html: '<b>x</b>', details: { error: 'x', evil: 1 } } },
      now,
      index,
    );
    expect(planted.ok && planted.value.result).toEqual({ ...result, details: { error: 'x' } });
    expect(planted.ok && Object.keys(planted.value)).toEqual(['key', 'evidenceId', 'checkedAt', 'result']);
    expect(problem({ ...ok, key: 'ev1#a4', result: { ...result, kind: 'document' } })).toBeNull();
    expect(problem({ ...ok, checkedAt: new Date(now + MAX_CLOCK_SKEW_MS - 1000).toISOString() })).toBeNull();
    expect(problem({ ...ok, key: 'ev2' })).toBe('key does not belong to evidenceId');
    expect(problem({ ...ok, key: 'ev10' })).toBe('key does not belong to evidenceId');
    expect(problem({ ...ok, key: 'ev1#zz', result: { ...result, kind: 'document' } })).toBe(
      'key names no artifact of that evidence',
    );
    expect(problem({ ...ok, key: 'victim', evidenceId: 'victim' })).toBe('evidenceId is not evidence in this bundle');
    expect(problem({ ...ok, checkedAt: 'yesterday' })).toBe('checkedAt is not a time');
    expect(problem({ ...ok, checkedAt: 'zzzz' })).toBe('checkedAt is not a time');
    expect(problem({ ...ok, checkedAt: '2099-01-01T00:00:00.000Z' })).toBe('checkedAt is in the future');
    expect(problem({ ...ok, result: { ...result, url: 'javascript:alert(1)' } })).toBe(
      'result.url is not an http(s) URL',
    );
    expect(problem({ ...ok, result: { ...result, problems: 'broken' } })).toMatch(/^result.problems is not a list/);
    expect(problem({ ...ok, result: { ...result, problems: ['<b>x</b>'] } })).toMatch(/^unknown problem code/);
    expect(problem({ ...ok, result: { ...result, redirects: undefined } })).toMatch(/^result.redirects is not a list/);
    expect(problem({ ...ok, result: { ...result, similarity: Infinity } })).toMatch(/^result.similarity/);
    expect(problem({ ...ok, result: { ...result, ok: 'yes' } })).toBe('result.ok is not true/false');
  });

  it('rejects a bundle carrying a forged result, and writes nothing', async () => {
    const unit = freshDb();
    await seed(unit);
    const files = unzipSync(await exportBytes(unit));
    const m = manifestOf(files);
    m.verification = [{ ...ok, checkedAt: '2999-01-01T00:00:00.000Z' }];
    const bytes = zip(await withManifest(files, m));
    const read = await readBundle(bytes, {}, () => now);
    expect(read.ok ? [] : read.errors.map((e) => e.code)).toEqual(['verification-invalid']);
    const db = freshDb();
    const before = await dumpDb(db);
    const r = await importBundle(db, bytes);
    expect(r.ok).toBe(false);
    expect(await dumpDb(db)).toBe(before);

    m.verification = [ok];
    const good = await readBundle(zip(await withManifest(files, m)), {}, () => now);
    expect(good.ok ? [] : good.errors).toEqual([]);
  });
});

describe('manifest evidence validation on import (V8)', () => {
  it('rejects wrong MIME types, script URLs and oversized text', async () => {
    const unit = freshDb();
    await seed(unit);
    const files = unzipSync(await exportBytes(unit));
    const mutations: ((x: any) => void)[] = [
      (x) => {
        x.evidence[0].artifacts[0].mime = 'text/html';
      }, // a viewport that claims to be HTML
      (x) => {
        x.evidence[1].artifacts[0].sourceUrl = 'javascript:alert(1)';
      },
      (x) => {
        x.evidence[0].clickPath[0].url = 'javascript:alert(1)';
      },
      (x) => {
        x.evidence[0].title = 'ก'.repeat(2001);
      },
      (x) => {
        x.evidence[0].elementTicks = { O5: [{ key: 1 }] };
      },
    ];
    for (const mutate of mutations) {
      const m = manifestOf(files);
      mutate(m);
      const r = await readBundle(zip(await withManifest(files, m)));
      expect(r.ok ? [] : r.errors.map((e) => e.code), mutate.toString()).toContain('manifest-schema');
    }
  });
});
