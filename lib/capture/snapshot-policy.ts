/**
 * What every stored page snapshot starts with, and the text-only refusal. Plain strings: used by
 * the capture in the page, the background, import and `check` alike.
 */
import { escapeHtml } from '../util/html';

/** Only data: sources: a snapshot never loads anything from the web when it is opened. */
export const SNAPSHOT_CSP =
  "default-src 'none'; img-src data:; style-src 'unsafe-inline'; font-src data:; media-src data:; " +
  "base-uri 'none'; form-action 'none'";

/** Policies written by earlier versions: still script-free, but they let the snapshot load from http(s). */
export const LEGACY_SNAPSHOT_CSPS: readonly string[] = [
  "default-src 'none'; img-src data: http: https:; style-src 'unsafe-inline' http: https:; " +
    "font-src data: http: https:; base-uri 'none'; form-action 'none'",
  "script-src 'none'; object-src 'none'",
];

/** The start of every snapshot: nothing the page controls comes before the CSP. */
export const SNAPSHOT_HEAD_START = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`;

/** Reasons go into an attribute: only plain characters, so no reason can itself look like a URL scheme. */
const plainReason = (r: string) => r.replace(/[^\w <>=.,;()@/-]/g, '?').slice(0, 200);

/** The refusal: only the visible text, clearly marked, with the reasons in a meta tag. */
export function textOnlySnapshot(text: string, sourceUrl: string, capturedAt: string, problems: string[]): string {
  return (
    `<!DOCTYPE html>\n<html><head>${SNAPSHOT_HEAD_START}` +
    `<meta name="ita-evidence-source" content="${escapeHtml(sourceUrl)}">` +
    `<meta name="ita-evidence-captured-at" content="${escapeHtml(capturedAt)}">` +
    `<meta name="ita-evidence-snapshot" content="text-only">` +
    `<meta name="ita-evidence-refused" content="${escapeHtml(problems.slice(0, 10).map(plainReason).join('; '))}">` +
    `<title>${escapeHtml('ข้อความของหน้า (text only)')}</title></head><body>` +
    `<p><strong>สำเนาหน้าเว็บนี้เก็บเฉพาะข้อความ เพราะหน้าเว็บมีส่วนที่อาจเรียกใช้สคริปต์ได้ / ` +
    `This snapshot keeps the text only: the page contained content that could run script.</strong></p>` +
    `<p>${escapeHtml(sourceUrl)}</p><pre style="white-space:pre-wrap">${escapeHtml(text)}</pre></body></html>`
  );
}
