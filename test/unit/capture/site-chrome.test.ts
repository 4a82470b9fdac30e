// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { extractText } from '../../../lib/capture/page-text.dom';
import { SITE_CHROME_SELECTOR, contentTextOrUndefined } from '../../../lib/capture/site-chrome';
import { detectHints } from '../../../lib/capture/element-hints';
import { getBuiltInSet } from '../../../lib/criteria/registry';

/** A municipal page whose only "2564" is in the menu and the footer. */
const PAGE = `
  <div id="header"><h1>เทศบาลตำบลทดสอบ</h1></div>
  <ul class="menu"><li><a href="#">แผนพัฒนาท้องถิ่น ๒๕๖๑-๒๕๖๕</a></li><li><a href="#">ข่าวประชาสัมพันธ์ ๒๕๖๔</a></li></ul>
  <div id="content"><h2>ข่าวกิจกรรม</h2><p>โครงการปลูกต้นไม้ริมคลอง ประชาชนร่วมกิจกรรมกว่า 200 คน ณ สวนสาธารณะของเทศบาล</p>
    <article><header>ข่าวประจำสัปดาห์</header><p>ภาพกิจกรรม</p></article></div>
  <footer>สงวนลิขสิทธิ์ ๒๕๖๔ เทศบาลตำบลทดสอบ</footer>`;

function texts(html: string): { full: string; content: string | undefined } {
  document.body.innerHTML = html;
  const full = extractText(document.body);
  return {
    full,
    content: contentTextOrUndefined(full, extractText(document.body, { excludeSelector: SITE_CHROME_SELECTOR })),
  };
}

describe('site chrome', () => {
  it("leaves out menus, header and footer, but keeps an article's own header", () => {
    const { full, content } = texts(PAGE);
    expect(full).toContain('๒๕๖๔');
    expect(content).toBeDefined();
    expect(content).not.toContain('๒๕๖');
    expect(content).not.toContain('แผนพัฒนาท้องถิ่น');
    expect(content).toContain('โครงการปลูกต้นไม้');
    expect(content).toContain('ข่าวประจำสัปดาห์');
  });

  it('the O7 hint warns that 2564 is only in the menu or footer', () => {
    const { full, content } = texts(PAGE);
    const o7 = getBuiltInSet()!.items.find((i) => i.code === 'O7')!;
    expect(detectHints(full, o7, { fiscalYear: 2564, contentText: content }).warnings).toEqual([
      'year-only-in-site-chrome',
    ]);
  });

  it('falls back to the whole text when the chrome is nearly the whole page', () => {
    const { content } = texts(
      '<div class="menu"><p>ข่าวกิจกรรม ปี 2564 โครงการปลูกต้นไม้ริมคลอง ประชาชนร่วมกิจกรรม</p></div><p>x</p>',
    );
    expect(content).toBeUndefined();
  });
});
