/**
 * lang="th" for Thai text shown in the English UI (agency and unit names, page titles), so that
 * screen readers switch voice; undefined when the UI is Thai (the page's lang already says so).
 */
const THAI = /[\u0E00-\u0E7F]/;

export function thaiLang(text: string | null | undefined, uiLang: 'th' | 'en'): 'th' | undefined {
  return uiLang === 'en' && text && THAI.test(text) ? 'th' : undefined;
}
