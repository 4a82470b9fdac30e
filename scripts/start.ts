// `npm start`: builds the extension, serves the demo municipal site on localhost, and opens Chromium
// with the extension loaded and configured for it. Without a usable display, runs the headless tour.
import path from 'node:path';
import { existsSync } from 'node:fs';
import { startStaticServer } from '../lib/devserver/static-server';
import { CHROMIUM, ensureE2eBuild, launchWithExtension, repoRoot } from './lib/chromium';
import { configureAgency } from './lib/tour';

async function headlessTour(reasonTh: string, reasonEn: string): Promise<void> {
  console.log(`${reasonTh} จึงรันทัวร์แบบไม่มีหน้าจอแทน: npm run demo -- --out .demo-out`);
  console.log(`${reasonEn}, so running the headless tour instead: npm run demo -- --out .demo-out`);
  process.argv.push('--out', path.join(repoRoot(), '.demo-out'));
  await import('./demo');
}

async function main() {
  if (!existsSync(CHROMIUM)) {
    console.error(`ไม่พบ Chromium ที่ ${CHROMIUM} — ติดตั้งด้วย: sudo apt-get install chromium fonts-thai-tlwg`);
    console.error(
      `Chromium not found at ${CHROMIUM} — install it with: sudo apt-get install chromium fonts-thai-tlwg (or set CHROMIUM_PATH)`,
    );
    process.exit(1);
  }
  if (!process.env.DISPLAY && !process.env.WAYLAND_DISPLAY && process.platform === 'linux') {
    return headlessTour('ไม่พบหน้าจอ (DISPLAY)', 'No display found (DISPLAY is not set)');
  }
  const extDir = ensureE2eBuild(true);
  const site = await startStaticServer({
    root: path.join(repoRoot(), 'demo-site'),
    port: Number(process.env.PORT ?? 0),
  });
  console.log(`เว็บไซต์ตัวอย่าง / demo site: ${site.url}`);
  let ext;
  try {
    ext = await launchWithExtension({ extensionDir: extDir, headless: false, locale: 'th-TH', viewport: null });
  } catch (e) {
    await site.close();
    console.error(String(e).split('\n')[0]);
    return headlessTour('เปิดหน้าต่าง Chromium ไม่ได้', 'Chromium could not open a window');
  }
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
