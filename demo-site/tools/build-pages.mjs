// Regenerates the demo site's HTML pages from the modules beside this file.
// Run: node demo-site/tools/build-pages.mjs   (the generated files are committed)
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderPage } from './layout.mjs';
import { basicPages } from './pages-basic.mjs';
import { operationPages } from './pages-operations.mjs';
import { procurementPages } from './pages-procurement.mjs';
import { integrityPages } from './pages-integrity.mjs';

const site = join(dirname(fileURLToPath(import.meta.url)), '..');
const pages = [...basicPages, ...operationPages, ...procurementPages, ...integrityPages];
for (const page of pages) {
  const file = join(site, page.path);
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, renderPage(page));
}
console.log(`wrote ${pages.length} pages`);
