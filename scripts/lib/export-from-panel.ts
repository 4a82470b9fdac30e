import path from 'node:path';
import { BUNDLE_UI_STRINGS } from '../../lib/i18n/ui-bundle';
import { UI_STRINGS } from '../../lib/i18n/ui';
import type { LaunchedExtension } from './chromium';

/** Presses "Export bundle" in the side panel and saves the download into `out`; returns its path. */
export async function exportBundleFromPanel(ext: LaunchedExtension, out: string, lang: 'th' | 'en'): Promise<string> {
  const panel = await ext.ctx.newPage();
  try {
    await panel.goto(ext.extUrl('sidepanel.html'));
    await panel.getByRole('tab', { name: UI_STRINGS[lang].tabBundleShort, exact: true }).click();
    const [download] = await Promise.all([
      panel.waitForEvent('download', { timeout: 120_000 }),
      panel.getByRole('button', { name: BUNDLE_UI_STRINGS[lang].exportBundle, exact: true }).click(),
    ]);
    const file = path.join(out, download.suggestedFilename());
    await download.saveAs(file);
    const failure = await download.failure();
    if (failure) throw new Error(`download failed: ${failure}`);
    return file;
  } finally {
    await panel.close();
  }
}
