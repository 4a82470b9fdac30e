import { describe, expect, it } from 'vitest';
import { CAPTURE_MESSAGES, captureMessage } from '../../../lib/capture/messages';

describe('captureMessage', () => {
  it('fills parameters in both languages', () => {
    expect(captureMessage('hint-only-other-years', 'th', { years: '2562, 2563', year: 2564 })).toBe(
      'หน้านี้กล่าวถึงปี 2562, 2563 แต่ไม่พบปี 2564 ที่ต้องการ',
    );
    expect(captureMessage('restricted-page', 'en', { url: 'chrome://settings' })).toContain('chrome://settings');
  });

  it('leaves unknown placeholders visible', () => {
    expect(captureMessage('capture-failed', 'en')).toBe('Capture failed: {detail}');
  });

  it('has Thai and English text for every code, with the same placeholders', () => {
    for (const { th, en } of Object.values(CAPTURE_MESSAGES)) {
      expect(th).toMatch(/[\u0E00-\u0E7F]/);
      expect(en).not.toMatch(/[\u0E00-\u0E7F]/);
      const names = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(names(th)).toEqual(names(en));
    }
  });
});
