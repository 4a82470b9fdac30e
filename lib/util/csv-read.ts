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

/** A position in the text: offset and 1-based line. */
class CsvCursor {
  i = 0;
  line = 1;
  readonly n: number;

  constructor(readonly text: string) {
    this.n = text.length;
  }

  /** Consumes one line break (CRLF, LF or CR); true when there was one. */
  lineBreak(): boolean {
    const { text } = this;
    if (text[this.i] === '\r') {
      this.i += text[this.i + 1] === '\n' ? 2 : 1;
      this.line++;
      return true;
    }
    if (text[this.i] === '\n') {
      this.i++;
      this.line++;
      return true;
    }
    return false;
  }

  skipToNextLine(): void {
    while (this.i < this.n && !this.lineBreak()) this.i++;
  }

  atCellEnd(): boolean {
    const c = this.text[this.i];
    return this.i >= this.n || c === ',' || c === '\r' || c === '\n';
  }

  plainCell(): string {
    let cell = '';
    while (!this.atCellEnd()) cell += this.text[this.i++];
    return cell;
  }

  /** A quoted cell from its opening quote: its text, or why the record is bad. */
  quotedCell(): { cell: string } | { bad: CsvSkip['reason'] } {
    const { text, n } = this;
    this.i++;
    let cell = '';
    for (;;) {
      if (this.i >= n) return { bad: 'unclosed-quote' };
      const c = text[this.i]!;
      if (c === '"' && text[this.i + 1] === '"') {
        cell += '"';
        this.i += 2;
      } else if (c === '"') {
        this.i++;
        return this.atCellEnd() ? { cell } : { bad: 'text-after-quote' };
      } else if (c === '\r' || c === '\n') {
        const from = this.i;
        this.lineBreak();
        cell += text.slice(from, this.i);
      } else {
        cell += c;
        this.i++;
      }
    }
  }

  /** The cells of one record, up to and including its line break, or why it is bad. */
  record(): { cells: string[] } | { bad: CsvSkip['reason'] } {
    const cells: string[] = [];
    for (;;) {
      let cell: string;
      if (this.text[this.i] === '"') {
        const q = this.quotedCell();
        if ('bad' in q) return q;
        cell = q.cell;
      } else cell = this.plainCell();
      cells.push(cell);
      if (this.text[this.i] !== ',') break;
      this.i++;
    }
    this.lineBreak();
    return { cells };
  }
}

export function readCsvRows(input: string): CsvRead {
  const text = input.replace(/^\uFEFF/, '');
  const rows: CsvRow[] = [];
  const skipped: CsvSkip[] = [];
  const at = new CsvCursor(text);
  while (at.i < at.n) {
    const start = at.line;
    if (at.lineBreak()) continue; // an empty line holds no record
    const r = at.record();
    if ('cells' in r) {
      rows.push({ line: start, cells: r.cells });
      continue;
    }
    skipped.push({ line: start, reason: r.bad });
    // Resume after the line the record started on, so one stray quote costs one record.
    if (r.bad === 'unclosed-quote') {
      at.i = lineStartAfter(text, start);
      at.line = start + 1;
    } else at.skipToNextLine();
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
