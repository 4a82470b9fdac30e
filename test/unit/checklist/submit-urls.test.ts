import { describe, expect, it } from 'vitest';
import { submitUrls } from '../../../lib/checklist/submit-urls';
import { evidence, item } from './fixtures';

function at(url: string, capturedAt: string, id: string) {
  return evidence(['O5'], {}, { id, url, requestedUrl: url, capturedAt });
}

describe('submitUrls', () => {
  it('derives URLs from evidence in capture order', () => {
    const ev = [
      at('https://a.go.th/2', '2021-03-02T00:00:00Z', 'x'),
      at('https://a.go.th/1', '2021-03-01T00:00:00Z', 'y'),
    ];
    expect(submitUrls(null, ev)).toEqual({ urls: ['https://a.go.th/1', 'https://a.go.th/2'], overCap: false, available: 2 });
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
    expect(result).toEqual({ urls: ev.slice(0, 5).map((e) => e.url), overCap: true, available: 7 });
    expect(submitUrls(null, ev, 7).overCap).toBe(false);
    expect(submitUrls(null, ev, 2).urls).toHaveLength(2);
  });

  it('falls back to the requested URL and skips non-web URLs', () => {
    const a = evidence(['O5'], {}, { url: '', requestedUrl: 'https://a.go.th/req', capturedAt: '2021-03-01T00:00:00Z' });
    const b = evidence(['O5'], {}, { url: 'file:///C:/doc.pdf', requestedUrl: 'file:///C:/doc.pdf', capturedAt: '2021-03-02T00:00:00Z' });
    expect(submitUrls(null, [a, b]).urls).toEqual(['https://a.go.th/req']);
  });

  it('uses the item’s own ordered list when set, capped', () => {
    const own = ['https://a.go.th/z', 'https://a.go.th/y', 'https://a.go.th/x'];
    const ev = [at('https://a.go.th/other', '2021-03-01T00:00:00Z', 'o')];
    expect(submitUrls(item('O5', { submitUrls: own }), ev)).toEqual({ urls: own, overCap: false, available: 3 });
    expect(submitUrls(item('O5', { submitUrls: own }), ev, 2)).toEqual({ urls: own.slice(0, 2), overCap: true, available: 3 });
    expect(submitUrls(item('O5', { submitUrls: [] }), ev)).toEqual({ urls: [], overCap: false, available: 0 });
  });

  it('returns nothing without evidence', () => {
    expect(submitUrls(null, [])).toEqual({ urls: [], overCap: false, available: 0 });
  });
});
