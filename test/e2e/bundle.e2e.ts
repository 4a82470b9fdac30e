import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { unzipSync, zipSync } from 'fflate';
import { spawnSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord, ItemRecord } from '../../lib/evidence/types';
import { dbAll, launchExtension, ROOT, serveFixture, setupAgency, tagPage, type Harness } from './harness';
import { fromFiles, unixMode } from '../unit/bundle/raw-zip';

/** SHA-256 of every stored blob, by id, computed in the extension page. */
async function blobHashes(page: Page): Promise<Record<string, string>> {
  return page.evaluate(async () => {
    const open = indexedDB.open('ita-evidence');
    const db: IDBDatabase = await new Promise((res, rej) => {
      open.onsuccess = () => res(open.result);
      open.onerror = () => rej(open.error);
    });
    const rows = await new Promise<{ id: string; data: Uint8Array }[]>((res, rej) => {
      const r = db.transaction('blobs').objectStore('blobs').getAll();
      r.onsuccess = () => res(r.result as { id: string; data: Uint8Array }[]);
      r.onerror = () => rej(r.error);
    });
    db.close();
    const out: Record<string, string> = {};
    for (const row of rows) {
      const d = new Uint8Array(await crypto.subtle.digest('SHA-256', row.data as Uint8Array<ArrayBuffer>));
      out[row.id] = [...d].map((b) => b.toString(16).padStart(2, '0')).join('');
    }
    return out;
  });
}

/** Writes one row straight into the extension's IndexedDB (for setting up a merge conflict). */
async function dbPut(page: Page, store: string, row: unknown): Promise<void> {
  await page.evaluate(
    async ([name, value]) => {
      const open = indexedDB.open('ita-evidence');
      const db: IDBDatabase = await new Promise((res, rej) => {
        open.onsuccess = () => res(open.result);
        open.onerror = () => rej(open.error);
      });
      await new Promise<void>((res, rej) => {
        const tx = db.transaction(name as string, 'readwrite');
        tx.objectStore(name as string).put(value);
        tx.oncomplete = () => res();
        tx.onerror = () => rej(tx.error);
      });
      db.close();
    },
    [store, row] as const,
  );
}

function item(code: string, assignee: string): ItemRecord {
  return {
    code,
    unit: 'กองคลัง',
    dueDate: null,
    assignee,
    notes: '',
    statusOverride: null,
    submitUrls: null,
    explanation: null,
    updatedAt: new Date().toISOString(),
  };
}

async function openBundleTab(h: Harness): Promise<Page> {
  const panel = await h.ctx.newPage();
  await panel.goto(h.extUrl('sidepanel.html'));
  await panel.getByRole('tab', { name: 'Export', exact: true }).click();
  return panel;
}

async function chooseImport(panel: Page, file: string): Promise<void> {
  const [chooser] = await Promise.all([
    panel.waitForEvent('filechooser'),
    panel.getByRole('button', { name: 'Import bundle', exact: true }).click(),
  ]);
  await chooser.setFiles(file);
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);

describe('checklist bundle: export from the side panel, check, open the report, import elsewhere', () => {
  let h: Harness;
  let h2: Harness | undefined;
  let site: StaticServer;
  let ext: Page;
  let tmp: string;
  let zipFile = '';

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(tmpdir(), 'ita-bundle-e2e-'));
    site = await serveFixture();
    h = await launchExtension();
    ext = await setupAgency(h, site.url);
    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O5 ข้อมูลการติดต่อ' }).click();
    expect(await tagPage(page, ['O5'], { note: 'หน้าติดต่อ' })).toMatch(/Evidence saved/);
    await page.goBack();
    await page.getByRole('link', { name: 'O2 ข้อมูลผู้บริหาร' }).click();
    expect(await tagPage(page, ['O2', 'O1'])).toMatch(/Evidence saved/);
    await page.goBack();
    await page.getByRole('link', { name: 'O22 ประกาศจัดซื้อจัดจ้าง' }).click();
    expect(await tagPage(page, ['O22'])).toMatch(/Evidence saved/);
    await page.close();
    await dbPut(ext, 'items', item('O5', 'นายสมชาย'));
  });
  afterAll(async () => {
    await h2?.close();
    await h?.close();
    await site?.close();
    if (tmp) await rm(tmp, { recursive: true, force: true });
  });

  it('downloads a valid bundle from "Export bundle"', async () => {
    const panel = await openBundleTab(h);
    await expect.poll(() => panel.getByText(/Never exported|Last export/).textContent()).toMatch(/Never exported/);
    const [download] = await Promise.all([
      panel.waitForEvent('download', { timeout: 60_000 }),
      panel.getByRole('button', { name: 'Export bundle', exact: true }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^ita-evidence-2564-\d{8}T\d{6}Z\.zip$/);
    zipFile = path.join(tmp, download.suggestedFilename());
    await download.saveAs(zipFile);
    expect(await download.failure()).toBeNull();
    await panel
      .getByRole('status')
      .filter({ hasText: `Exported: ${download.suggestedFilename()}` })
      .waitFor();
    await expect.poll(() => panel.getByText(/Last export:/).textContent()).toMatch(/B\.E\. 25\d\d, \d\d:\d\d/);
    await panel.close();

    const cli = spawnSync('node', [path.join(ROOT, 'bin/ita-evidence.mjs'), 'check', zipFile, '--json'], {
      cwd: ROOT,
      encoding: 'utf8',
    });
    expect(cli.status).toBe(0);
    const report = JSON.parse(cli.stdout) as {
      valid: boolean;
      errors: unknown[];
      summary: { evidence: number; items: number };
    };
    expect(report.valid).toBe(true);
    expect(report.errors).toEqual([]);
    expect(report.summary).toMatchObject({ evidence: 3, items: 43 });
  });

  it('unzips to files that pass sha256sum -c, and a report in Thai with Sarabun and all 43 items', async () => {
    const dir = path.join(tmp, 'unzipped');
    for (const [name, data] of Object.entries(unzipSync(new Uint8Array(await readFile(zipFile))))) {
      await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
      await writeFile(path.join(dir, name), data);
    }
    const sums = spawnSync('sha256sum', ['-c', 'SHA256SUMS'], { cwd: dir, encoding: 'utf8' });
    expect(sums.status).toBe(0);
    expect(sums.stdout).toMatch(/report\.html: OK/);

    const page = await h.ctx.newPage();
    await page.goto(pathToFileURL(path.join(dir, 'report.html')).href);
    const facts = await page.evaluate(async () => {
      await document.fonts.ready;
      const loaded = await document.fonts.load('16px Sarabun', 'ก');
      return {
        codes: [...document.querySelectorAll('table.items tbody tr')].map(
          (tr) => tr.querySelector('td')?.textContent?.trim() ?? '',
        ),
        text: document.body.textContent ?? '',
        family: getComputedStyle(document.body).fontFamily,
        check: document.fonts.check('16px Sarabun', 'ก'),
        loadedSarabun: loaded.filter((f) => f.family.replace(/['"]/g, '') === 'Sarabun' && f.status === 'loaded')
          .length,
      };
    });
    expect(facts.codes).toEqual(Array.from({ length: 43 }, (_, i) => `O${i + 1}`));
    expect(facts.text).toContain('ข้อมูลการติดต่อ');
    expect(facts.text).toContain('หน้าติดต่อ');
    expect(facts.family.split(',')[0]!.replace(/['"]/g, '').trim()).toBe('Sarabun');
    expect(facts.check).toBe(true);
    expect(facts.loadedSarabun).toBeGreaterThan(0);
    const shot = path.join(tmp, 'report.png');
    await page.screenshot({ path: shot, fullPage: true });
    expect((await stat(shot)).size).toBeGreaterThan(10_000);
    await page.close();
  });

  it('imports into a fresh profile: a tampered zip is refused naming the file, the real one merges after a conflict choice', async () => {
    h2 = await launchExtension();
    const ext2 = await setupAgency(h2, site.url);
    await dbPut(ext2, 'items', item('O5', 'นางสาวสมศรี'));
    const before = {
      evidence: await dbAll(ext2, 'evidence'),
      items: await dbAll(ext2, 'items'),
      blobs: await blobHashes(ext2),
    };
    expect(before.evidence).toHaveLength(0);

    // Tamper: flip one byte of one evidence file and rezip.
    const files = unzipSync(new Uint8Array(await readFile(zipFile)));
    const victim = Object.keys(files).find((n) => n.startsWith('evidence/') && n.endsWith('.png'))!;
    expect(victim).toBeTruthy();
    const changed = files[victim]!.slice();
    const mid = changed.length >> 1;
    changed[mid] = changed[mid]! ^ 0x01;
    files[victim] = changed;
    const tampered = path.join(tmp, 'tampered.zip');
    await writeFile(tampered, zipSync(files));

    const panel = await openBundleTab(h2);
    await chooseImport(panel, tampered);
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    const alertText = (await alert.textContent()) ?? '';
    expect(alertText).toContain('tampered.zip');
    expect(alertText).toContain(`${victim}: SHA-256 mismatch`);
    expect(alertText).toMatch(/nothing was saved/);
    expect(await dbAll(ext2, 'evidence')).toEqual(before.evidence);
    expect(await dbAll(ext2, 'items')).toEqual(before.items);
    expect(await blobHashes(ext2)).toEqual(before.blobs);

    // The real bundle: O5's assignee differs on both sides, so the reviewer chooses.
    await chooseImport(panel, zipFile);
    const table = panel.getByRole('table', { name: 'Conflicting values' });
    await table.waitFor();
    const row = table.getByRole('row', { name: /O5/ });
    expect(await row.textContent()).toMatch(/Assignee.*นางสาวสมศรี.*นายสมชาย/);
    const apply = panel.getByRole('button', { name: 'Apply import' });
    expect(await apply.isDisabled()).toBe(true);
    await row.getByRole('radio', { name: 'Use theirs' }).check();
    await apply.click();
    const status = panel.getByRole('status').filter({ hasText: 'Imported' });
    await status.waitFor();
    expect(await status.textContent()).toMatch(
      /3 new evidence record\(s\).*0 duplicate\(s\) skipped.*1 item\(s\) updated/,
    );

    const mine = (await dbAll<EvidenceRecord>(ext, 'evidence')).sort(byId);
    const theirs = (await dbAll<EvidenceRecord>(ext2, 'evidence')).sort(byId);
    expect(theirs.map((r) => [r.id, r.url, r.artifacts.map((a) => a.sha256)])).toEqual(
      mine.map((r) => [r.id, r.url, r.artifacts.map((a) => a.sha256)]),
    );
    expect(theirs).toEqual(mine);
    const hashes2 = await blobHashes(ext2);
    expect(hashes2).toEqual(await blobHashes(ext));
    for (const r of theirs) for (const a of r.artifacts) expect(hashes2[a.id]).toBe(a.sha256);
    const o5 = (await dbAll<ItemRecord>(ext2, 'items')).find((i) => i.code === 'O5')!;
    expect(o5.assignee).toBe('นายสมชาย');

    // Importing the same bundle again adds nothing.
    await chooseImport(panel, zipFile);
    await expect
      .poll(() => panel.getByRole('status').filter({ hasText: 'Imported' }).textContent())
      .toMatch(/0 new evidence record\(s\).*3 duplicate\(s\) skipped/);
    expect(await dbAll(ext2, 'evidence')).toHaveLength(3);
    await panel.close();
  });

  it('in Thai: a hostile bundle (a symlink entry, a device name) is refused with a clear Thai message naming the entries, and nothing changes', async () => {
    const options = await h2!.ctx.newPage();
    await options.goto(h2!.extUrl('options.html'));
    await options.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'ไทย' });
    await options.getByRole('button', { name: 'Save settings' }).click();
    await options
      .getByRole('status')
      .filter({ hasText: /Settings saved|บันทึกการตั้งค่าแล้ว/ })
      .first()
      .waitFor();
    const before = {
      evidence: await dbAll(options, 'evidence'),
      items: await dbAll(options, 'items'),
      verify: await dbAll(options, 'verify'),
      blobs: await blobHashes(options),
    };
    expect(before.evidence).toHaveLength(3);

    const files = unzipSync(new Uint8Array(await readFile(zipFile)));
    const hostile = path.join(tmp, 'hostile.zip');
    await writeFile(
      hostile,
      fromFiles(
        {
          ...files,
          'evidence/O05/link.png': new TextEncoder().encode('/etc/passwd'),
          'evidence/NUL.png': new Uint8Array(1),
        },
        (es) => es.map((e) => (e.name === 'evidence/O05/link.png' ? { ...e, ...unixMode(0o120777) } : e)),
      ),
    );

    const panel = await h2!.ctx.newPage();
    await panel.goto(h2!.extUrl('sidepanel.html'));
    await panel.getByRole('tab', { name: 'ชุดหลักฐาน', exact: true }).click();
    const [chooser] = await Promise.all([
      panel.waitForEvent('filechooser'),
      panel.getByRole('button', { name: 'นำเข้าชุดหลักฐาน', exact: true }).click(),
    ]);
    await chooser.setFiles(hostile);
    const alert = panel.getByRole('alert');
    await alert.waitFor();
    const text = (await alert.textContent()) ?? '';
    expect(text).toContain('ไม่สามารถนำเข้า hostile.zip ได้ ไม่มีการบันทึกข้อมูลใด');
    expect(text).toContain('evidence/O05/link.png: ไม่ใช่ไฟล์หรือโฟลเดอร์ธรรมดา (symlink) จึงไม่รับ');
    expect(text).toContain('evidence/NUL.png: ชื่อไฟล์ไม่ปลอดภัย (เป็นชื่ออุปกรณ์ของ Windows');
    expect(text).not.toMatch(/[A-Za-z]{4,} [a-z]{4,} [a-z]{4,}/); // no English sentence
    expect(await dbAll(options, 'evidence')).toEqual(before.evidence);
    expect(await dbAll(options, 'items')).toEqual(before.items);
    expect(await dbAll(options, 'verify')).toEqual(before.verify);
    expect(await blobHashes(options)).toEqual(before.blobs);
    await panel.close();
    await options.close();
  });
});
