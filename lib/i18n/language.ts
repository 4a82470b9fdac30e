export type Lang = 'th' | 'en';

/** The UI follows the browser when it is Thai or English; Thai otherwise. A setting overrides it. */
export function resolveLanguage(setting: 'auto' | Lang, browserLanguage: string | undefined): Lang {
  if (setting === 'th' || setting === 'en') return setting;
  const l = (browserLanguage ?? '').toLowerCase();
  if (l.startsWith('en')) return 'en';
  return 'th';
}
