import { describe, expect, it } from 'vitest';
import type { EvidenceRecord } from '../../../lib/evidence/types';
import {
  dateInputValue,
  formatPeriod,
  isSameAsDraft,
  matchEvidence,
  moveEntry,
  readDate,
  setFileName,
  toggleTick,
} from '../../../components/workflow/helpers';
import { translate } from '../../../lib/i18n/ui';
import { WORKFLOW_STRINGS, translateWorkflow } from '../../../lib/i18n/ui-workflow';

function ev(id: string, url: string, capturedAt: string, title = ''): EvidenceRecord {
  return {
    schemaVersion: 1,
    id,
    criteria: ['O5'],
    requestedUrl: url,
    url,
    title,
    httpStatus: 200,
    capturedAt,
    timeZone: 'Asia/Bangkok',
    userAgent: '',
    extensionVersion: '0.1.0',
    viewport: { width: 1, height: 1 },
    devicePixelRatio: 1,
    note: '',
    artifacts: [],
    clickPath: [],
    reachedFromHome: false,
    elementTicks: {},
    updatedAt: capturedAt,
  };
}

describe('moveEntry', () => {
  it('moves an entry up or down', () => {
    expect(moveEntry(['a', 'b', 'c'], 2, -1)).toEqual(['a', 'c', 'b']);
    expect(moveEntry(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
  });
  it('leaves the list unchanged at the edges', () => {
    expect(moveEntry(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveEntry(['a', 'b'], 1, 1)).toEqual(['a', 'b']);
  });
});

describe('dates', () => {
  it('shows a stored date as d/m/yyyy B.E.', () => {
    expect(dateInputValue('2021-03-31')).toBe('31/3/2564');
    expect(dateInputValue(null)).toBe('');
  });
  it('reads Thai digits, B.E. years and empty text', () => {
    expect(readDate('๓๑/๓/๒๕๖๔')).toEqual({ ok: true, iso: '2021-03-31' });
    expect(readDate(dateInputValue('2021-03-31'))).toEqual({ ok: true, iso: '2021-03-31' });
    expect(readDate('  ')).toEqual({ ok: true, iso: null });
    expect(readDate('31/2/2564')).toEqual({ ok: false });
  });
  it('formats a task period in the Buddhist Era', () => {
    expect(formatPeriod('2021-02-01', '2021-02-18', 'th')).toBe('1 ก.พ. 2564 – 18 ก.พ. 2564');
    expect(formatPeriod(null, '2021-02-18', 'en')).toBe('18 Feb B.E. 2564');
  });
});

describe('matchEvidence', () => {
  const list = [
    ev(
      '1',
      'https://x.example/%E0%B8%95%E0%B8%B4%E0%B8%94%E0%B8%95%E0%B9%88%E0%B8%AD',
      '2021-01-01T00:00:00Z',
      'Contact',
    ),
    ev('2', 'https://x.example/news', '2021-01-01T00:00:00Z', 'ข่าว'),
  ];
  it('finds by URL, decoded URL or title, ignoring case', () => {
    expect(matchEvidence(list, 'NEWS').map((r) => r.id)).toEqual(['2']);
    expect(matchEvidence(list, 'ติดต่อ').map((r) => r.id)).toEqual(['1']);
    expect(matchEvidence(list, 'contact').map((r) => r.id)).toEqual(['1']);
    expect(matchEvidence(list, ' ').length).toBe(2);
  });
});

describe('toggleTick', () => {
  it('adds and removes a key in criterion order without touching other codes', () => {
    const ticks = { O5: ['email'], O1: ['x'] };
    expect(toggleTick(ticks, 'O5', 'address', true, ['address', 'phone', 'email'])).toEqual({
      O5: ['address', 'email'],
      O1: ['x'],
    });
    expect(toggleTick(ticks, 'O5', 'email', false, ['address', 'email'])).toEqual({ O5: [], O1: ['x'] });
    expect(toggleTick({}, 'O7', 'news', true, ['news'])).toEqual({ O7: ['news'] });
  });
});

describe('setFileName', () => {
  it('makes a safe file name from a set id', () => {
    expect(setFileName('nacc-ita-oit/2564/all')).toBe('nacc-ita-oit-2564-all.json');
  });
});

describe('WORKFLOW_STRINGS', () => {
  it('has the same keys and placeholders in both languages', () => {
    expect(Object.keys(WORKFLOW_STRINGS.en).sort()).toEqual(Object.keys(WORKFLOW_STRINGS.th).sort());
    for (const key of Object.keys(WORKFLOW_STRINGS.th) as (keyof typeof WORKFLOW_STRINGS.th)[]) {
      const names = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort();
      expect(names(WORKFLOW_STRINGS.en[key]), key).toEqual(names(WORKFLOW_STRINGS.th[key]));
      expect(WORKFLOW_STRINGS.en[key].trim(), key).not.toBe('');
    }
  });
  it('fills parameters', () => {
    expect(translateWorkflow('en', 'shownCount', { shown: 2, total: 43 })).toBe('Showing 2 of 43 items');
    expect(translateWorkflow('th', 'shownCount', { shown: 2, total: 43 })).toBe('แสดง 2 จาก 43 ข้อ');
  });
});

describe('isSameAsDraft', () => {
  const drafts = ['1. หน้าแรก > ITA > O5\n2. หน้าแรก > ติดต่อเรา', '1. Home > ITA > O5\n2. Home > Contact'];
  it('treats the draft in either language, give or take spaces at line ends, as unedited', () => {
    expect(isSameAsDraft(drafts[0]!, drafts)).toBe(true);
    expect(isSameAsDraft('1. Home > ITA > O5  \r\n2. Home > Contact\n\n', drafts)).toBe(true);
    expect(isSameAsDraft('', [''])).toBe(true);
  });
  it('treats any other text as the reviewer’s own', () => {
    expect(isSameAsDraft('1. หน้าแรก > ITA > O5', drafts)).toBe(false);
    expect(isSameAsDraft('เข้าเมนู ITA แล้วเลือก O5', drafts)).toBe(false);
  });
});

describe('English plurals', () => {
  it('says "1 evidence record" and "3 evidence records"', () => {
    expect(translate('en', 'evidenceCountOne', { count: 1 })).toBe('1 evidence record');
    expect(translate('en', 'evidenceCount', { count: 3 })).toBe('3 evidence records');
    expect(translateWorkflow('en', 'deletedCountOne', { count: 1 })).toBe('1 evidence record deleted');
    expect(translateWorkflow('en', 'deletedCount', { count: 2 })).toBe('2 evidence records deleted');
    expect(translate('th', 'evidenceCountOne', { count: 1 })).toBe('หลักฐาน 1 รายการ');
  });
});
