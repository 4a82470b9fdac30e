// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RESULTS_PAGE, ResultsTable } from '../../../components/verify/ResultsTable';
import { sortForTable } from '../../../components/verify/verdict';
import type { VerifyResult } from '../../../lib/verify/types';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

function result(i: number, ok: boolean, criterion = 'O9'): VerifyResult {
  return {
    key: `ev-${String(i).padStart(4, '0')}`,
    url: `https://example.go.th/p/${i}`,
    criterion,
    evidenceId: `ev-${i}`,
    kind: 'page',
    checkedAt: '2026-11-29T03:00:00.000Z',
    ok,
    status: ok ? 200 : 404,
    finalUrl: null,
    redirects: [],
    problems: ok ? [] : ['broken'],
    similarity: null,
    linkPath: null,
    details: {},
  };
}

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
});

const bodyRows = () => [...host.querySelectorAll('tbody tr')];
const button = (name: string) => [...host.querySelectorAll('button')].find((b) => b.textContent === name);

describe('sortForTable', () => {
  it('puts what needs attention first, then orders by item code and key', () => {
    const rows = [result(1, true, 'O10'), result(2, false, 'O10'), result(3, true, 'O2'), result(4, false, 'O3')];
    expect(sortForTable(rows).map((r) => r.key)).toEqual(['ev-0004', 'ev-0002', 'ev-0003', 'ev-0001']);
  });
});

describe('ResultsTable', () => {
  it('draws one page of rows, problems first, and adds a page per "show more"', () => {
    const results = Array.from({ length: 2 * RESULTS_PAGE + 50 }, (_, i) => result(i, i % 10 !== 7));
    act(() => root.render(<ResultsTable results={results} />));
    expect(bodyRows()).toHaveLength(RESULTS_PAGE);
    // 25 of the 250 need attention, and all of them are on the first page.
    expect(
      bodyRows()
        .slice(0, 25)
        .every((tr) => tr.textContent?.includes('ต้องแก้ไข')),
    ).toBe(true);
    expect(bodyRows()[25]?.textContent).toContain('ลิงก์ใช้ได้');
    expect(host.textContent).toContain(`แสดง ${RESULTS_PAGE} จาก 250 รายการ`);

    act(() => button(`แสดงเพิ่มอีก ${RESULTS_PAGE} รายการ`)!.click());
    expect(bodyRows()).toHaveLength(2 * RESULTS_PAGE);
    act(() => button('แสดงเพิ่มอีก 50 รายการ')!.click());
    expect(bodyRows()).toHaveLength(250);
    expect(host.querySelectorAll('button')).toHaveLength(0);
    expect(host.textContent).toContain('แสดง 250 จาก 250 รายการ');
  });

  it('keeps its page when new results arrive, and redraws only the rows whose check changed', () => {
    const first = Array.from({ length: 150 }, (_, i) => result(i, true));
    act(() => root.render(<ResultsTable results={first} />));
    act(() => button('แสดงเพิ่มอีก 50 รายการ')!.click());
    const before = bodyRows();
    expect(before).toHaveLength(150);
    // A re-read brings new objects for the same checks, and one row checked again (now broken).
    const again = first.map((r) => ({ ...r }));
    again[149] = { ...result(149, false), checkedAt: '2026-11-29T04:00:00.000Z' };
    act(() => root.render(<ResultsTable results={[...again, result(150, true)]} />));
    const after = bodyRows();
    expect(after).toHaveLength(151); // the page grew to 200 rows when "show more" was pressed
    expect(after[0]?.textContent).toContain('example.go.th/p/149');
    expect(after[0]?.textContent).toContain('ต้องแก้ไข');
    // Same DOM nodes for unchanged rows: React kept them.
    expect(after[1]).toBe(before[0]);
  });
});
