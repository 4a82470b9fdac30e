import { parseLocaleInt } from '../lib/i18n/thai-digits';
import type { UiKey } from '../lib/i18n/ui';
import type { Settings } from '../lib/storage/settings';
import { originPattern, sitePatterns } from '../lib/storage/settings';

export interface SetupInput {
  agencyName: string;
  homeUrl: string;
  fiscalYear: string;
  units: string;
  urlCap: string;
}

export type SetupResult =
  | {
      ok: true;
      value: Pick<Settings, 'agencyName' | 'homeUrl' | 'fiscalYear' | 'units' | 'urlCap'>;
      pattern: string;
      /** Every origin to request in one permissions.request: http and https, with and without "www.". */
      patterns: string[];
    }
  | { ok: false; errors: Partial<Record<keyof SetupInput, UiKey>> };

/** Validates the setup form; Thai digits are accepted in number fields. */
export function validateSetup(input: SetupInput): SetupResult {
  const errors: Partial<Record<keyof SetupInput, UiKey>> = {};
  const agencyName = input.agencyName.trim();
  if (!agencyName) errors.agencyName = 'errAgencyName';
  let homeUrl = input.homeUrl.trim();
  // A bare host name gets https://; the requested permissions also cover http (sitePatterns).
  if (homeUrl && !/^[a-z]+:\/\//i.test(homeUrl)) homeUrl = `https://${homeUrl}`;
  const pattern = originPattern(homeUrl);
  if (homeUrl && !plausibleHost(homeUrl)) errors.homeUrl = 'errHomeHost';
  else if (!pattern) errors.homeUrl = 'errHomeUrl';
  const fy = parseLocaleInt(input.fiscalYear);
  if (fy === null || fy < 2550 || fy > 2650) errors.fiscalYear = 'errFiscalYear';
  const cap = parseLocaleInt(input.urlCap);
  if (cap === null || cap < 1 || cap > 20) errors.urlCap = 'errUrlCap';
  if (Object.keys(errors).length || !pattern) return { ok: false, errors };
  const units = [
    ...new Set(
      input.units
        .split('\n')
        .map((u) => u.trim())
        .filter(Boolean),
    ),
  ];
  return {
    ok: true,
    value: { agencyName, homeUrl, fiscalYear: fy!, units, urlCap: cap! },
    pattern,
    patterns: sitePatterns(homeUrl),
  };
}

/**
 * A website's host as typed: no spaces, and a dot between non-empty labels ("tuayang" alone, or
 * "tuayang.", is a typo, not an agency site), or an IP address. Read from the text itself, because
 * `new URL` refuses spaces with the same error as a missing scheme and accepts "https://tuayang".
 */
function plausibleHost(url: string): boolean {
  const authority = /^https?:\/\/([^/?#]*)/i.exec(url)?.[1];
  if (authority === undefined) return true; // not http(s): errHomeUrl says so
  const host = authority.replace(/^.*@/, '').replace(/:\d*$/, '');
  if (/\s/.test(host)) return false;
  if (/^\[[0-9a-f:.]+\]$/i.test(host)) return true;
  const labels = host.split('.');
  return labels.length >= 2 && labels.every((l) => l.length > 0);
}
