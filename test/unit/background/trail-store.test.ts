import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { copyTrail, forgetTab, pathForTab, readTrail, recordTrail } from '../../../entrypoints/background/trail-store';

const HOME = 'https://town.go.th/';
const click = (url: string, linkText: string, fromUrl: string) => ({ url, linkText, fromUrl, via: 'click' as const });
const load = (url: string, fromUrl = '') => ({ url, linkText: '', fromUrl, via: 'load' as const });

describe('background trail store', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps a tab trail in session storage and builds the click-path from the home page', async () => {
    await recordTrail(1, load(HOME));
    await recordTrail(1, click('https://town.go.th/about', 'ข้อมูลหน่วยงาน', HOME));
    await recordTrail(1, load('https://town.go.th/about', HOME));
    await recordTrail(1, click('https://town.go.th/about/chart', 'โครงสร้าง', 'https://town.go.th/about'));
    await recordTrail(1, load('https://town.go.th/about/chart', 'https://town.go.th/about'));
    const stored = await fakeBrowser.storage.session.get('trail:1');
    expect(Array.isArray(stored['trail:1'])).toBe(true);
    const { path, reachedFromHome } = await pathForTab(1, 'https://town.go.th/about/chart', HOME);
    expect(reachedFromHome).toBe(true);
    expect(path.map((s) => [s.url, s.linkText])).toEqual([
      [HOME, ''],
      ['https://town.go.th/about', 'ข้อมูลหน่วยงาน'],
      ['https://town.go.th/about/chart', 'โครงสร้าง'],
    ]);
  });

  it('serialises events of one tab that arrive together, so none is lost', async () => {
    await Promise.all([
      recordTrail(2, load(HOME)),
      recordTrail(2, click('https://town.go.th/a', 'A', HOME)),
      recordTrail(2, click('https://town.go.th/b', 'B', HOME)),
    ]);
    expect((await readTrail(2)).map((e) => e.url)).toEqual([HOME, 'https://town.go.th/a', 'https://town.go.th/b']);
  });

  it('gives a tab opened from another its opener trail, and forgets a closed tab', async () => {
    await recordTrail(3, load(HOME));
    await recordTrail(3, click('https://town.go.th/news', 'ข่าว', HOME));
    await copyTrail(3, 4);
    await recordTrail(4, load('https://town.go.th/news', HOME));
    expect((await pathForTab(4, 'https://town.go.th/news', HOME)).reachedFromHome).toBe(true);
    await forgetTab(3);
    expect(await readTrail(3)).toEqual([]);
    expect((await fakeBrowser.storage.session.get('trail:3'))['trail:3']).toBeUndefined();
  });

  it('says "opened directly" for a page with no trail', async () => {
    expect((await pathForTab(9, 'https://town.go.th/x', HOME)).reachedFromHome).toBe(false);
  });
});
