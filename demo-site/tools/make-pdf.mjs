// Writes a minimal one-page PDF (Helvetica, ASCII text) with correct xref offsets.
// Usage: node demo-site/tools/make-pdf.mjs   (regenerates demo-site/docs/*.pdf)
// Also imported by test/fixtures/tools/make-binaries.mjs.
import { writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function escapePdfText(s) {
  if (/[^\x20-\x7e]/.test(s)) throw new Error(`PDF text must be printable ASCII: ${s}`);
  return s.replace(/[\\()]/g, (c) => `\\${c}`);
}

/** @param {{ title: string, lines: string[] }} doc @returns {Buffer} */
export function buildPdf({ title, lines }) {
  const ops = ['BT', '/F1 20 Tf', '60 780 Td', `(${escapePdfText(title)}) Tj`, '/F1 11 Tf', '0 -34 Td'];
  for (const line of lines) ops.push(`(${escapePdfText(line)}) Tj`, '0 -16 Td');
  ops.push('ET');
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    `<< /Title (${escapePdfText(title)}) /Producer (ita-evidence make-pdf) >>`,
  ];
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xrefAt = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R /Info ${objects.length} 0 R >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const SIX_MONTH_LINES = [
  'Tua-Yang Town Municipality (fictional demo)',
  'Six-month operation progress report, fiscal year 2021 (B.E. 2564)',
  'Period: 1 October 2020 - 31 March 2021',
  '',
  'Projects in the annual operation plan: 42',
  'Completed: 11   In progress: 19   Not started: 12',
  'Budget planned: 38,500,000 THB   Disbursed: 14,212,450 THB (36.9%)',
  '',
  'Strategy 1 Infrastructure: 12 projects, 4 completed',
  'Strategy 2 Quality of life: 10 projects, 3 completed',
  'Strategy 3 Education, religion and culture: 8 projects, 2 completed',
  'Strategy 4 Environment: 6 projects, 1 completed',
  'Strategy 5 Good governance: 6 projects, 1 completed',
  '',
  'This document is fictional sample data for software demonstrations.',
];

export const DEMO_PDFS = {
  'report-6m-2564.pdf': { title: 'Six-month Report FY2564 (Oct 2020 - Mar 2021)', lines: SIX_MONTH_LINES },
};

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const docs = join(dirname(fileURLToPath(import.meta.url)), '..', 'docs');
  mkdirSync(docs, { recursive: true });
  for (const [name, doc] of Object.entries(DEMO_PDFS)) {
    const bytes = buildPdf(doc);
    writeFileSync(join(docs, name), bytes);
    console.log(`wrote ${name} (${bytes.length} bytes)`);
  }
}
