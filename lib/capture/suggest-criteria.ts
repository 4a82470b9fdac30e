/**
 * Which criterion a page most likely is evidence for, from what the page says about itself:
 * the link text clicked to reach it, its headings, title and breadcrumb, its URL, and how many of
 * an item's required elements the page text shows. Names are matched in both languages whatever
 * the UI language. A weak or tied best match suggests nothing: a wrong pre-chosen item costs the
 * reviewer more than an empty one.
 */
import type { CriteriaSet, Criterion } from '../criteria/types';
import { normalizeSearchText } from '../criteria/search';

export interface PageSignals {
  title: string;
  headings: string[];
  breadcrumb: string;
  /** The text of the link clicked to reach the page ('' when opened directly). */
  linkText: string;
  url: string;
  /** Share (0..1) of each item's required elements that the page text shows, by code. */
  elementShare?: Record<string, number>;
}

export interface Suggestion {
  code: string;
  score: number;
}

// Words that appear in many item names and say nothing about which item a page is.
const STOP = new Set([
  'ข้อมูล',
  'การ',
  'ของ',
  'และ',
  'หรือ',
  'ที่',
  'ใน',
  'เกี่ยว',
  'กับ',
  'ประจำ',
  'ปี',
  'หน่วยงาน',
  'ต่าง',
  'ๆ',
  'เรื่อง',
  'ด้าน',
  'ผล',
  'the',
  'and',
  'of',
  'for',
  'on',
  'to',
  'a',
  'an',
  'in',
  'or',
  'year',
  'annual',
  'information',
  'report',
  'plan',
]);

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl ? new Intl.Segmenter('th', { granularity: 'word' }) : null;

function words(s: string): string[] {
  const text = normalizeSearchText(s);
  const raw = segmenter ? [...segmenter.segment(text)].map((x) => x.segment) : text.split(/\s+/);
  return raw
    .map((w) => w.trim())
    .filter((w) => w.length >= 2 && !STOP.has(w) && !/^\d+$/.test(w) && /[\p{L}]/u.test(w));
}

/** The distinctive words of an item's Thai name and of its English name. */
function keywords(c: Criterion): string[][] {
  return [words(c.nameTh), words(c.nameEn)].filter((k) => k.length > 0);
}

/** How well the text fits the item's name in either language: the share of keyword characters found. */
function similarity(text: string, names: string[][]): number {
  return Math.max(0, ...names.map((keys) => share(text, keys)));
}

/** Share of the keyword characters found in the text (longer words weigh more). */
function share(text: string, keys: string[]): number {
  if (!keys.length || !text) return 0;
  const hay = normalizeSearchText(text);
  const hayWords = new Set(words(text));
  let found = 0;
  let total = 0;
  for (const k of keys) {
    total += k.length;
    // Latin words must match as whole words ("plan" is not in "planet"); Thai has no spaces.
    if (/^[a-z0-9&-]+$/.test(k) ? hayWords.has(k) : hay.includes(k)) found += k.length;
  }
  return found / total;
}

/** The item code written in the URL's file or folder name ("ita/o5.html", "/O-12/"). */
function codeInUrl(url: string, codes: Set<string>): string | null {
  let path = url;
  try {
    path = new URL(url).pathname;
  } catch {
    /* keep the raw text */
  }
  const m = /(?:^|[/_.-])(o)-?(\d{1,2})(?=$|[/_.-])/i.exec(path);
  const code = m ? `O${Number(m[2])}` : null;
  return code && codes.has(code) ? code : null;
}

function urlWords(url: string): string {
  try {
    const u = new URL(url);
    return decodeURIComponent(u.pathname)
      .replace(/[/_.\-+]+/g, ' ')
      .replace(/\b(html?|php|aspx?|index)\b/gi, ' ');
  } catch {
    return '';
  }
}

const WEIGHT = {
  linkText: 3,
  heading: 3,
  title: 2,
  breadcrumb: 2,
  url: 2,
  otherHeadings: 1,
  codeInUrl: 4,
  elements: 1,
};
/** Below this, or when the runner-up is as good, nothing is pre-chosen. */
const SUGGEST_THRESHOLD = 1.5;

export function rankCriteria(set: CriteriaSet, page: PageSignals): Suggestion[] {
  const codes = new Set(set.items.map((c) => c.code));
  const inUrl = codeInUrl(page.url, codes);
  const crumbs = page.breadcrumb
    .split(/[>»›/|]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const lastCrumb = crumbs.at(-1) ?? '';
  const [h1 = '', ...rest] = page.headings;
  const path = urlWords(page.url);
  return set.items
    .map((c) => {
      const keys = keywords(c);
      const score =
        WEIGHT.linkText * similarity(page.linkText, keys) +
        WEIGHT.heading * similarity(h1, keys) +
        WEIGHT.title * similarity(page.title, keys) +
        WEIGHT.breadcrumb * similarity(lastCrumb, keys) +
        WEIGHT.url * similarity(path, keys) +
        WEIGHT.otherHeadings * similarity(rest.slice(0, 5).join(' '), keys) +
        (inUrl === c.code ? WEIGHT.codeInUrl : 0) +
        WEIGHT.elements * (page.elementShare?.[c.code] ?? 0);
      return { code: c.code, score: Math.round(score * 100) / 100 };
    })
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score);
}

/** The one item to pre-choose, or null when no item stands out. */
export function suggestCriterion(set: CriteriaSet, page: PageSignals): string | null {
  const [best, second] = rankCriteria(set, page);
  if (!best || best.score < SUGGEST_THRESHOLD) return null;
  if (second && second.score >= best.score * 0.85) return null;
  return best.code;
}
