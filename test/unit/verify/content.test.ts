import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyTargets } from '../../../lib/verify/verify';
import { startServer, type FixtureServer } from '../../fixtures/verify-server';
import type { VerifyTarget } from '../../../lib/verify/types';
import { OK_TEXT, soft404Handler, startSite, testOptions, TIS_TEXT } from './site';

let site: FixtureServer;
let phraseSite: FixtureServer;
let genericSite: FixtureServer;
beforeAll(async () => {
  [site, phraseSite, genericSite] = await Promise.all([
    startSite(),
    startServer(soft404Handler('phrase')),
    startServer(soft404Handler('generic')),
  ]);
});
afterAll(() => Promise.all([site.close(), phraseSite.close(), genericSite.close()]));

async function check(t: Partial<VerifyTarget> & { url: string }) {
  const [r] = await verifyTargets([{ key: 'k', criterion: 'O9', ...t }], testOptions());
  if (!r) throw new Error('no result');
  return r;
}

describe('genuine page checks', () => {
  it('soft 404: unknown paths answer 200 "ไม่พบหน้า"', async () => {
    const r = await check({ url: phraseSite.url('/เอกสาร/แผนปี2564') });
    expect(r.status).toBe(200);
    expect(r.problems).toEqual(['soft-404']);
  });

  it('soft 404 by sibling probe: the page equals what any unknown URL shows', async () => {
    const r = await check({ url: genericSite.url('/index.php?_mod=news&id=999') });
    expect(r.problems).toEqual(['soft-404']);
    expect(r.details.soft404Reason).toBe('sibling-similar');
    expect(r.details.siblingSimilarity).toBeGreaterThanOrEqual(0.95);
  });

  it('a real page on a soft-404 site is not flagged', async () => {
    const r = await check({ url: genericSite.url('/real') });
    expect(r.ok).toBe(true);
    expect(r.details.siblingSimilarity).toBeLessThan(0.95);
  });

  it('login wall', async () => {
    const r = await check({ url: site.url('/login-required') });
    expect(r.problems).toEqual(['login-wall']);
  });

  it('parked domain', async () => {
    const r = await check({ url: site.url('/parked') });
    expect(r.problems).toEqual(['parked']);
  });

  it('placeholder page', async () => {
    const r = await check({ url: site.url('/placeholder') });
    expect(r.problems).toEqual(['placeholder']);
  });

  it('windows-874 page is decoded by its <meta> charset', async () => {
    const r = await check({
      url: site.url('/tis620'),
      capturedText: TIS_TEXT,
      periodRule: { kind: 'fiscal-year', offset: 0 },
    });
    expect(r.details.charset).toBe('windows-874');
    expect(r.similarity).toBe(1);
    expect(r.details.yearsFound).toEqual([2564]); // written ๒๕๖๔
    expect(r.ok).toBe(true);
  });

  it('Thai path: fetched, and compared in normalised form', async () => {
    const raw = `${site.origin}/ข่าวสาร/ประกาศ.html`;
    const r = await check({ url: raw });
    expect(r.ok).toBe(true);
    expect(site.log).toContain('GET /ข่าวสาร/ประกาศ.html');
  });

  it('drifted page: replaced content scores below the threshold', async () => {
    const r = await check({ url: site.url('/drift'), capturedText: `แผนการดำเนินงาน ${OK_TEXT}` });
    expect(r.problems).toEqual(['drifted']);
    expect(r.similarity).toBeLessThan(0.5);
  });

  it('an unchanged page has similarity near 1', async () => {
    const r = await check({ url: site.url('/ok'), capturedText: `เกี่ยวกับเรา ข่าวประชาสัมพันธ์ แผนการดำเนินงาน ${OK_TEXT}` });
    expect(r.ok).toBe(true);
    expect(r.similarity).toBeGreaterThan(0.9);
  });

  it('year missing: the page no longer mentions FY 2564', async () => {
    const r = await check({ url: site.url('/no-year'), periodRule: { kind: 'fiscal-year', offset: 0 } });
    expect(r.problems).toEqual(['year-missing']);
    expect(r.details.yearsExpected).toEqual([2564]);
    const prev = await check({ url: site.url('/no-year'), periodRule: { kind: 'fiscal-year', offset: -1 } });
    expect(prev.problems).toEqual(['year-missing']); // 2563 is not there either
    const range = await check({
      url: site.url('/ok'),
      periodRule: { kind: 'range', from: '2020-10-01', to: '2021-03-31' },
    });
    expect(range.ok).toBe(true);
  });

  it('changed PDF: SHA-256 differs', async () => {
    const [changed, same] = await verifyTargets(
      [
        {
          key: 'e1#a1',
          url: site.url('/doc.pdf'),
          criterion: 'O9',
          document: { sha256: '0'.repeat(64), url: site.url('/doc.pdf') },
        },
        {
          key: 'e1#a2',
          url: site.url('/doc.pdf'),
          criterion: 'O9',
          document: { sha256: await sha(), url: site.url('/doc.pdf') },
        },
      ],
      testOptions(),
    );
    expect(changed?.problems).toEqual(['document-changed']);
    expect(changed?.kind).toBe('document');
    expect(same?.ok).toBe(true);
  });

  it('a vanished document is broken', async () => {
    const r = await check({
      url: site.url('/gone.pdf'),
      document: { sha256: await sha(), url: site.url('/gone.pdf') },
    });
    expect(r.problems).toEqual(['broken']);
  });
});

async function sha(): Promise<string> {
  const { PDF_BYTES } = await import('./site');
  const { sha256Hex } = await import('../../../lib/util/hash');
  return sha256Hex(PDF_BYTES);
}
