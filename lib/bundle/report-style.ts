/** CSS of report.html: Sarabun from ./fonts/, A4 print layout with repeating table headers. */
import { escapeHtml } from '../util/html';

const THAI_RANGE = 'U+02D7, U+0303, U+0331, U+0E01-0E5B, U+200C-200D, U+25CC';
const LATIN_RANGE = 'U+0000-00FF, U+0131, U+0152-0153, U+02BB-02BC, U+02C6, U+02DA, U+02DC, U+2000-206F, U+20AC, U+2122, U+2191, U+2193, U+2212, U+2215, U+FEFF, U+FFFD';

/** @font-face rules for font files named like sarabun-thai-700-normal.woff2. */
export function fontFaces(fontPaths: readonly string[]): string {
  return fontPaths
    .map((path) => {
      const weight = /-(\d00)-/.exec(path)?.[1] ?? '400';
      const range = /thai/i.test(path) ? THAI_RANGE : /latin/i.test(path) ? LATIN_RANGE : null;
      return `@font-face{font-family:'Sarabun';font-style:normal;font-weight:${weight};font-display:swap;` +
        `src:url('${escapeHtml(path)}') format('woff2');${range ? `unicode-range:${range};` : ''}}`;
    })
    .join('\n');
}

export const REPORT_CSS = `
@page { size: A4; margin: 14mm 12mm 16mm 12mm; }
* { box-sizing: border-box; }
body { font-family: 'Sarabun', 'TH Sarabun New', 'Tahoma', sans-serif; font-size: 11pt; line-height: 1.45; color: #111; margin: 0 auto; max-width: 1100px; padding: 12px; }
h1 { font-size: 17pt; margin: 0 0 4px; }
h2 { font-size: 13pt; margin: 14px 0 6px; }
.meta { color: #333; margin: 0 0 8px; }
.summary { display: flex; flex-wrap: wrap; gap: 6px 18px; border: 1px solid #999; padding: 6px 10px; margin: 8px 0 12px; break-inside: avoid; }
.summary strong { font-size: 13pt; }
.note { font-size: 9.5pt; color: #444; }
table.items { width: 100%; border-collapse: collapse; table-layout: fixed; }
table.items th, table.items td { border: 1px solid #555; padding: 4px 5px; vertical-align: top; overflow-wrap: anywhere; }
table.items thead { display: table-header-group; }
table.items th { background: #e8e8e8; font-weight: 700; }
table.items tr { break-inside: avoid; page-break-inside: avoid; }
col.c-code { width: 7%; } col.c-sum { width: 27%; } col.c-data { width: 40%; } col.c-unit { width: 14%; } col.c-ans { width: 12%; }
.el { display: block; font-size: 9.5pt; }
.el.ok::before { content: '✓ '; color: #0a6b2d; }
.el.no::before { content: '✗ '; color: #a11; }
.el.ex { color: #555; } .el.ex::before { content: '○ '; }
.ev { border-top: 1px dotted #aaa; padding-top: 3px; margin-top: 3px; break-inside: avoid; }
.ev:first-child { border-top: 0; margin-top: 0; }
.thumb { display: inline-block; max-width: 44mm; max-height: 40mm; object-fit: contain; object-position: top left; border: 1px solid #bbb; margin: 2px 4px 2px 0; }
.small { font-size: 9pt; color: #333; }
.url { font-size: 9pt; word-break: break-all; }
.ans { font-weight: 700; text-align: center; }
.ans.st-complete { color: #0a6b2d; } .ans.st-incomplete { color: #8a5a00; } .ans.st-missing { color: #a11; }
.ans.st-needs-review { color: #5b2c87; } .ans.st-unreviewed { color: #555; font-weight: 400; }
.status { display: block; font-weight: 400; font-size: 9pt; color: #333; }
.sign { display: flex; justify-content: space-around; margin-top: 28px; break-inside: avoid; }
.sign div { text-align: center; min-width: 40%; }
@media print { body { padding: 0; max-width: none; } a { color: inherit; text-decoration: none; } }
`;
