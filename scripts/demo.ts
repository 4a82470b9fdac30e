// `npm run demo -- --out DIR`: the headless tour. Serves the demo site, sets up the agency, tags
// demo pages through the real overlay, exports the checklist bundle from the side panel into DIR.
import path from 'node:path';
import { mkdir } from 'node:fs/promises';
import { startStaticServer } from '../lib/devserver/static-server';
import { ensureE2eBuild, launchWithExtension, repoRoot } from './lib/chromium';
import { DEMO_STEPS, configureAgency, tagDemoPages } from './lib/tour';
import { exportBundleFromPanel } from './lib/export-from-panel';

function outDir(): string {
  const i = process.argv.indexOf('--out');
  const v = i >= 0 ? process.argv[i + 1] : undefined;
  if (!v) {
    console.error('usage: npm run demo -- --out DIR');
    process.exit(2);
  }
  return path.resolve(v);
}

async function main() {
  const out = outDir();
  await mkdir(out, { recursive: true });
  const extDir = ensureE2eBuild(process.env.ITA_DEMO_REBUILD !== '0');
  const site = await startStaticServer({ root: path.join(repoRoot(), 'demo-site') });
  const ext = await launchWithExtension({ extensionDir: extDir, headless: true, locale: 'th-TH' });
  try {
    console.log(`Demo site: ${site.url}`);
    const options = await configureAgency(ext, site.url, 'th');
    await options.close();
    const tagged = await tagDemoPages(ext, site.url, 'th', (s) => console.log(s));
    console.log(`Tagged ${tagged} of ${DEMO_STEPS.length} demo pages`);
    const file = await exportBundleFromPanel(ext, out, 'th');
    console.log(`Bundle: ${file}`);
  } finally {
    await ext.close();
    await site.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
