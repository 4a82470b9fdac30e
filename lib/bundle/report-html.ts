/**
 * report.html: one self-contained printable Thai report laid out like the memo's tracking table
 * (ข้อ | สรุปข้อมูลและองค์ประกอบ | ข้อมูลที่นำเสนอ | หน่วยงานที่รับผิดชอบ | มี/ไม่มี). Every string
 * that came from a page or a person is escaped; links to the evidence files are relative.
 */
import type { Criterion } from '../criteria/types';
import type { ItemStatus } from '../evidence/types';
import { STATUS_LABELS } from '../checklist/status';
import { ITEM_STATUSES } from '../evidence/item-status';
import { formatDateBE } from '../i18n/buddhist-era';
import { safeHref } from './escape';
import { escapeHtml as h } from '../util/html';
import type { BundleManifest, ManifestEvidence, ManifestItem } from './manifest';
import { REPORT_CSS, fontFaces } from './report-style';

export interface ReportRow {
  item: ManifestItem;
  criterion: Criterion | null;
  covered: string[];
  evidence: ManifestEvidence[];
}

export interface ReportInput {
  manifest: BundleManifest;
  rows: ReportRow[];
  fontPaths: string[];
}

function elementsHtml(row: ReportRow): string {
  if (!row.criterion) return '';
  const covered = new Set(row.covered);
  return row.criterion.elements
    .map((e) => (e.required
      ? `<span class="el ${covered.has(e.key) ? 'ok' : 'no'}">${h(e.th)}</span>`
      : `<span class="el ex">${h(e.th)} (ตัวอย่าง)</span>`))
    .join('');
}

function clickPathHtml(ev: ManifestEvidence): string {
  if (!ev.clickPath.length) return '';
  const steps = ev.clickPath.map((s, i) => (i === 0 ? 'หน้าแรก' : s.linkText.trim() || s.url));
  const flag = ev.reachedFromHome ? '' : ' (ไม่ได้เริ่มจากหน้าแรก)';
  return `<div class="small">เส้นทาง: ${h(steps.join(' → '))}${flag}</div>`;
}

function evidenceHtml(ev: ManifestEvidence): string {
  const images = ev.artifacts.filter((a) => a.mime.startsWith('image/'));
  const others = ev.artifacts.filter((a) => !a.mime.startsWith('image/'));
  const thumbs = images
    .map((a) => `<a href="${h(a.path)}"><img class="thumb" src="${h(a.path)}" alt="${h(ev.title || ev.url)}" loading="lazy"></a>`)
    .join('');
  const files = others.map((a) => `<a class="small" href="${h(a.path)}">${h(a.fileName || a.path.split('/').pop() || a.path)}</a>`).join(' · ');
  const href = safeHref(ev.url);
  const link = href ? `<a class="url" href="${href}">${h(ev.url)}</a>` : `<span class="url">${h(ev.url)}</span>`;
  return `<div class="ev">${thumbs}<div>${h(ev.title)}</div>${link}` +
    `<div class="small">บันทึกเมื่อ ${h(formatDateBE(ev.capturedAt, 'th', { time: true }))}` +
    `${ev.httpStatus ? ` · HTTP ${ev.httpStatus}` : ''}</div>${clickPathHtml(ev)}` +
    `${ev.note ? `<div class="small">หมายเหตุ: ${h(ev.note)}</div>` : ''}${files ? `<div>${files}</div>` : ''}</div>`;
}

function rowHtml(row: ReportRow): string {
  const i = row.item;
  const explanation = i.explanationText
    ? `<div class="small"><b>คำอธิบายเพิ่มเติม:</b><br>${h(i.explanationText).replace(/\n/g, '<br>')}</div>` : '';
  const evidence = row.evidence.length ? row.evidence.map(evidenceHtml).join('') : '<span class="small">ยังไม่มีหลักฐาน</span>';
  const override = i.statusOverride ? `<span class="status">กำหนดเอง: ${h(i.statusOverride.reason)}</span>` : '';
  const due = i.dueDate ? `<div class="small">กำหนดส่ง ${h(formatDateBE(i.dueDate, 'th'))}</div>` : '';
  return `<tr><td><b>${h(i.code)}</b></td>` +
    `<td><div>${h(i.nameTh)}</div>${elementsHtml(row)}</td>` +
    `<td>${evidence}${explanation}</td>` +
    `<td>${h(i.unit || '—')}${i.assignee ? `<div class="small">${h(i.assignee)}</div>` : ''}${due}</td>` +
    `<td class="ans st-${i.status}">${h(STATUS_LABELS[i.status].th)}${override}</td></tr>`;
}

export function reportHtml({ manifest: m, rows, fontPaths }: ReportInput): string {
  const counts: Record<ItemStatus, number> = { complete: 0, incomplete: 0, 'needs-review': 0, missing: 0, unreviewed: 0 };
  for (const r of rows) counts[r.item.status]++;
  const subset = m.subset ? '<p class="note">ชุดนี้เป็นการส่งออกบางส่วน (เฉพาะหน่วยงาน/ข้อ/รายการที่เปลี่ยนแปลง)</p>' : '';
  return `<!doctype html>
<html lang="th"><head><meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="script-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${h(`รายงานหลักฐาน ITA/OIT — ${m.agency.name}`)}</title>
<style>${fontFaces(fontPaths)}${REPORT_CSS}</style></head>
<body>
<h1>รายงานผลการตรวจสอบข้อมูลบนเว็บไซต์ (OIT) ปีงบประมาณ พ.ศ. ${h(String(m.agency.fiscalYear))}</h1>
<p class="meta">${h(m.agency.name)}${m.agency.homeUrl ? ` · ${h(m.agency.homeUrl)}` : ''}<br>
${h(m.criteriaSet.titleTh)}<br>
จัดทำเมื่อ ${h(formatDateBE(m.exportedAt, 'th', { time: true }))} · ITA Evidence ${h(m.extensionVersion)}</p>
${subset}
<div class="summary"><span>คะแนนประมาณการ <strong>${m.summary.score}</strong> (มี ${m.summary.complete} จาก ${m.summary.total} ข้อ)</span>
${ITEM_STATUSES.map((s) => `<span>${h(STATUS_LABELS[s].th)} ${counts[s]}</span>`).join('')}
<span>หลักฐาน ${m.summary.evidenceCount} รายการ</span></div>
<p class="note">คะแนนประมาณการจากสถานะที่ผู้ตรวจบันทึกไว้ ไม่ใช่คะแนนจริงจากผู้ประเมิน ค่าแฮช SHA-256 ในไฟล์ SHA256SUMS ยืนยันได้เพียงว่าไฟล์ไม่ถูกแก้ไขหลังบันทึก</p>
<table class="items"><colgroup><col class="c-code"><col class="c-sum"><col class="c-data"><col class="c-unit"><col class="c-ans"></colgroup>
<thead><tr><th>ข้อ</th><th>สรุปข้อมูลและองค์ประกอบ</th><th>ข้อมูลที่นำเสนอ</th><th>หน่วยงานที่รับผิดชอบ</th><th>มี/ไม่มี</th></tr></thead>
<tbody>
${rows.map(rowHtml).join('\n')}
</tbody></table>
<div class="sign"><div>ลงชื่อ ...................................... ผู้ตรวจสอบ<br>(......................................)</div>
<div>ลงชื่อ ...................................... ผู้บังคับบัญชา<br>(......................................)</div></div>
</body></html>
`;
}
