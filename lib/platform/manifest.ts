/**
 * Manifest parts that differ by browser, read by wxt.config.ts at build time (no browser APIs here).
 * The tagging form is a web-accessible page so that the overlay can frame it on any site. Chrome
 * can serve it only under a per-session random ID (`use_dynamic_url`), so sites cannot probe for
 * the extension with a fixed URL; Firefox does not support that key (its moz-extension UUID is
 * already random per profile).
 */
export function formFrameResources(
  browser: string,
): { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[] {
  return [
    {
      resources: ['overlay-form.html'],
      matches: ['<all_urls>'],
      ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
    },
  ];
}
