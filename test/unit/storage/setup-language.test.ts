import { describe, expect, it } from 'vitest';
import { resolveLanguage } from '../../../lib/i18n/language';
import { validateSetup } from '../../../components/setup-validation';

describe('UI language', () => {
  it('follows the browser when it is Thai or English, Thai otherwise, and a setting overrides it', () => {
    expect(resolveLanguage('auto', 'th-TH')).toBe('th');
    expect(resolveLanguage('auto', 'en-GB')).toBe('en');
    expect(resolveLanguage('auto', 'fr-FR')).toBe('th');
    expect(resolveLanguage('auto', undefined)).toBe('th');
    expect(resolveLanguage('en', 'th-TH')).toBe('en');
    expect(resolveLanguage('th', 'en-US')).toBe('th');
  });
});

describe('setup form validation', () => {
  const base = {
    agencyName: 'เทศบาลเมืองตัวอย่าง',
    homeUrl: 'www.tuayang.go.th',
    fiscalYear: '๒๕๖๔',
    units: 'สำนักปลัด\n\nกองคลัง\nกองคลัง',
    urlCap: '๕',
  };
  it('accepts Thai digits and a bare host name', () => {
    const r = validateSetup(base);
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.value).toMatchObject({
        fiscalYear: 2564,
        urlCap: 5,
        homeUrl: 'https://www.tuayang.go.th',
        units: ['สำนักปลัด', 'กองคลัง'],
      });
      expect(r.pattern).toBe('https://www.tuayang.go.th/*');
      // A bare host gets https://, but the permissions asked for also cover http and the non-www twin.
      expect(r.patterns).toEqual(['*://www.tuayang.go.th/*', '*://tuayang.go.th/*']);
    }
  });
  it('refuses a website whose host has a space or no dot, and says so rather than blaming the scheme', () => {
    for (const homeUrl of [
      'tuayang',
      'https://tuayang',
      'https://tuayang./',
      'www.tuay ang.go.th',
      'https://a b.go.th',
      'localhost:3000',
    ])
      expect(validateSetup({ ...base, homeUrl }), homeUrl).toEqual({ ok: false, errors: { homeUrl: 'errHomeHost' } });
    for (const homeUrl of [
      'http://127.0.0.1:4173/',
      'https://[::1]/',
      'https://user@tuayang.go.th:8443/x',
      'เทศบาล.ไทย',
    ])
      expect(validateSetup({ ...base, homeUrl }).ok, homeUrl).toBe(true);
    expect(validateSetup({ ...base, homeUrl: 'ftp://tuayang.go.th' })).toEqual({
      ok: false,
      errors: { homeUrl: 'errHomeUrl' },
    });
  });
  it('names each invalid field', () => {
    const r = validateSetup({ agencyName: ' ', homeUrl: 'ftp://x', fiscalYear: '1999', units: '', urlCap: '0' });
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual({
        agencyName: 'errAgencyName',
        homeUrl: 'errHomeUrl',
        fiscalYear: 'errFiscalYear',
        urlCap: 'errUrlCap',
      });
  });
});
