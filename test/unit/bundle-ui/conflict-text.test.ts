import { describe, expect, it } from 'vitest';
import {
  conflictSubject,
  fieldLabel,
  formatBytes,
  formatValue,
  summaryLines,
} from '../../../components/bundle/conflict-text';
import { BUNDLE_UI_STRINGS } from '../../../lib/i18n/ui-bundle';

describe('bundle UI strings', () => {
  it('have the same keys in Thai and English, and the names the tests rely on', () => {
    expect(Object.keys(BUNDLE_UI_STRINGS.th).sort()).toEqual(Object.keys(BUNDLE_UI_STRINGS.en).sort());
    expect(BUNDLE_UI_STRINGS.en.exportBundle).toBe('Export bundle');
    expect(BUNDLE_UI_STRINGS.en.importBundle).toBe('Import bundle');
    for (const v of Object.values(BUNDLE_UI_STRINGS.th)) expect(v).not.toBe('');
  });
});

describe('formatValue', () => {
  it('shows empty values, B.E. due dates, lists and status overrides', () => {
    expect(formatValue(null, 'unit', 'en')).toBe('(empty)');
    expect(formatValue([], 'submitUrls', 'th')).toBe('(ว่าง)');
    expect(formatValue('2021-04-30', 'dueDate', 'th')).toBe('30 เมษายน 2564');
    expect(formatValue(['https://a/', 'https://b/'], 'submitUrls', 'en')).toBe('https://a/, https://b/');
    expect(formatValue({ status: 'complete', reason: 'ครบ' }, 'statusOverride', 'en')).toBe('complete (ครบ)');
    expect(formatValue({ O5: ['address', 'phone'] }, 'elementTicks', 'en')).toBe('O5: address, phone');
  });
  it('summarises a whole evidence record by url, time and artifact hashes', () => {
    const rec = {
      url: 'https://x.go.th/a',
      capturedAt: '2021-03-01T03:00:00.000Z',
      artifacts: [{ sha256: 'ab'.repeat(32) }],
    };
    expect(formatValue(rec, 'record', 'en')).toBe('https://x.go.th/a · 1 March B.E. 2564, 10:00 · 1 × [abababababab]');
  });
});

describe('labels and summary', () => {
  it('names fields and subjects in the UI language', () => {
    expect(fieldLabel('assignee', 'th')).toBe('ผู้รับผิดชอบ');
    expect(fieldLabel('mystery', 'en')).toBe('mystery');
    expect(conflictSubject({ kind: 'evidence', key: 'evidence:ev1', field: 'note', mine: '', theirs: '' }, 'en')).toBe(
      'Evidence ev1',
    );
    expect(conflictSubject({ kind: 'item', key: 'O5', field: 'unit', mine: '', theirs: '' }, 'en')).toBe('O5');
  });
  it('lists new, skipped and updated counts', () => {
    const r = {
      addedEvidence: 2,
      updatedEvidence: 0,
      skippedEvidence: 1,
      addedItems: 3,
      updatedItems: 0,
      addedBlobs: 4,
      addedCriteriaSet: false,
    };
    expect(summaryLines(r, 'en')).toEqual([
      '2 new evidence record(s)',
      '1 duplicate(s) skipped',
      '3 item(s) added',
      '0 item(s) updated',
    ]);
  });
  it('formats byte counts', () => {
    expect(formatBytes(512)).toBe('512 B');
    expect(formatBytes(2048)).toBe('2.0 KB');
    expect(formatBytes(3 * 1024 * 1024)).toBe('3.0 MB');
  });
});

describe('conflictSubject with titles', () => {
  it('names evidence by its title and short id when known', () => {
    const c = { kind: 'evidence' as const, key: 'evidence:3518381d-5715-42bf', field: 'note', mine: '', theirs: '' };
    expect(conflictSubject(c, 'th', () => 'ข้อมูลการติดต่อ')).toBe('หลักฐาน ข้อมูลการติดต่อ (3518381d)');
    expect(conflictSubject(c, 'en', () => undefined)).toBe('Evidence 3518381d-5715-42bf');
  });
});
