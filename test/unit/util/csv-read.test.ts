import { describe, expect, it } from 'vitest';
import { readCsvRows } from '../../../lib/util/csv-read';

describe('CSV reader (RFC 4180)', () => {
  it('reads quoted commas, doubled quotes and line breaks inside quotes, with the line each record starts on', () => {
    const r = readCsvRows(
      '\uFEFFcriterion,url\r\nO1,"https://a.example/?x=1,2"\r\n"O2","say ""hi""\nsecond line"\r\nO3,https://c.example/\r\n',
    );
    expect(r.skipped).toEqual([]);
    expect(r.rows).toEqual([
      { line: 1, cells: ['criterion', 'url'] },
      { line: 2, cells: ['O1', 'https://a.example/?x=1,2'] },
      { line: 3, cells: ['O2', 'say "hi"\nsecond line'] },
      { line: 5, cells: ['O3', 'https://c.example/'] },
    ]);
  });

  it('ends records at CR alone (old Mac, some Excel exports), LF or CRLF, and skips blank lines', () => {
    const r = readCsvRows('a,b\rc,d\r\re,f\ng,h\r\n');
    expect(r.rows.map((x) => [x.line, x.cells.join('|')])).toEqual([
      [1, 'a|b'],
      [2, 'c|d'],
      [4, 'e|f'],
      [5, 'g|h'],
    ]);
  });

  it('reports a record it cannot read with its line, and goes on with the next line', () => {
    const r = readCsvRows('a,b\n"x"y,z\nc,d\n"open,1\ne,f\n');
    expect(r.skipped).toEqual([
      { line: 2, reason: 'text-after-quote' },
      { line: 4, reason: 'unclosed-quote' },
    ]);
    expect(r.rows.map((x) => x.cells.join('|'))).toEqual(['a|b', 'c|d', 'e|f']);
  });

  it('keeps empty cells', () => {
    expect(readCsvRows('a,,b,\n,\n').rows.map((x) => x.cells)).toEqual([
      ['a', '', 'b', ''],
      ['', ''],
    ]);
  });
});
