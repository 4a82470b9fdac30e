// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { RecordBoundary } from '../../../components/RecordBoundary';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let host: HTMLDivElement;
let root: Root;
beforeEach(() => {
  host = document.createElement('div');
  document.body.append(host);
  root = createRoot(host);
  vi.spyOn(console, 'error').mockImplementation(() => {});
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});
afterEach(() => {
  act(() => root.unmount());
  host.remove();
  vi.restoreAllMocks();
});

/** A row of the re-verify table as it renders a stored result: a result missing its fields throws. */
function Row({ result }: { result: { key: string; problems?: string[] } }) {
  return (
    <li>
      {result.key}: {result.problems!.join(', ')}
    </li>
  );
}

describe('RecordBoundary', () => {
  it('shows a damaged record as damaged while the records around it stay on screen', () => {
    const results = [{ key: 'ev1', problems: ['drifted'] }, { key: 'ev2' }, { key: 'ev3', problems: [] }];
    act(() =>
      root.render(
        <ul>
          {results.map((r) => (
            <RecordBoundary key={r.key} fallback={<li role="alert">damaged: {r.key}</li>}>
              <Row result={r} />
            </RecordBoundary>
          ))}
        </ul>,
      ),
    );
    expect([...host.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
      'ev1: drifted',
      'damaged: ev2',
      'ev3: ',
    ]);
    expect(host.querySelector('[role=alert]')?.textContent).toBe('damaged: ev2');
  });
});
