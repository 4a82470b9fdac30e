import { describe, expect, it } from 'vitest';
import { submitUrls } from '../../../lib/checklist/submit-urls';
import { evidence, item } from './fixtures';

function at(url: string, capturedAt: string, id: string) {
  return evidence(['O5'], {}, { id, url, requestedUrl: url, capturedAt });
}

const A = 'https://a.go.th/a';
const B = 'https://a.go.th/b';
const C = 'https://a.go.th/c';
const D = 'https://a.go.th/d';

describe('submitUrls', () => {
  it('derives URLs from evidence in capture order', () => {
    const ev = [
      at('https://a.go.th/2', '2021-03-02T00:00:00Z', 'x'),
      at('https://a.go.th/1', '2021-03-01T00:00:00Z', 'y'),
    ];
    const urls = ['https://a.go.th/1', 'https://a.go.th/2'];
    expect(submitUrls(null, ev)).toEqual({ urls, overCap: false, available: 2, all: urls, custom: false });
  });

  it('deduplicates by host case and fragment but keeps query strings apart', () => {
    const ev = [
      at('https://www.Town.go.th/index.php?_mod=ZmlsZXM&type=MzI', '2021-03-01T00:00:01Z', 'a'),
      at('https://www.town.go.th/index.php?_mod=ZmlsZXM&type=MzI#top', '2021-03-01T00:00:02Z', 'b'),
      at('https://WWW.TOWN.GO.TH/index.php?_mod=ZmlsZXM&type=MzM', '2021-03-01T00:00:03Z', 'c'),
    ];
    const result = submitUrls(item('O5'), ev);
    expect(result.urls).toEqual([
      'https://www.Town.go.th/index.php?_mod=ZmlsZXM&type=MzI',
      'https://WWW.TOWN.GO.TH/index.php?_mod=ZmlsZXM&type=MzM',
    ]);
    expect(result.available).toBe(2);
  });

  it('caps the list and says how many exist', () => {
    const ev = Array.from({ length: 7 }, (_, i) => at(`https://a.go.th/p${i}`, `2021-03-01T00:00:0${i}Z`, `e${i}`));
    const result = submitUrls(null, ev);
    expect(result).toMatchObject({ urls: ev.slice(0, 5).map((e) => e.url), overCap: true, available: 7 });
    expect(result.all).toEqual(ev.map((e) => e.url));
    expect(submitUrls(null, ev, 7).overCap).toBe(false);
    expect(submitUrls(null, ev, 2).urls).toHaveLength(2);
  });

  it('falls back to the requested URL and skips non-web URLs', () => {
    const a = evidence(
      ['O5'],
      {},
      { url: '', requestedUrl: 'https://a.go.th/req', capturedAt: '2021-03-01T00:00:00Z' },
    );
    const b = evidence(
      ['O5'],
      {},
      { url: 'file:///C:/doc.pdf', requestedUrl: 'file:///C:/doc.pdf', capturedAt: '2021-03-02T00:00:00Z' },
    );
    expect(submitUrls(null, [a, b]).urls).toEqual(['https://a.go.th/req']);
  });

  it('keeps the hand-set order, capped', () => {
    const ev = [
      at(A, '2021-03-01T00:00:00Z', '1'),
      at(B, '2021-03-02T00:00:00Z', '2'),
      at(C, '2021-03-03T00:00:00Z', '3'),
    ];
    const own = [C, A, B];
    expect(submitUrls(item('O5', { submitUrls: own }), ev)).toEqual({
      urls: own,
      overCap: false,
      available: 3,
      all: own,
      custom: true,
    });
    expect(submitUrls(item('O5', { submitUrls: own }), ev, 2)).toMatchObject({
      urls: [C, A],
      overCap: true,
      available: 3,
    });
  });

  it('appends evidence captured after the reorder, in capture order', () => {
    const ev = [
      at(A, '2021-03-01T00:00:00Z', '1'),
      at(B, '2021-03-02T00:00:00Z', '2'),
      at(D, '2021-03-05T00:00:00Z', '4'),
      at(C, '2021-03-04T00:00:00Z', '3'),
    ];
    const result = submitUrls(item('O5', { submitUrls: [B, A] }), ev, 3);
    expect(result.all).toEqual([B, A, C, D]);
    expect(result).toMatchObject({ urls: [B, A, C], overCap: true, available: 4, custom: true });
    // An empty saved order still lists the evidence.
    expect(submitUrls(item('O5', { submitUrls: [] }), ev).all).toEqual([A, B, C, D]);
  });

  it('drops saved URLs whose evidence was deleted, and matches saved URLs after normalising', () => {
    const ev = [at('https://A.go.th/a#top', '2021-03-01T00:00:00Z', '1'), at(C, '2021-03-03T00:00:00Z', '3')];
    const result = submitUrls(item('O5', { submitUrls: [B, C, A, 'https://a.go.th/c#x'] }), ev);
    // B has no evidence left; A is the same page as the evidence's spelling; C appears once.
    expect(result.all).toEqual([C, A]);
    expect(result.available).toBe(2);
    expect(submitUrls(item('O5', { submitUrls: [B] }), [])).toEqual({
      urls: [],
      overCap: false,
      available: 0,
      all: [],
      custom: true,
    });
  });

  it('returns nothing without evidence', () => {
    expect(submitUrls(null, [])).toEqual({ urls: [], overCap: false, available: 0, all: [], custom: false });
  });
});
