import path from 'node:path';
import { UI_STRINGS } from '../../lib/i18n/ui';
import type { LaunchedExtension } from './chromium';

/** Presses "Export bundle" in the side panel and saves the download into `out`. */
export async function exportBundleFromPanel(ext: LaunchedExtension, out: string, lang: 'th' | 'en'): Promise<string> {
  const t = UI_STRINGS[lang] as Record<string, string>;
  const panel = await ext.ctx.newPage();
  await panel.goto(ext.extUrl('sidepanel.html'));
  await panel.getByRole('tab', { name: t.tabBundle }).click();
  const [download] = await Promise.all([
    panel.waitForEvent('download', { timeout: 120_000 }),
    panel.getByRole('button', { name: t.exportBundle ?? 'Export bundle' }).click(),
  ]);
  const file = path.join(out, download.suggestedFilename());
  await download.saveAs(file);
  await panel.close();
  return file;
}
