// `npm run screenshots -- --out DIR`: every screen of the extension in Thai and English, so that
// anyone can review the UI without clicking through it. Serves the demo site, tags demo pages
// through the real overlay, then photographs the side panel (each tab, the filters, the item
// detail, the evidence dialog) at 400 px, the options page, and the exported report.html.
import path from 'node:path';
import { mkdir, writeFile } from 'node:fs/promises';
import { unzipSync } from 'fflate';
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { startStaticServer } from '../lib/devserver/static-server';
import { UI_STRINGS } from '../lib/i18n/ui';
import { WORKFLOW_STRINGS } from '../lib/i18n/ui-workflow';
import { ensureE2eBuild, launchWithExtension, repoRoot } from './lib/chromium';
import { configureAgency, setUiLanguage as chooseLanguage, tagDemoPages, type TourLang } from './lib/tour';
import { exportBundleFromPanel } from './lib/export-from-panel';

const PANEL = { width: 400, height: 900 };

function outDir(): string {
  const i = process.argv.indexOf('--out');
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) {
    console.error('usage: npm run screenshots -- --out DIR');
    process.exit(2);
  }
  return path.resolve(v);
}

async function shoot(page: Page, file: string, fullPage = true): Promise<void> {
  await page.waitForTimeout(300);
  await page.screenshot({ path: file, fullPage });
  console.log(`  ${path.basename(file)}`);
}

async function panelScreens(panel: Page, out: string, lang: TourLang): Promise<void> {
  const t = UI_STRINGS[lang];
  const w = WORKFLOW_STRINGS[lang];
  await panel.reload();
  const tabs = [
    ['checklist', t.tabChecklistShort],
    ['dashboard', t.tabDashboardShort],
    ['tasks', t.tabTasksShort],
    ['bundle', t.tabBundleShort],
    ['verify', t.tabVerifyShort],
  ] as const;
  for (const [id, name] of tabs) {
    await panel.getByRole('tab', { name, exact: true }).click();
    await shoot(panel, path.join(out, `${lang}-panel-${id}.png`), id !== 'checklist');
  }
  await panel.getByRole('tab', { name: t.tabChecklistShort, exact: true }).click();
  await shoot(panel, path.join(out, `${lang}-panel-checklist-full.png`));
  await panel
    .getByRole('search')
    .getByRole('button', { name: new RegExp(`^${w.filters}`) })
    .click();
  await shoot(panel, path.join(out, `${lang}-panel-filters.png`), false);
  await panel
    .getByRole('search')
    .getByRole('button', { name: new RegExp(`^${w.filters}`) })
    .click();
  await panel.getByRole('listitem', { name: /^O5 / }).getByRole('button').first().click();
  const dialog = panel.getByRole('dialog');
  await dialog.waitFor();
  await shoot(panel, path.join(out, `${lang}-item-detail.png`), false);
  await dialog.evaluate((d) => {
    d.scrollTop = d.scrollHeight;
  });
  await shoot(panel, path.join(out, `${lang}-item-detail-evidence.png`), false);
  await dialog.getByRole('button', { name: t.close, exact: true }).last().click();
  await panel
    .getByRole('listitem', { name: /^O5 / })
    .getByRole('button', { name: new RegExp(`^${t.openEvidence}`) })
    .first()
    .click();
  await panel.getByRole('dialog').waitFor();
  await shoot(panel, path.join(out, `${lang}-evidence-dialog.png`), false);
  await panel.getByRole('dialog').getByRole('button', { name: t.close, exact: true }).click();
}

async function main() {
  const out = outDir();
  await mkdir(out, { recursive: true });
  const extDir = ensureE2eBuild(process.env.ITA_DEMO_REBUILD !== '0');
  const site = await startStaticServer({ root: path.join(repoRoot(), 'demo-site') });
  const ext = await launchWithExtension({ extensionDir: extDir, headless: true, locale: 'th-TH' });
  try {
    const options = await configureAgency(ext, site.url, 'th');
    const tagged = await tagDemoPages(ext, site.url, 'th', (s) => console.log(s));
    console.log(`Tagged ${tagged} demo pages`);
    const panel = await ext.ctx.newPage();
    await panel.setViewportSize(PANEL);
    await panel.goto(ext.extUrl('sidepanel.html'));
    // Re-verify the evidence (no crawl) so that the results table has rows to show.
    await panel.getByRole('tab', { name: UI_STRINGS.th.tabVerifyShort, exact: true }).click();
    await panel.getByRole('checkbox').first().uncheck();
    await panel.getByRole('button', { name: /^ตรวจลิงก์ซ้ำ$/ }).click();
    await panel
      .getByRole('status')
      .filter({ hasText: /ตรวจเสร็จแล้ว|การตรวจล้มเหลว/ })
      .waitFor({ timeout: 120_000 });
    for (const lang of ['th', 'en'] as const) {
      console.log(`${lang}:`);
      await chooseLanguage(options, lang);
      await options.setViewportSize({ width: 800, height: 900 });
      await shoot(options, path.join(out, `${lang}-options.png`));
      await panelScreens(panel, out, lang);
    }
    await chooseLanguage(options, 'th');
    const zip = await exportBundleFromPanel(ext, out, 'th');
    const files = unzipSync(readFileSync(zip));
    const reportDir = path.join(out, 'report');
    for (const [name, data] of Object.entries(files)) {
      const file = path.join(reportDir, name);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, data);
    }
    const report = await ext.ctx.newPage();
    await report.goto(`file://${path.join(reportDir, 'report.html')}`);
    await report.setViewportSize({ width: 900, height: 1200 });
    await shoot(report, path.join(out, 'th-report.png'));
    await report.pdf({ path: path.join(out, 'th-report.pdf'), preferCSSPageSize: true, printBackground: true });
    console.log('  th-report.pdf');
  } finally {
    await ext.close();
    await site.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
