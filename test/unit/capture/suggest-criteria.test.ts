import { describe, expect, it } from 'vitest';
import set from '../../../lib/criteria/sets/nacc-ita-oit-2564.json';
import type { CriteriaSet } from '../../../lib/criteria/types';
import { rankCriteria, suggestCriterion, type PageSignals } from '../../../lib/capture/suggest-criteria';

const oit = set as unknown as CriteriaSet;
const page = (p: Partial<PageSignals>): PageSignals => ({
  title: '',
  headings: [],
  breadcrumb: '',
  linkText: '',
  url: 'https://www.example.go.th/',
  ...p,
});

describe('suggestCriterion', () => {
  it('a Thai contact page suggests O5 from its title and heading', () => {
    expect(
      suggestCriterion(
        oit,
        page({
          title: 'ติดต่อเรา - เทศบาลตำบลทดสอบ',
          headings: ['ติดต่อเรา'],
          url: 'https://www.example.go.th/contact.php',
        }),
      ),
    ).toBe('O5');
  });

  it('an English contact page suggests O5 from its URL and heading', () => {
    expect(
      suggestCriterion(
        oit,
        page({ title: 'Town municipality', headings: ['Contact us'], url: 'https://www.example.go.th/contact-us/' }),
      ),
    ).toBe('O5');
  });

  it('the link text clicked to reach the page counts most', () => {
    expect(
      suggestCriterion(
        oit,
        page({
          title: 'เทศบาลตำบลทดสอบ',
          linkText: 'ข่าวประชาสัมพันธ์',
          url: 'https://www.example.go.th/index.php?_mod=ZmlsZXM',
        }),
      ),
    ).toBe('O7');
  });

  it('an item code in the file name is a strong hint', () => {
    expect(
      suggestCriterion(oit, page({ title: 'เทศบาลตำบลทดสอบ', url: 'https://www.example.go.th/ita/o22.html' })),
    ).toBe('O22');
    // ...but not inside another word or number.
    expect(
      rankCriteria(oit, page({ url: 'https://www.example.go.th/photo22.html' })).find((s) => s.code === 'O22'),
    ).toBeUndefined();
  });

  it("the breadcrumb's last step counts", () => {
    expect(
      suggestCriterion(
        oit,
        page({ breadcrumb: 'หน้าแรก > ข้อมูลพื้นฐาน > ผู้บริหาร', url: 'https://www.example.go.th/page.php?id=4' }),
      ),
    ).toBe('O2');
  });

  it('suggests nothing for a page that says nothing specific', () => {
    expect(suggestCriterion(oit, page({ title: 'หน้าแรก - เทศบาลตำบลทดสอบ', headings: ['ยินดีต้อนรับ'] }))).toBeNull();
    expect(suggestCriterion(oit, page({}))).toBeNull();
  });

  it('words common to many item names ("ข้อมูล", "report") do not decide', () => {
    expect(suggestCriterion(oit, page({ title: 'ข้อมูล', headings: ['report'] }))).toBeNull();
  });

  it('element hints break a tie between items the words fit equally', () => {
    const signals = page({ headings: ['แผน'], elementShare: {} });
    const before = rankCriteria(oit, signals);
    const after = rankCriteria(oit, { ...signals, elementShare: { O10: 1 } });
    expect(after[0]!.code).toBe('O10');
    expect(after[0]!.score).toBeGreaterThan(before.find((s) => s.code === 'O10')?.score ?? 0);
  });
});
