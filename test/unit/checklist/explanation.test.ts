import { describe, expect, it } from 'vitest';
import { isDraftExplanation, itemExplanation } from '../../../lib/checklist/explanation';
import { evidence, item, path } from './fixtures';

const withPath = (steps: ReturnType<typeof path>, capturedAt: string, reachedFromHome = true) =>
  evidence(['O5'], {}, { clickPath: steps, capturedAt, reachedFromHome });

describe('itemExplanation', () => {
  it('returns the item’s own explanation when set', () => {
    const ev = [withPath(path('', 'ITA'), '2021-03-01T00:00:00Z')];
    expect(itemExplanation(item('O5', { explanation: 'ดูที่เมนูติดต่อเรา' }), ev, 'th')).toBe('ดูที่เมนูติดต่อเรา');
    expect(isDraftExplanation(item('O5', { explanation: '' }))).toBe(false);
    expect(isDraftExplanation(item('O5'))).toBe(true);
    expect(isDraftExplanation(null)).toBe(true);
  });

  it('drafts numbered click-path lines, first step named หน้าแรก, in capture order', () => {
    const ev = [
      withPath(path('', 'ข้อมูลหน่วยงาน', 'โครงสร้างองค์กร'), '2021-03-02T00:00:00Z'),
      withPath(path('', 'ITA', 'O5 ข้อมูลการติดต่อ'), '2021-03-01T00:00:00Z'),
    ];
    expect(itemExplanation(null, ev, 'th')).toBe(
      '1. หน้าแรก → ITA → O5 ข้อมูลการติดต่อ\n2. หน้าแรก → ข้อมูลหน่วยงาน → โครงสร้างองค์กร',
    );
    expect(itemExplanation(item('O5'), ev, 'en').split('\n')[0]).toBe('1. Home → ITA → O5 ข้อมูลการติดต่อ');
  });

  it('drops duplicate paths and evidence without a path', () => {
    const ev = [
      withPath(path('', 'ITA'), '2021-03-01T00:00:00Z'),
      withPath([], '2021-03-02T00:00:00Z'),
      withPath(path('', 'ITA'), '2021-03-03T00:00:00Z'),
    ];
    expect(itemExplanation(null, ev, 'th')).toBe('1. หน้าแรก → ITA');
  });

  it('does not call the first page หน้าแรก when the path did not start at the home page', () => {
    const steps = [
      { url: 'https://www.example.go.th/news.php', linkText: '' },
      { url: 'https://www.example.go.th/ita.php', linkText: 'ITA' },
    ];
    expect(itemExplanation(null, [withPath(steps, '2021-03-01T00:00:00Z', false)], 'th')).toBe('1. /news.php → ITA');
  });

  it('is empty when there is nothing to draft from', () => {
    expect(itemExplanation(null, [], 'th')).toBe('');
  });
});
