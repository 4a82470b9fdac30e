// `npm start`: builds the extension, serves the demo municipal site on localhost, and opens Chromium
// with the extension loaded and configured for it. Without a display, runs the headless tour instead.
import path from 'node:path';
import { startStaticServer } from '../lib/devserver/static-server';
import { ensureE2eBuild, launchWithExtension, repoRoot } from './lib/chromium';
import { configureAgency } from './lib/tour';

async function main() {
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
    console.log('ไม่พบหน้าจอ (DISPLAY) จึงรันทัวร์แบบไม่มีหน้าจอแทน: npm run demo -- --out .demo-out');
    console.log('No display found (DISPLAY is not set), so running the headless tour instead: npm run demo -- --out .demo-out');
    process.argv.push('--out', path.join(repoRoot(), '.demo-out'));
    await import('./demo');
    return;
  }
  const extDir = ensureE2eBuild(true);
  const site = await startStaticServer({ root: path.join(repoRoot(), 'demo-site'), port: Number(process.env.PORT ?? 0) });
  console.log(`เว็บไซต์ตัวอย่าง / demo site: ${site.url}`);
  const ext = await launchWithExtension({ extensionDir: extDir, headless: false, locale: 'th-TH', viewport: null });
  await configureAgency(ext, site.url, 'th');
  const page = await ext.ctx.newPage();
  await page.goto(site.url);
  console.log('Chromium เปิดอยู่พร้อมส่วนขยาย ปิดหน้าต่างเพื่อจบ / Chromium is open with the extension; close it to finish.');
  await new Promise<void>((resolve) => ext.ctx.on('close', () => resolve()));
  await site.close();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
