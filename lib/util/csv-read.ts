/**
 * RFC 4180 CSV reading: quoted fields may hold commas, doubled quotes and line breaks, and records
 * may end in CRLF, LF or a bare CR (old Mac and some Excel exports). A record that cannot be read
 * is skipped and reported with the line it starts on; reading resumes on the next line.
 *
 * Hand-written on purpose, reason: csv-parse (tried) miscounts lines after a skipped empty line and,
 * after one malformed quote, drops every record that follows; the reviewer needs the exact line.
 */
interface CsvRow {
  /** 1-based line of the file where the record starts. */
  line: number;
  cells: string[];
}

interface CsvSkip {
  line: number;
  reason: 'unclosed-quote' | 'text-after-quote';
}

export interface CsvRead {
  rows: CsvRow[];
  skipped: CsvSkip[];
}

export function readCsvRows(input: string): CsvRead {
  const text = input.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  const skipped: CsvSkip[] = [];
  let i = 0;
  let line = 1;
  const n = text.length;
  /** Consumes one line break at i (CRLF, LF or CR); true when there was one. */
  const lineBreak = (): boolean => {
    if (text[i] === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
      line++;
      return true;
    }
    if (text[i] === '\n') {
      i++;
      line++;
      return true;
    }
    return false;
  };
  const skipToNextLine = () => {
    while (i < n && !lineBreak()) i++;
  };

  while (i < n) {
    const start = line;
    if (lineBreak()) continue; // an empty line holds no record
    const cells: string[] = [];
    let bad: CsvSkip['reason'] | null = null;
    for (;;) {
      let cell = '';
      if (text[i] === '"') {
        i++;
        let closed = false;
        while (i < n) {
          const c = text[i]!;
          if (c === '"') {
            if (text[i + 1] === '"') {
              cell += '"';
              i += 2;
              continue;
            }
            i++;
            closed = true;
            break;
          }
          if (c === '\r' || c === '\n') {
            const from = i;
            lineBreak();
            cell += text.slice(from, i);
            continue;
          }
          cell += c;
          i++;
        }
        if (!closed) {
          bad = 'unclosed-quote';
          break;
        }
        if (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
          bad = 'text-after-quote';
          break;
        }
      } else {
        while (i < n && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') cell += text[i++];
      }
      cells.push(cell);
      if (text[i] === ',') {
        i++;
        continue;
      }
      lineBreak();
      break;
    }
    if (bad) {
      skipped.push({ line: start, reason: bad });
      // Resume after the line the record started on, so one stray quote costs one record.
      if (bad === 'unclosed-quote') {
        i = lineStartAfter(text, start);
        line = start + 1;
      } else skipToNextLine();
      continue;
    }
    rows.push({ line: start, cells });
  }
  return { rows, skipped };
}

/** Offset of the first character of line `line + 1` (1-based lines). */
function lineStartAfter(text: string, line: number): number {
  let l = 1;
  let i = 0;
  while (i < text.length && l <= line) {
    const c = text[i];
    if (c === '\r') {
      i += text[i + 1] === '\n' ? 2 : 1;
      l++;
    } else if (c === '\n') {
      i++;
      l++;
    } else i++;
  }
  return i;
}
