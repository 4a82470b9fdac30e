/* eslint-disable @typescript-eslint/no-explicit-any -- tests mutate parsed manifests freely to build bad bundles */
import { readFileSync } from 'node:fs';
import { strFromU8 } from 'fflate';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { exportBundle, getLastExportAt } from '../../../lib/bundle/export';
import { validateManifest } from '../../../lib/bundle/manifest-validate';
import { BundleFailure } from '../../../lib/bundle/messages';
import { readCentralDirectory } from '../../../lib/zip/read';
import { FONTS, SET, SETTINGS, exportBytes, freshDb, manifestOf, seed, unzip } from './helpers';

const schema = JSON.parse(readFileSync('schemas/bundle-manifest.schema.json', 'utf8'));

describe('exportBundle', () => {
  it('writes every part of the bundle', async () => {
    const db = freshDb();
    await seed(db);
    const files = unzip(await exportBytes(db));
    expect(Object.keys(files).sort()).toEqual([
      'SHA256SUMS',
      'checklist.csv',
      'criteria.json',
      'evidence/O05/ev1-fullpage.png',
      'evidence/O05/ev1-snapshot.html',
      'evidence/O05/ev1-viewport.png',
      'evidence/O10/ev2-document.pdf',
      'fonts/sarabun-latin-700-normal.woff2',
      'fonts/sarabun-thai-400-normal.woff2',
      'itas.csv',
      'manifest.json',
      'report.html',
    ]);
    const m = manifestOf(files);
    expect(m.items).toHaveLength(43);
    expect(m.items.find((i: any) => i.code === 'O5')).toMatchObject({
      status: 'complete',
      answer: 'มี',
      unit: 'สำนักปลัด',
      evidenceIds: ['ev1'],
    });
    // An incomplete item with a URL is answered มี, never ไม่มี; the note says what to check.
    expect(m.items.find((i: any) => i.code === 'O10')).toMatchObject({
      status: 'incomplete',
      answer: 'มี',
      explanationText: '=HYPERLINK("http://evil")',
    });
    expect(m.items.find((i: any) => i.code === 'O10').answerNote).toMatch(
      /^สถานะในระบบ: ไม่สมบูรณ์ \(ขาด แผนดำเนินงานประจำปี/,
    );
    expect(m.items.find((i: any) => i.code === 'O1')).toMatchObject({ status: 'unreviewed', answer: '', urls: [] });
    // Evidence with nothing ticked: needs review, still answered มี.
    expect(m.items.find((i: any) => i.code === 'O6')).toMatchObject({
      status: 'needs-review',
      answer: 'มี',
      answerNote: 'สถานะในระบบ: รอตรวจองค์ประกอบ — ตรวจก่อนส่ง',
    });
    expect(m.summary).toMatchObject({ complete: 1, total: 43, evidenceCount: 3, artifactCount: 5 });
  });

  it('stores identical bytes once and references the same path', async () => {
    const db = freshDb();
    await seed(db);
    const m = manifestOf(unzip(await exportBytes(db)));
    const ev1 = m.evidence.find((e: any) => e.id === 'ev1');
    const ev3 = m.evidence.find((e: any) => e.id === 'ev3');
    expect(ev3.artifacts[0].path).toBe(ev1.artifacts[0].path);
    expect(ev1.artifacts[0].path).toBe('evidence/O05/ev1-viewport.png');
  });

  it('stores images and fonts uncompressed and deflates text', async () => {
    const db = freshDb();
    await seed(db);
    const cd = readCentralDirectory(await exportBytes(db));
    if (!cd.ok) throw new Error('bad zip');
    const method = (n: string) => cd.value.find((e) => e.name === n)!.method;
    expect(method('evidence/O05/ev1-viewport.png')).toBe(0);
    expect(method('evidence/O10/ev2-document.pdf')).toBe(0);
    expect(method('fonts/sarabun-thai-400-normal.woff2')).toBe(0);
    expect(method('report.html')).toBe(8);
    expect(method('manifest.json')).toBe(8);
    expect(method('evidence/O05/ev1-snapshot.html')).toBe(8);
  });

  it('manifest matches the JSON Schema, and the schema and the validator agree on broken ones', async () => {
    const db = freshDb();
    await seed(db);
    const m = manifestOf(unzip(await exportBytes(db)));
    const ajv = new Ajv({ allErrors: true });
    const validate = ajv.compile(schema);
    expect(validate(m), JSON.stringify(validate.errors)).toBe(true);
    expect(validateManifest(m)).toEqual([]);
    const broken: ((x: any) => void)[] = [
      (x) => {
        x.items[0].status = 'done';
      },
      (x) => {
        x.evidence[0].artifacts[0].method = 'paint';
      },
      (x) => {
        x.evidence[0].artifacts[0].sha256 = 'XYZ';
      },
      (x) => {
        x.evidence[0].criteria = [];
      },
      (x) => {
        x.files[0].role = 'other';
      },
      (x) => {
        delete x.summary;
      },
      (x) => {
        x.items[0].dueDate = '30/04/2564';
      },
      (x) => {
        x.criteriaSet.sha256 = 'abc';
      },
    ];
    for (const b of broken) {
      const x = structuredClone(m);
      b(x);
      expect(validate(x), b.toString()).toBe(false);
      expect(validateManifest(x).length, b.toString()).toBeGreaterThan(0);
    }
  });

  it('report.html escapes page text, uses the memo columns, Sarabun and A4', async () => {
    const db = freshDb();
    await seed(db);
    const html = strFromU8(unzip(await exportBytes(db))['report.html']!);
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&#60;script&#62;alert(1)&#60;/script&#62;');
    for (const col of ['ข้อ', 'องค์ประกอบด้านข้อมูล', 'ข้อมูลที่นำเสนอ (URL)', 'หน่วยงาน<wbr>ที่รับผิดชอบ', 'มี', 'ไม่มี'])
      expect(html).toContain(`<th>${col}</th>`);
    expect(html).toContain("url('fonts/sarabun-thai-400-normal.woff2')");
    expect(html).toContain('size: A4');
    // Small thumbnails point to full-size figures in the appendix (ภาคผนวก); a page tagged for two items is one figure.
    expect(html).toContain('<a class="thumb" href="#fig-1"><img src="evidence/O05/ev1-viewport.png"');
    expect(html).toContain('<figure id="fig-1"><img src="evidence/O05/ev1-viewport.png"');
    expect(html.match(/<figure /g)).toHaveLength(2); // ev3's screenshot has ev1's bytes: one file, one figure
    expect(html).toContain('ภาคผนวก');
    // One mark per item, in มี or ไม่มี; the signature block has blank lines when no names are set.
    const rows = html.split('<tr>').slice(2);
    expect(rows).toHaveLength(43);
    for (const r of rows) expect(r.match(/<td class="mark"><span/g)).toHaveLength(1);
    for (const role of ['ผู้จัดทำ', 'ผู้ตรวจสอบ', 'ผู้รับรอง']) expect(html).toContain(`<div class="role">${role}</div>`);
    expect(html).toContain('counter(page) " / " counter(pages)');
    expect(html).toContain('1 มีนาคม 2564'); // capture time in the Buddhist Era
    expect(html).toContain('หน้าแรก → ข้อมูลหน่วยงาน');
    expect(html).toMatch(/คะแนนโดยประมาณ <strong>2\.3<\/strong>/);
  });

  it('CSVs start with a BOM, have one row per item, and neutralise formulas', async () => {
    const db = freshDb();
    await seed(db);
    const files = unzip(await exportBytes(db));
    const checklist = strFromU8(files['checklist.csv']!);
    const itas = strFromU8(files['itas.csv']!);
    expect([...files['checklist.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect([...files['itas.csv']!.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(itas.trim().split('\r\n')).toHaveLength(44);
    expect(itas).toContain('O5,มี,https://www.example.go.th/page?id=ev1,,,,,1. หน้าแรก → ข้อมูลหน่วยงาน');
    expect(itas).toContain(
      `O10,มี,https://www.example.go.th/page?id=ev2,,,,,"'=HYPERLINK(""http://evil"")",สถานะในระบบ: ไม่สมบูรณ์`,
    );
    expect(itas).toContain('\r\nO1,,,,,,,,ยังไม่มีลิงก์ที่จะส่ง (สถานะ: ยังไม่ตรวจ)\r\n');
    expect(itas).not.toMatch(/^O\d+,ไม่มี,/m);
    expect(checklist).toContain('30 เมษายน 2564');
  });

  it('exports subsets: by unit, by item, and changed since the last export', async () => {
    const db = freshDb();
    await seed(db);
    const byUnit = manifestOf(unzip(await exportBytes(db, { subset: { units: ['กองคลัง'] } })));
    expect(byUnit.items.map((i: any) => i.code)).toEqual(['O10']);
    expect(byUnit.evidence.map((e: any) => e.id)).toEqual(['ev2']);
    expect(await getLastExportAt(db)).toBeNull(); // a unit subset is not "the last export"

    const byCode = manifestOf(unzip(await exportBytes(db, { subset: { codes: ['O6'] } })));
    expect(byCode.evidence.map((e: any) => e.id)).toEqual(['ev1', 'ev3']);

    await exportBytes(db, { now: () => new Date('2021-03-03T00:00:00.000Z') });
    const last = await getLastExportAt(db);
    expect(last).toBe('2021-03-03T00:00:00.000Z');
    const changed = manifestOf(unzip(await exportBytes(db, { subset: { changedSince: last! } })));
    expect(changed.evidence.map((e: any) => e.id)).toEqual(['ev3']);
    expect(changed.items.map((i: any) => i.code)).toEqual(['O6']);
  });

  it('reports progress and can be cancelled', async () => {
    const db = freshDb();
    await seed(db);
    const seen: [number, number][] = [];
    await exportBytes(db, { onProgress: (d, t) => seen.push([d, t]) });
    expect(seen.at(-1)![0]).toBe(seen.at(-1)![1]);
    expect(seen.every(([d], i) => i === 0 || d >= seen[i - 1]![0])).toBe(true);
    const before = await getLastExportAt(db);

    const ctl = new AbortController();
    let n = 0;
    const p = exportBundle(db, {
      settings: SETTINGS,
      set: SET,
      fonts: FONTS,
      extensionVersion: '0.1.0',
      now: () => new Date(),
      signal: ctl.signal,
      sink: () => {
        if (++n === 2) ctl.abort();
      },
    });
    await expect(p).rejects.toSatisfy((e: unknown) => e instanceof BundleFailure && e.error.code === 'export-aborted');
    expect(await getLastExportAt(db)).toBe(before);
  });

  it('refuses to export bytes that no longer match their recorded hash', async () => {
    const db = freshDb();
    await seed(db);
    await db.blobs.put({ id: 'a2', data: new Uint8Array(7000) });
    await expect(exportBytes(db)).rejects.toSatisfy(
      (e: unknown) => e instanceof BundleFailure && e.error.code === 'export-blob-corrupt',
    );
  });
});
