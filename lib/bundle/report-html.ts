/**
 * report.html: the official printable report that goes to the executive, laid out like the memo's
 * tracking table (ข้อ | องค์ประกอบด้านข้อมูล | ข้อมูลที่นำเสนอ (URL) | หน่วยงานที่รับผิดชอบ | มี | ไม่มี),
 * with a signature block and an appendix (ภาคผนวก) of full-size screenshots. It names no internal
 * ids. Every string that came from a page or a person is escaped; links to evidence files are relative.
 */
import type { Criterion } from '../criteria/types';
import type { ItemStatus } from '../evidence/types';
import { STATUS_LABELS } from '../checklist/status';
import { ITEM_STATUSES } from '../evidence/item-status';
import { formatDateBE } from '../i18n/buddhist-era';
import { toThaiDigits } from '../i18n/thai-digits';
import { safeHref } from './escape';
import { escapeHtml as h } from '../util/html';
import type { BundleManifest, ManifestArtifact, ManifestEvidence, ManifestItem } from './manifest';
import { REPORT_CSS, fontFaces } from './report-style';

interface ReportRow {
  item: ManifestItem;
  criterion: Criterion | null;
  covered: string[];
  evidence: ManifestEvidence[];
}

interface ReportSigner {
  name: string;
  position: string;
}

interface ReportOptions {
  /** ผู้จัดทำ, ผู้ตรวจสอบ, ผู้รับรอง; an empty name prints a blank line to sign on. */
  signers?: { preparer?: ReportSigner; reviewer?: ReportSigner; certifier?: ReportSigner };
  /** Print numbers and dates in Thai digits (๑๒๓), as formal documents often do. */
  thaiDigits?: boolean;
}

export interface ReportInput {
  manifest: BundleManifest;
  rows: ReportRow[];
  fontPaths: string[];
  options?: ReportOptions;
}

const IMAGE = /^image\//;

const METHOD_TH: Record<ManifestArtifact['method'], string> = {
  viewport: 'ภาพหน้าจอ (เฉพาะที่เห็นบนจอ)',
  'fullpage-stitched': 'ภาพหน้าจอทั้งหน้า',
  'element-crop': 'ภาพหน้าจอบางส่วน',
  'rendered-html2canvas': 'ภาพที่วาดใหม่ (ไม่ใช่ภาพหน้าจอจริง)',
  'document-bytes': 'ไฟล์เอกสาร',
  'dom-snapshot': 'สำเนาหน้าเว็บ (HTML)',
  text: 'ข้อความในหน้า',
};

interface Ctx {
  /** Numbers in the chosen digits (text only: never URLs or file paths). */
  n(s: string | number): string;
  date(iso: string, time?: boolean): string;
  /** Appendix figures, numbered in report order. */
  figures: { ev: ManifestEvidence; art: ManifestArtifact; code: string; no: number }[];
}

function elementsHtml(row: ReportRow): string {
  if (!row.criterion || !row.criterion.elements.length) return '';
  const covered = new Set(row.covered);
  return `<ul class="els">${row.criterion.elements
    .map((e) =>
      e.required
        ? `<li class="${covered.has(e.key) ? 'ok' : 'no'}"><span class="mark" aria-hidden="true">${covered.has(e.key) ? '✓' : '✗'}</span> ${h(e.th)}</li>`
        : `<li class="ex"><span class="mark" aria-hidden="true">○</span> ${h(e.th)} (ตัวอย่าง)</li>`,
    )
    .join('')}</ul>`;
}

function clickPathHtml(ev: ManifestEvidence): string {
  if (!ev.clickPath.length) return '';
  const steps = ev.clickPath.map((s, i) => (i === 0 ? 'หน้าแรก' : s.linkText.trim() || s.url));
  const flag = ev.reachedFromHome ? '' : ' (เปิดจากลิงก์โดยตรง ไม่ได้เข้าจากหน้าแรก)';
  return `<div class="small">เส้นทางเข้าถึงจากหน้าแรก: ${h(steps.join(' → '))}${flag}</div>`;
}

function fileLabel(a: ManifestArtifact): string {
  return a.method === 'document-bytes' && a.fileName ? a.fileName : METHOD_TH[a.method];
}

function evidenceHtml(ev: ManifestEvidence, code: string, c: Ctx): string {
  const images = ev.artifacts.filter((a) => IMAGE.test(a.mime) && a.method !== 'document-bytes');
  const others = ev.artifacts.filter((a) => !images.includes(a));
  const thumbs = images
    .map((a) => {
      // A page tagged for several items is one figure in the appendix, referred to from each row.
      const seen = c.figures.find((f) => f.art.path === a.path);
      const no = seen ? seen.no : c.figures.length + 1;
      if (!seen) c.figures.push({ ev, art: a, code, no });
      return `<a class="thumb" href="#fig-${no}"><img src="${h(a.path)}" alt="ภาพที่ ${c.n(no)} ${h(ev.title || ev.url)}" loading="lazy"><span>ภาพที่ ${c.n(no)}</span></a>`;
    })
    .join('');
  const files = others.map((a) => `<a href="${h(a.path)}">${h(fileLabel(a))}</a>`).join(' · ');
  const href = safeHref(ev.url);
  const link = href ? `<a class="url" href="${href}">${h(ev.url)}</a>` : `<span class="url">${h(ev.url)}</span>`;
  return (
    `<div class="ev">${ev.title ? `<div>${h(ev.title)}</div>` : ''}${link}` +
    `<div class="small">บันทึกเมื่อ ${h(c.date(ev.capturedAt, true))}${ev.httpStatus ? ` · HTTP ${c.n(ev.httpStatus)}` : ''}</div>` +
    `${clickPathHtml(ev)}${ev.note ? `<div class="small">หมายเหตุ: ${h(ev.note)}</div>` : ''}` +
    `${thumbs ? `<div class="thumbs">${thumbs}</div>` : ''}${files ? `<div class="small">${files}</div>` : ''}</div>`
  );
}

function rowHtml(row: ReportRow, c: Ctx): string {
  const i = row.item;
  const yes = i.answer === 'มี';
  const explanation = i.explanationText
    ? `<div class="small expl"><b>คำอธิบายเพิ่มเติม:</b><br>${h(i.explanationText).replace(/\n/g, '<br>')}</div>`
    : '';
  const evidence = row.evidence.length
    ? row.evidence.map((e) => evidenceHtml(e, i.code, c)).join('')
    : '<span class="small">ยังไม่มีหลักฐาน</span>';
  const status =
    i.status === 'complete' || i.status === 'missing'
      ? ''
      : `<div class="small">สถานะ: ${h(STATUS_LABELS[i.status].th)}</div>`;
  const override = i.statusOverride ? `<div class="small">กำหนดสถานะเอง: ${h(i.statusOverride.reason)}</div>` : '';
  const due = i.dueDate ? `<div class="small">กำหนดส่ง ${h(c.date(i.dueDate))}</div>` : '';
  return (
    `<tr><td class="code">${h(i.code)}</td>` +
    `<td><div class="name">${h(i.nameTh)}</div>${elementsHtml(row)}${status}${override}</td>` +
    `<td>${evidence}${explanation}</td>` +
    `<td>${h(i.unit || '—')}${i.assignee ? `<div class="small">${h(i.assignee)}</div>` : ''}${due}</td>` +
    `<td class="mark">${yes ? '<span aria-label="มี">✓</span>' : ''}</td><td class="mark">${yes ? '' : '<span aria-label="ไม่มี">✓</span>'}</td></tr>`
  );
}

function signBlock(role: string, s: ReportSigner | undefined): string {
  const name = s?.name.trim() ? `(${h(s.name.trim())})` : '(.........................................)';
  const position = s?.position.trim() ? h(s.position.trim()) : '.........................................';
  return (
    `<div class="signer"><div>ลงชื่อ .........................................</div><div>${name}</div>` +
    `<div>ตำแหน่ง ${position}</div><div class="role">${role}</div><div>วันที่ ........./........../..........</div></div>`
  );
}

function appendixHtml(c: Ctx): string {
  if (!c.figures.length) return '';
  const figs = c.figures
    .map(
      ({ ev, art, code, no }) =>
        `<figure id="fig-${no}"><img src="${h(art.path)}" alt="ภาพที่ ${c.n(no)} ${h(ev.title || ev.url)}" loading="lazy">` +
        `<figcaption>ภาพที่ ${c.n(no)} ข้อ ${h(code)} ${h(ev.title)} — ${h(METHOD_TH[art.method])}` +
        `${art.part && art.parts ? ` ส่วนที่ ${c.n(art.part)}/${c.n(art.parts)}` : ''}<br><span class="url">${h(ev.url)}</span>` +
        ` · บันทึกเมื่อ ${h(c.date(ev.capturedAt, true))}</figcaption></figure>`,
    )
    .join('\n');
  return `<section class="appendix"><h2>ภาคผนวก ภาพหน้าจอหลักฐาน</h2>\n${figs}\n</section>`;
}

export function reportHtml({ manifest: m, rows, fontPaths, options = {} }: ReportInput): string {
  const thai = options.thaiDigits === true;
  const c: Ctx = {
    n: (s) => (thai ? toThaiDigits(s) : String(s)),
    date: (iso, time) => formatDateBE(iso, 'th', { time, thaiDigits: thai }),
    figures: [],
  };
  const counts = Object.fromEntries(ITEM_STATUSES.map((s) => [s, 0])) as Record<ItemStatus, number>;
  for (const r of rows) counts[r.item.status]++;
  const subset = m.subset
    ? '<p class="note">ฉบับนี้เป็นการส่งออกบางส่วน (เฉพาะกอง/สำนัก เฉพาะข้อที่เลือก หรือเฉพาะที่เปลี่ยนหลังส่งออกครั้งก่อน)</p>'
    : '';
  const body = rows.map((r) => rowHtml(r, c)).join('\n');
  const s = options.signers ?? {};
  const year = c.n(m.agency.fiscalYear);
  const statusCounts = ITEM_STATUSES.map((k) => `${STATUS_LABELS[k].th} ${c.n(counts[k])} ข้อ`).join(' · ');
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`รายงานผลการตรวจสอบการเปิดเผยข้อมูลสาธารณะ (OIT) — ${m.agency.name}`)}</title>
<style>${fontFaces(fontPaths)}${REPORT_CSS}${thai ? '@page { @bottom-center { content: "หน้า " counter(page, thai) " / " counter(pages, thai); } }' : ''}</style></head>
<body>
<header class="doc-head">
<div class="agency">${h(m.agency.name)}</div>
<h1>รายงานผลการตรวจสอบการเปิดเผยข้อมูลสาธารณะ (OIT)<br>การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (ITA)<br>ประจำปีงบประมาณ พ.ศ. ${year}</h1>
<p class="meta">${h(m.criteriaSet.titleTh)}${m.agency.homeUrl ? `<br>เว็บไซต์หลัก <span class="url">${h(m.agency.homeUrl)}</span>` : ''}<br>
จัดทำเมื่อ ${h(c.date(m.exportedAt, true))}</p>
</header>
${subset}
<div class="summary"><span>คะแนนโดยประมาณ <strong>${c.n(m.summary.score)}</strong> (มี ${c.n(m.summary.complete)} จาก ${c.n(m.summary.total)} ข้อ)</span>
<span>${statusCounts}</span><span>หลักฐาน ${c.n(m.summary.evidenceCount)} รายการ</span></div>
<p class="note">คะแนนโดยประมาณจากสถานะที่ผู้ตรวจบันทึกไว้ ไม่ใช่ผลคะแนนอย่างเป็นทางการ ค่าแฮช SHA-256 ในไฟล์ SHA256SUMS ยืนยันได้เพียงว่าไฟล์ไม่มีการแก้ไขหลังบันทึก</p>
<table class="items"><colgroup><col class="c-code"><col class="c-sum"><col class="c-data"><col class="c-unit"><col class="c-yes"><col class="c-no"></colgroup>
<thead><tr><th>ข้อ</th><th>องค์ประกอบด้านข้อมูล</th><th>ข้อมูลที่นำเสนอ (URL)</th><th>หน่วยงาน<wbr>ที่รับผิดชอบ</th><th>มี</th><th>ไม่มี</th></tr></thead>
<tbody>
${body}
</tbody></table>
<section class="sign">
${signBlock('ผู้จัดทำ', s.preparer)}
${signBlock('ผู้ตรวจสอบ', s.reviewer)}
${signBlock('ผู้รับรอง', s.certifier)}
</section>
${appendixHtml(c)}
</body></html>
`;
}
