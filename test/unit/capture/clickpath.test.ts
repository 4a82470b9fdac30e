import { describe, expect, it } from 'vitest';
import {
  appendTrail,
  clickPathTo,
  draftExplanation,
  draftItemExplanation,
  isHomeUrl,
  type TrailEvent,
} from '../../../lib/capture/clickpath';

const HOME = 'https://www.bangtuayang.go.th/';
const ITA = 'https://www.bangtuayang.go.th/ita.php';
const O5 = 'https://www.bangtuayang.go.th/index.php?_mod=ZmlsZXM&type=MzI';
const NEWS = 'https://www.bangtuayang.go.th/news.php';

let t = 0;
// A link text makes a click; no text makes a page load (typed, Back, reload).
const ev = (url: string, linkText = '', fromUrl = ''): TrailEvent => ({
  url,
  linkText,
  fromUrl,
  via: linkText ? 'click' : 'load',
  at: `2021-01-01T00:00:${String(t++).padStart(2, '0')}Z`,
});
const build = (...events: TrailEvent[]) => events.reduce<TrailEvent[]>((trail, e) => appendTrail(trail, e), []);

describe('clickPathTo', () => {
  it('follows a click sequence from the home page, keeping query strings', () => {
    const trail = build(ev(HOME), ev(ITA, ' ITA ', HOME), ev(O5, 'O5  ข้อมูลการติดต่อ', ITA));
    const { path, reachedFromHome } = clickPathTo(trail, O5, HOME);
    expect(reachedFromHome).toBe(true);
    expect(path).toEqual([
      { url: HOME, linkText: '' },
      { url: ITA, linkText: ' ITA ' },
      { url: O5, linkText: 'O5  ข้อมูลการติดต่อ' },
    ]);
    expect(draftExplanation(path, 'th')).toBe('หน้าแรก → ITA → O5 ข้อมูลการติดต่อ');
    expect(draftExplanation(path, 'en')).toBe('Home → ITA → O5 ข้อมูลการติดต่อ');
  });

  it('flags a page opened directly', () => {
    const trail = build(ev(HOME), ev(O5));
    const { path, reachedFromHome } = clickPathTo(trail, O5, HOME);
    expect(reachedFromHome).toBe(false);
    expect(path).toEqual([{ url: O5, linkText: '' }]);
  });

  it('returns a partial path when the walk cannot reach home', () => {
    const trail = build(ev(ITA), ev(O5, 'ข้อมูลการติดต่อ', ITA));
    const result = clickPathTo(trail, O5, HOME);
    expect(result.reachedFromHome).toBe(false);
    expect(result.path.map((s) => s.url)).toEqual([ITA, O5]);
    expect(result.path[0]!.linkText).toBe('');
  });

  it('cuts loops', () => {
    const trail = build(
      ev(HOME),
      ev(ITA, 'ITA', HOME),
      ev(NEWS, 'ข่าว', ITA),
      ev(ITA, 'กลับหน้า ITA', NEWS),
      ev(O5, 'O5', ITA),
    );
    // The latest link visit of ITA came from NEWS, which came from ITA: the cycle goes.
    const { path, reachedFromHome } = clickPathTo(trail, O5, HOME);
    expect(reachedFromHome).toBe(true);
    expect(path.map((s) => s.url)).toEqual([HOME, ITA, O5]);
    expect(path[1]!.linkText).toBe('ITA');
  });

  it('handles back navigation (no link) by using the earlier link visit', () => {
    const trail = build(
      ev(HOME),
      ev(ITA, 'ITA', HOME),
      ev(NEWS, 'ข่าว', ITA),
      ev(ITA), // Back button: not a link click
      ev(O5, 'O5', ITA),
    );
    const { path, reachedFromHome } = clickPathTo(trail, O5, HOME);
    expect(reachedFromHome).toBe(true);
    expect(path.map((s) => s.linkText)).toEqual(['', 'ITA', 'O5']);
  });

  it('normalises fragments, host case and default ports', () => {
    const trail = build(
      ev('https://WWW.bangtuayang.go.th:443/#top'),
      ev(`${ITA}#menu`, 'ITA', 'https://www.bangtuayang.go.th/index.php'),
    );
    const { path, reachedFromHome } = clickPathTo(trail, ITA, HOME);
    expect(reachedFromHome).toBe(true);
    expect(path).toHaveLength(2);
  });

  it('treats a query string as part of the page', () => {
    const other = 'https://www.bangtuayang.go.th/index.php?_mod=ZmlsZXM&type=MzM';
    const trail = build(ev(HOME), ev(other, 'อื่น', HOME));
    expect(clickPathTo(trail, O5, HOME).reachedFromHome).toBe(false);
    expect(isHomeUrl(O5, HOME)).toBe(false);
  });

  it('only treats index pages as home when home is the site root', () => {
    expect(isHomeUrl('https://www.bangtuayang.go.th/index.php', HOME)).toBe(true);
    expect(isHomeUrl('https://www.bangtuayang.go.th/index.html', HOME)).toBe(true);
    expect(isHomeUrl('https://example.go.th/site/', 'https://example.go.th/site/')).toBe(true);
    expect(isHomeUrl('https://example.go.th/site/index.php', 'https://example.go.th/site/')).toBe(false);
    expect(isHomeUrl('https://example.go.th/', 'https://example.go.th/site/')).toBe(false);
  });
});

describe('appendTrail', () => {
  it('caps the trail and skips reloads', () => {
    let trail: TrailEvent[] = [];
    for (let i = 0; i < 60; i++) trail = appendTrail(trail, ev(`${NEWS}?id=${i}`, 'x', HOME));
    expect(trail).toHaveLength(50);
    expect(trail[0]!.url).toBe(`${NEWS}?id=10`);
    expect(appendTrail(trail, ev(`${NEWS}?id=59#c`))).toHaveLength(50);
    expect(appendTrail(trail, ev(`${NEWS}?id=59`), 100)).toHaveLength(50);
    expect(appendTrail(trail, ev(HOME), 100)).toHaveLength(51);
  });
});

describe('draft explanations', () => {
  it('falls back to the decoded page path when there is no link text', () => {
    const path = [
      { url: HOME, linkText: '' },
      { url: 'https://www.bangtuayang.go.th/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7/list.php?p=2', linkText: '  ' },
    ];
    expect(draftExplanation(path, 'th')).toBe('หน้าแรก → /ข่าว/list.php?p=2');
    expect(draftExplanation(path, 'th', { fromHome: false })).toBe('/ → /ข่าว/list.php?p=2');
  });

  it('numbers distinct paths for an item', () => {
    const a = [
      { url: HOME, linkText: '' },
      { url: ITA, linkText: 'ITA' },
      { url: O5, linkText: 'O5' },
    ];
    const b = [
      { url: HOME, linkText: '' },
      { url: NEWS, linkText: 'ข่าวประชาสัมพันธ์' },
    ];
    expect(draftItemExplanation([a, b, a, []], 'th')).toBe('1. หน้าแรก → ITA → O5\n2. หน้าแรก → ข่าวประชาสัมพันธ์');
    const partial = {
      path: [
        { url: ITA, linkText: '' },
        { url: O5, linkText: 'O5' },
      ],
      reachedFromHome: false,
    };
    expect(draftItemExplanation([{ path: a, reachedFromHome: true }, partial], 'en')).toBe(
      '1. Home → ITA → O5\n2. /ita.php → O5',
    );
  });
});
