// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest';
import { clickReport, linkLabel, trackLinkClicks, type ClickReport } from '../../../entrypoints/trail.content/trail';

const PAGE = 'https://www.bangtuayang.go.th/ita/index.html';

function link(html: string): HTMLAnchorElement {
  document.body.innerHTML = html;
  return document.querySelector('a')!;
}
const trusted = (target: EventTarget | null) => ({ isTrusted: true, target });

describe('overlay link-click reports', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('reports a trusted click on a text link as a click, with the link target and text', () => {
    const a = link('<a href="https://www.bangtuayang.go.th/ita/o5.html"><span>O5</span>  ข้อมูล\nการติดต่อ</a>');
    expect(clickReport(trusted(a.querySelector('span')), PAGE)).toEqual<ClickReport>({
      url: 'https://www.bangtuayang.go.th/ita/o5.html',
      linkText: 'O5 ข้อมูล การติดต่อ',
      fromUrl: PAGE,
      via: 'click',
    });
  });

  it('labels an image link with the image alt, then aria-label, then title', () => {
    expect(linkLabel(link('<a href="https://x.go.th/ita"><img src="b.png" alt="ป้าย ITA"></a>'))).toBe('ป้าย ITA');
    expect(linkLabel(link('<a href="https://x.go.th/ita" aria-label="ไปหน้า ITA"><img src="b.png"></a>'))).toBe(
      'ไปหน้า ITA',
    );
    expect(linkLabel(link('<a href="https://x.go.th/ita" title="ITA"><img src="b.png" alt=""></a>'))).toBe('ITA');
    expect(linkLabel(link('<a href="https://x.go.th/ita"><img src="b.png"></a>'))).toBe('');
  });

  it('ignores script-made (untrusted) clicks, so a page cannot forge a path', () => {
    const a = link('<a href="https://www.bangtuayang.go.th/ita/o5.html">O5</a>');
    expect(clickReport({ isTrusted: false, target: a }, PAGE)).toBeNull();
    const seen: ClickReport[] = [];
    trackLinkClicks(document, (r) => seen.push(r));
    a.addEventListener('click', (e) => e.preventDefault());
    a.click(); // jsdom events, like a page script's, are untrusted
    a.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true }));
    expect(seen).toEqual([]);
  });

  it('ignores clicks outside links and on non-http links', () => {
    document.body.innerHTML = '<p>text</p><a href="mailto:a@b.c">mail</a><a href="javascript:void 0">js</a>';
    expect(clickReport(trusted(document.querySelector('p')), PAGE)).toBeNull();
    for (const a of document.querySelectorAll('a')) expect(clickReport(trusted(a), PAGE)).toBeNull();
    expect(clickReport(trusted(null), PAGE)).toBeNull();
  });
});
