import { describe, expect, it } from 'vitest';
import { openDb } from '../../../lib/storage/db';
import {
  DEFAULT_SETTINGS,
  loadSettings,
  migrateSettings,
  originPattern,
  saveSettings,
  isConfigured,
  SETTINGS_VERSION,
  sitePatterns,
} from '../../../lib/storage/settings';

describe('settings', () => {
  it('walks every migration from version 1', () => {
    const v1 = {
      version: 1,
      agencyName: 'เทศบาลเมืองตัวอย่าง',
      homeUrl: 'https://www.tuayang.go.th/',
      fiscalYear: 2564,
      criteriaSetId: 'nacc-ita-oit/2564/all',
      units: ['สำนักปลัด', 'กองคลัง'],
    };
    const s = migrateSettings(v1);
    expect(s.version).toBe(SETTINGS_VERSION);
    expect(s).toMatchObject({
      agencyName: 'เทศบาลเมืองตัวอย่าง',
      units: ['สำนักปลัด', 'กองคลัง'],
      language: 'auto',
      lastCaptureMode: 'viewport',
      urlCap: 5,
    });
  });

  it('treats missing or unversioned data as version 1 and falls back field by field', () => {
    expect(migrateSettings(undefined)).toEqual(DEFAULT_SETTINGS);
    const s = migrateSettings({
      agencyName: 42,
      fiscalYear: 1999,
      units: ['  กองช่าง ', '', 7, 'กองช่าง'],
      language: 'fr',
      urlCap: 500,
    });
    expect(s.agencyName).toBe('');
    expect(s.fiscalYear).toBe(2564);
    expect(s.units).toEqual(['กองช่าง']);
    expect(s.language).toBe('auto');
    expect(s.urlCap).toBe(5);
  });

  it('refuses settings written by a newer version rather than guessing', () => {
    expect(() => migrateSettings({ version: SETTINGS_VERSION + 1 })).toThrow(/newer/);
  });

  it('saves and loads through the database', async () => {
    const db = openDb(`t-${crypto.randomUUID()}`);
    expect(isConfigured(await loadSettings(db))).toBe(false);
    await saveSettings(db, { agencyName: 'อบต.ทดสอบ', homeUrl: 'http://127.0.0.1:8080/' });
    const s = await loadSettings(db);
    expect(s.agencyName).toBe('อบต.ทดสอบ');
    expect(isConfigured(s)).toBe(true);
  });

  it('derives the origin match pattern of the main website (ports are not part of match patterns)', () => {
    expect(originPattern('https://www.tuayang.go.th/index.php?x=1')).toBe('https://www.tuayang.go.th/*');
    expect(originPattern('http://127.0.0.1:43123/')).toBe('http://127.0.0.1/*');
    expect(originPattern('ftp://x')).toBeNull();
    expect(originPattern('not a url')).toBeNull();
  });

  it('lists every pattern of the site to request: http and https, with and without www.', () => {
    expect(sitePatterns('https://www.tuayang.go.th/index.php?x=1')).toEqual([
      '*://www.tuayang.go.th/*',
      '*://tuayang.go.th/*',
    ]);
    expect(sitePatterns('http://tuayang.go.th')).toEqual(['*://tuayang.go.th/*', '*://www.tuayang.go.th/*']);
    // No www twin for an address or a single-label host.
    expect(sitePatterns('http://127.0.0.1:43123/')).toEqual(['*://127.0.0.1/*']);
    expect(sitePatterns('http://localhost:3000/')).toEqual(['*://localhost/*']);
    expect(sitePatterns('ftp://x')).toEqual([]);
    expect(sitePatterns('')).toEqual([]);
  });
});
