import { describe, expect, it } from 'vitest';
import { formatBytes, storageHealth } from '../../../lib/storage/storage-health';

const MB = 1024 * 1024;

describe('storageHealth', () => {
  it('computes the share used and the level', () => {
    expect(storageHealth({ usage: 50 * MB, quota: 100 * MB }, true)).toEqual({
      usage: 50 * MB,
      quota: 100 * MB,
      percent: 50,
      level: 'ok',
      persisted: true,
    });
    expect(storageHealth({ usage: 79.9, quota: 100 }, false).level).toBe('ok');
    expect(storageHealth({ usage: 80, quota: 100 }, false).level).toBe('warn');
    expect(storageHealth({ usage: 94.9, quota: 100 }, false).level).toBe('warn');
    expect(storageHealth({ usage: 95, quota: 100 }, false)).toMatchObject({
      level: 'critical',
      percent: 95,
      persisted: false,
    });
    expect(storageHealth({ usage: 1, quota: 3 }, false).percent).toBe(33.3);
  });

  it('treats an unknown quota or usage as 0', () => {
    expect(storageHealth({}, false)).toEqual({ usage: 0, quota: 0, percent: 0, level: 'ok', persisted: false });
    expect(storageHealth({ usage: 10 }, true)).toMatchObject({ percent: 0, level: 'ok' });
    expect(storageHealth({ usage: Number.NaN, quota: -5 }, true)).toMatchObject({ usage: 0, quota: 0 });
  });
});

describe('formatBytes', () => {
  it('uses B, KB, MB and GB with one decimal', () => {
    expect(formatBytes(0, 'th')).toBe('0 B');
    expect(formatBytes(512, 'en')).toBe('512 B');
    expect(formatBytes(1536, 'th')).toBe('1.5 KB');
    expect(formatBytes(12.34 * MB, 'th')).toBe('12.3 MB');
    expect(formatBytes(12.34 * MB, 'en')).toBe('12.3 MB');
    expect(formatBytes(3 * 1024 * MB, 'en')).toBe('3.0 GB');
  });

  it('moves up a unit rather than show 1024.0', () => {
    expect(formatBytes(MB - 1, 'en')).toBe('1.0 MB');
  });

  it('shows nonsense input as 0 B', () => {
    expect(formatBytes(-1, 'en')).toBe('0 B');
    expect(formatBytes(Number.NaN, 'en')).toBe('0 B');
  });
});
