/** CSS of report.html: Sarabun from ./fonts/, A4 portrait with 12 mm margins, page numbers, repeating table headers. */
import { escapeHtml } from '../util/html';

const THAI_RANGE = 'U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC';
const LATIN_RANGE =
  'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

/** @font-face rules for font files named like sarabun-thai-700-normal.woff2. */
export function fontFaces(fontPaths: readonly string[]): string {
  return fontPaths
    .map((path) => {
      const weight = /-(\d00)-/.exec(path)?.[1] ?? '400';
      const range = /thai/i.test(path) ? THAI_RANGE : /latin/i.test(path) ? LATIN_RANGE : null;
      return (
        `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:swap;` +
        `src:url('${escapeHtml(path)}') format('woff2');${range ? `unicode-range:${range};` : ''}}`
      );
    })
    .join('\n');
}

export const REPORT_CSS = `
@page {
  size: A4 portrait; margin: 12mm 12mm 16mm 12mm;
  @bottom-center { content: "หน้า " counter(page) " / " counter(pages); font-family: 'Sarabun', sans-serif; font-size: 9pt; color: #333; }
}
* { box-sizing: border-box; }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
body { font-family: 'Sarabun', 'TH Sarabun New', 'Tahoma', sans-serif; font-size: 10.5pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 186mm; padding: 12px; overflow-wrap: break-word; line-break: strict; }
.doc-head { text-align: center; margin-bottom: 8px; }
.doc-head .agency { font-size: 14pt; font-weight: 700; }
h1 { font-size: 13.5pt; margin: 2px 0 4px; line-height: 1.4; }
h2 { font-size: 13pt; margin: 14px 0 6px; }
.meta { color: #333; margin: 0; font-size: 10pt; }
.summary { display: flex; flex-wrap: wrap; gap: 2px 16px; border: 1px solid #999; padding: 4px 8px; margin: 8px 0 6px; break-inside: avoid; }
.summary strong { font-size: 12pt; }
.note { font-size: 9pt; color: #444; margin: 4px 0 8px; }
table.items { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.items th, table.items td { border: 1px solid #555; padding: 3px 4px; vertical-align: top; min-width: 0; }
table.items thead { display: table-header-group; }
table.items th { background: #e8e8e8; font-weight: 700; font-size: 9.5pt; text-align: center; vertical-align: middle; }
table.items tr { break-inside: avoid; page-break-inside: avoid; }
col.c-code { width: 7%; } col.c-sum { width: 29%; } col.c-data { width: 35%; } col.c-unit { width: 17%; } col.c-yes { width: 6%; } col.c-no { width: 6%; }
td.code { font-weight: 700; text-align: center; }
td.mark { text-align: center; vertical-align: middle; font-size: 13pt; font-weight: 700; }
.name { font-weight: 600; }
ul.els { list-style: none; margin: 2px 0 0; padding: 0; font-size: 9pt; }
ul.els li.ok .mark { color: #0a6b2d; } ul.els li.no .mark { color: #a11; } ul.els li.ex { color: #555; }
.ev { border-top: 1px dotted #aaa; padding-top: 3px; margin-top: 3px; break-inside: avoid; }
.ev:first-child { border-top: 0; margin-top: 0; padding-top: 0; }
.thumbs { display: flex; flex-wrap: wrap; gap: 4px; margin: 2px 0; }
a.thumb { display: inline-flex; flex-direction: column; align-items: center; font-size: 8pt; color: #333; text-decoration: none; }
a.thumb img { width: 24mm; height: 16mm; object-fit: cover; object-position: top left; border: 1px solid #bbb; }
.small { font-size: 9pt; color: #333; }
.expl { margin-top: 3px; }
.url { font-size: 9pt; overflow-wrap: anywhere; word-break: normal; }
.sign { display: flex; justify-content: space-between; gap: 8px; margin-top: 24px; break-inside: avoid; page-break-inside: avoid; }
.signer { flex: 1 1 0; min-width: 0; text-align: center; font-size: 10pt; line-height: 1.9; }
.signer .role { font-weight: 700; }
.appendix { break-before: page; page-break-before: always; }
figure { margin: 0 0 10mm; break-inside: avoid; page-break-inside: avoid; }
figure img { display: block; max-width: 100%; max-height: 230mm; margin: 0 auto; border: 1px solid #999; object-fit: contain; }
figcaption { font-size: 9pt; margin-top: 3px; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;
