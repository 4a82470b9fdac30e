import { describe, expect, it } from 'vitest';
import {
  appendTrail,
  clickPathTo,
  draftExplanation,
  inheritTrail,
  isHomeUrl,
  parseTrail,
  type TrailEvent,
} from '../../../lib/capture/clickpath';

// Trails as the extension records them: a click (link target, text, page it was on) and then the
// load of the page that opened (its URL after redirects, document.referrer).
const SITE = 'https://www.bangtuayang.go.th';
const HOME = `${SITE}/`;
const ITA = `${SITE}/ita/index.html`;
const O5 = `${SITE}/ita/o5.html`;
const O7 = `${SITE}/ita/o7.html`;
const NEWS = `${SITE}/news.php`;

let t = 0;
const at = () => `2021-01-01T00:${String(Math.floor(t / 60)).padStart(2, '0')}:${String(t++ % 60).padStart(2, '0')}Z`;
const click = (url: string, linkText: string, fromUrl: string): TrailEvent => ({
  url,
  linkText,
  fromUrl,
  via: 'click',
  at: at(),
});
const load = (url: string, referrer = ''): TrailEvent => ({
  url,
  linkText: '',
  fromUrl: referrer,
  via: 'load',
  at: at(),
});
const build = (...events: TrailEvent[]) => events.reduce<TrailEvent[]>((trail, e) => appendTrail(trail, e), []);

describe('click-paths through redirects and other non-click steps', () => {
  it('follows plain clicks, each followed by its page load', () => {
    const trail = build(
      load(HOME),
      click(ITA, 'ITA', HOME),
      load(ITA, HOME),
      click(O5, 'O5 ข้อมูลการติดต่อ', ITA),
      load(O5, ITA),
    );
    const r = clickPathTo(trail, O5, HOME);
    expect(r.reachedFromHome).toBe(true);
    expect(r.path).toEqual([
      { url: HOME, linkText: '' },
      { url: ITA, linkText: 'ITA' },
      { url: O5, linkText: 'O5 ข้อมูลการติดต่อ' },
    ]);
  });

  it('walks through a redirecting link (go.php?id=5 → o5.html) and labels the step with the link text', () => {
    const go = `${SITE}/ita/go.php?id=5`;
    const trail = build(
      load(HOME),
      click(ITA, 'ITA', HOME),
      load(ITA, HOME),
      click(go, 'O5 ข้อมูลการติดต่อ', ITA),
      load(O5, ITA),
    );
    const r = clickPathTo(trail, O5, HOME);
    expect(r.reachedFromHome).toBe(true);
    expect(r.path).toEqual([
      { url: HOME, linkText: '' },
      { url: ITA, linkText: 'ITA' },
      { url: O5, linkText: 'O5 ข้อมูลการติดต่อ' },
    ]);
  });

  it('walks through a trailing-slash redirect (/about → /about/)', () => {
    const trail = build(load(HOME), click(`${SITE}/about`, 'ข้อมูลหน่วยงาน', HOME), load(`${SITE}/about/`, HOME));
    const r = clickPathTo(trail, `${SITE}/about/`, HOME);
    expect(r.reachedFromHome).toBe(true);
    expect(draftExplanation(r.path, 'th')).toBe('หน้าแรก → ข้อมูลหน่วยงาน');
  });

  it('keeps the path of a link opened in a new tab (the opener trail is copied into the new tab)', () => {
    const opener = build(load(HOME), click(ITA, 'ITA', HOME), load(ITA, HOME), click(O7, 'O7 ข่าวประชาสัมพันธ์', ITA));
    const ownOnly = build(load(O7, ITA));
    expect(clickPathTo(ownOnly, O7, HOME).reachedFromHome).toBe(false);
    const inherited = inheritTrail(opener, []);
    const before = clickPathTo(inherited, O7, HOME); // the new page has not reported its load yet
    const after = clickPathTo(appendTrail(inherited, load(O7, ITA)), O7, HOME);
    for (const r of [before, after]) {
      expect(r.reachedFromHome).toBe(true);
      expect(r.path.map((s) => s.linkText)).toEqual(['', 'ITA', 'O7 ข่าวประชาสัมพันธ์']);
    }
  });

  it('keeps the newest events when an inherited trail is too long', () => {
    const long = Array.from({ length: 60 }, (_, i) => load(`${NEWS}?id=${i}`));
    const merged = inheritTrail(long, [load(O5, NEWS)], 50);
    expect(merged).toHaveLength(50);
    expect(merged[49]!.url).toBe(O5);
  });

  it('labels an image link with the text the overlay reported (its alt)', () => {
    const trail = build(load(HOME), click(ITA, 'ป้าย ITA', HOME), load(ITA, HOME));
    expect(draftExplanation(clickPathTo(trail, ITA, HOME).path, 'th')).toBe('หน้าแรก → ป้าย ITA');
  });

  it('walks a click made before the overlay started, labelling the step with the page path', () => {
    // The ITA link was clicked on the home page before its overlay was ready: only the loads exist.
    const trail = build(load(ITA, HOME), click(O5, 'O5', ITA), load(O5, ITA));
    const r = clickPathTo(trail, O5, HOME);
    expect(r.reachedFromHome).toBe(true);
    expect(r.path.map((s) => s.url)).toEqual([HOME, ITA, O5]);
    expect(draftExplanation(r.path, 'en')).toBe('Home → /ita/index.html → O5');
  });

  it('does not take an unrelated earlier click as the one that caused a load', () => {
    // On ITA the user clicked nothing we saw; the click before it was on the home page.
    const trail = build(load(HOME), click(ITA, 'ITA', HOME), load(O5, ITA));
    const r = clickPathTo(trail, O5, HOME);
    expect(r.reachedFromHome).toBe(true);
    expect(r.path.map((s) => s.linkText)).toEqual(['', 'ITA', '']);
  });

  it('ignores a link to a section of the same page when looking for the click behind a load', () => {
    const trail = build(load(HOME), click(ITA, 'ITA', HOME), click(`${ITA}#top`, 'ขึ้นบน', ITA), load(O5, ITA));
    expect(clickPathTo(trail, O5, HOME).path.at(-1)).toEqual({ url: O5, linkText: '' });
  });

  it('stops at a page reached from another site or typed in', () => {
    const fromSearch = build(load(O5, 'https://www.google.com/'));
    expect(clickPathTo(fromSearch, O5, HOME)).toEqual({ path: [{ url: O5, linkText: '' }], reachedFromHome: false });
    const typed = build(load(HOME), click(ITA, 'ITA', HOME), load(O5));
    expect(clickPathTo(typed, O5, HOME).reachedFromHome).toBe(false);
  });

  it('does not read a referrer cut to the origin by a cross-origin redirect as the home page', () => {
    // http://…/ita → https://…/o5: the browser sends only "http://www.bangtuayang.go.th/".
    const httpIta = 'http://www.bangtuayang.go.th/ita/index.html';
    const cut = build(load(O5, 'http://www.bangtuayang.go.th/'));
    expect(clickPathTo(cut, O5, HOME).reachedFromHome).toBe(false);
    // With the click recorded on the source page, the walk goes through that page instead.
    const seen = build(
      load(HOME),
      click(httpIta, 'ITA', HOME),
      click(`${SITE}/go.php?id=5`, 'O5', httpIta),
      load(O5, 'http://www.bangtuayang.go.th/'),
    );
    const r = clickPathTo(seen, O5, HOME);
    expect(r.reachedFromHome).toBe(true);
    expect(r.path.map((s) => s.url)).toEqual([HOME, httpIta, O5]);
  });
});

describe('click-paths across http/https and www', () => {
  it('walks a trail recorded on http and without www to an https www home page', () => {
    const h = 'http://bangtuayang.go.th/';
    const ita = 'http://bangtuayang.go.th/ita/index.html';
    const o5 = 'http://bangtuayang.go.th/ita/o5.html';
    const trail = build(load(h), click(ita, 'ITA', h), load(ita, h), click(o5, 'O5', ita), load(o5, ita));
    const r = clickPathTo(trail, o5, HOME);
    expect(r.reachedFromHome).toBe(true);
    expect(r.path.map((s) => s.linkText)).toEqual(['', 'ITA', 'O5']);
  });

  it('walks a redirect from the bare host to its www twin', () => {
    const bare = 'https://bangtuayang.go.th/ita/go.php?id=5';
    const trail = build(load(HOME), click(ITA, 'ITA', HOME), click(bare, 'O5', ITA), load(O5, ITA));
    expect(clickPathTo(trail, O5, 'https://bangtuayang.go.th/').reachedFromHome).toBe(true);
  });

  it('recognises the home page whatever the scheme and www', () => {
    expect(isHomeUrl('http://bangtuayang.go.th/', HOME)).toBe(true);
    expect(isHomeUrl('https://bangtuayang.go.th/index.php', 'http://www.bangtuayang.go.th')).toBe(true);
    expect(isHomeUrl('http://www.bangtuayang.go.th.evil.example/', HOME)).toBe(false);
    expect(isHomeUrl('https://evil.example/', HOME)).toBe(false);
  });

  it('recognises a home page with a query string', () => {
    const home = 'https://www.x.go.th/index.php?lang=th';
    expect(isHomeUrl('http://x.go.th/index.php?lang=th', home)).toBe(true);
    expect(isHomeUrl('https://www.x.go.th/?lang=th#main', home)).toBe(true);
    expect(isHomeUrl('https://www.x.go.th/', home)).toBe(false);
    expect(isHomeUrl('https://www.x.go.th/index.php?lang=en', home)).toBe(false);
    const trail = build(
      load('http://x.go.th/index.php?lang=th'),
      click('http://x.go.th/ita.php', 'ITA', 'http://x.go.th/index.php?lang=th'),
    );
    expect(clickPathTo(trail, 'http://x.go.th/ita.php', home).reachedFromHome).toBe(true);
  });

  it('treats /a and /a/ as one home page, but not /a/index.php', () => {
    expect(isHomeUrl('https://x.go.th/site', 'https://x.go.th/site/')).toBe(true);
    expect(isHomeUrl('https://x.go.th/site/index.php', 'https://x.go.th/site/')).toBe(false);
  });
});

describe('paths that already worked', () => {
  it('uses the first link visit after Back (the reloaded page keeps its referrer)', () => {
    const trail = build(
      load(HOME),
      click(ITA, 'ITA', HOME),
      load(ITA, HOME),
      click(NEWS, 'ข่าว', ITA),
      load(NEWS, ITA),
      load(ITA, HOME), // Back
      click(O5, 'O5', ITA),
      load(O5, ITA),
      load(O5, ITA), // reload
    );
    expect(trail.filter((e) => e.url === O5)).toHaveLength(1);
    const r = clickPathTo(trail, O5, HOME);
    expect(r.reachedFromHome).toBe(true);
    expect(r.path.map((s) => s.linkText)).toEqual(['', 'ITA', 'O5']);
  });

  it('keeps query strings apart and cuts revisits', () => {
    const a = `${SITE}/index.php?_mod=ZmlsZXM&type=MzI`;
    const b = `${SITE}/index.php?_mod=ZmlsZXM&type=MzM`;
    const trail = build(
      load(HOME),
      click(ITA, 'ITA', HOME),
      click(a, 'A', ITA),
      load(a, ITA),
      click(ITA, 'กลับ ITA', a),
      click(b, 'B', ITA),
    );
    const r = clickPathTo(trail, b, HOME);
    expect(r.path.map((s) => s.url)).toEqual([HOME, ITA, b]);
    expect(r.path[1]!.linkText).toBe('ITA');
    expect(isHomeUrl(a, HOME)).toBe(false);
  });
});

describe('parseTrail', () => {
  it('reads stored events, giving old ones (without via) a kind by their link text', () => {
    const stored = [
      { url: HOME, linkText: '', fromUrl: '', at: 'x' },
      { url: ITA, linkText: 'ITA', fromUrl: HOME, at: 'x' },
      { url: O5, linkText: '', fromUrl: ITA, via: 'click', at: 'x' },
      null,
      'junk',
      { url: 5 },
    ];
    expect(parseTrail(stored).map((e) => e.via)).toEqual(['load', 'click', 'click']);
    expect(parseTrail('nope')).toEqual([]);
  });
});
