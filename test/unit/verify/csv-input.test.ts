import { describe, expect, it } from 'vitest';
import { readCsv, skippedText } from '../../../lib/verify/inputs';

describe('verify input: CSV (RFC 4180) with every skipped row reported', () => {
  it('reads quoted line breaks and CR-only line ends, and reports what it skips with the line number', () => {
    const csv =
      'criterion,url\r' +
      'O1,https://a.example/1\r' +
      '"O2","https://a.example/2"\r' +
      '"O3 with a\rline break",https://a.example/3\r' +
      'O4,javascript:alert(1)\r' +
      'O5,not a link\r' +
      '"O6,https://a.example/6\r' +
      'O7,https://a.example/7\r';
    const r = readCsv(csv);
    expect(r.targets.map((t) => [t.key, t.criterion, t.url])).toEqual([
      ['line-2', 'O1', 'https://a.example/1'],
      ['line-3', 'O2', 'https://a.example/2'],
      ['line-4', 'O3 with a\rline break', 'https://a.example/3'],
      ['line-9', 'O7', 'https://a.example/7'],
    ]);
    expect(r.skipped).toEqual([
      { line: 6, reason: 'not-http' },
      { line: 7, reason: 'no-url' },
      { line: 8, reason: 'unclosed-quote' },
    ]);
    expect(skippedText(r.skipped![0]!, 'th')).toBe('ข้ามบรรทัด 6: ลิงก์ไม่ได้ขึ้นต้นด้วย http:// หรือ https://');
    expect(skippedText(r.skipped![2]!, 'en')).toBe('skipped line 8: a quote is not closed');
  });
});
