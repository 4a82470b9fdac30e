/**
 * SHA256SUMS in the GNU coreutils text form that `sha256sum -c` accepts: "<64 hex>  <path>\n",
 * one line per file, sorted by path (code-unit order), LF line ends. Bundle paths are printable
 * ASCII without backslashes, so no line needs coreutils' escaping.
 */
export interface SumEntry {
  path: string;
  sha256: string;
}

export const SUMS_FILE = 'SHA256SUMS';

function byPath(a: SumEntry, b: SumEntry): number {
  return a.path < b.path ? -1 : a.path > b.path ? 1 : 0;
}

export function formatSha256Sums(entries: readonly SumEntry[]): string {
  return [...entries]
    .sort(byPath)
    .map((e) => `${e.sha256}  ${e.path}\n`)
    .join('');
}

export type ParsedSums = { ok: true; entries: SumEntry[] } | { ok: false; line: number };

const LINE = /^([0-9a-f]{64}) [ *]([\u0021-\u007e][\u0020-\u007e]*)$/;

/** Strict parse; the first malformed line (1-based) fails the whole file. */
export function parseSha256Sums(text: string): ParsedSums {
  const lines = text.split('\n');
  if (lines[lines.length - 1] === '') lines.pop();
  const entries: SumEntry[] = [];
  for (let i = 0; i < lines.length; i++) {
    const m = LINE.exec(lines[i]!);
    if (!m || m[2]!.includes('\\')) return { ok: false, line: i + 1 };
    entries.push({ sha256: m[1]!, path: m[2]! });
  }
  return { ok: true, entries };
}
