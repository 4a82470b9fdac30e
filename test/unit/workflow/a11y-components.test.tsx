// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { act, useState } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { UndoToast, TOAST_MS } from '../../../components/UndoToast';
import { PanelTabs, nextTabIndex } from '../../../components/PanelTabs';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

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
  vi.useRealTimers();
});

describe('UndoToast', () => {
  it('stays 20 s, and the countdown pauses while hovered or focused', () => {
    vi.useFakeTimers();
    const onDismiss = vi.fn();
    act(() => root.render(<UndoToast text="Evidence deleted" onUndo={() => {}} onDismiss={onDismiss} />));
    expect(TOAST_MS).toBe(20_000);
    act(() => vi.advanceTimersByTime(TOAST_MS - 1_000));
    expect(onDismiss).not.toHaveBeenCalled();

    const toast = host.querySelector<HTMLElement>('[role=status]')!;
    act(() => toast.dispatchEvent(new MouseEvent('mouseover', { bubbles: true, relatedTarget: document.body })));
    act(() => vi.advanceTimersByTime(60_000));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => toast.dispatchEvent(new MouseEvent('mouseout', { bubbles: true, relatedTarget: document.body })));

    const undo = host.querySelector<HTMLButtonElement>('button')!;
    act(() => undo.focus());
    act(() => vi.advanceTimersByTime(60_000));
    expect(onDismiss).not.toHaveBeenCalled();
    act(() => undo.blur());
    act(() => vi.advanceTimersByTime(60_000));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });

  it('dismisses itself when left alone', () => {
    vi.useFakeTimers();
    const onDismiss = vi.fn();
    act(() => root.render(<UndoToast text="x" onDismiss={onDismiss} />));
    act(() => vi.advanceTimersByTime(TOAST_MS));
    expect(onDismiss).toHaveBeenCalledTimes(1);
  });
});

describe('PanelTabs', () => {
  it('moves with Left/Right (wrapping), Home and End', () => {
    expect(nextTabIndex('ArrowRight', 0, 5)).toBe(1);
    expect(nextTabIndex('ArrowRight', 4, 5)).toBe(0);
    expect(nextTabIndex('ArrowLeft', 0, 5)).toBe(4);
    expect(nextTabIndex('Home', 3, 5)).toBe(0);
    expect(nextTabIndex('End', 1, 5)).toBe(4);
    expect(nextTabIndex('Enter', 1, 5)).toBeNull();
  });

  function Harness() {
    const [tab, setTab] = useState<'a' | 'b' | 'c'>('a');
    return (
      <PanelTabs<'a' | 'b' | 'c'>
        tabs={[
          { id: 'a', label: 'A' },
          { id: 'b', label: 'B' },
          { id: 'c', label: 'C' },
        ]}
        selected={tab}
        onSelect={setTab}
        label="Sections"
      >
        <p>content {tab}</p>
      </PanelTabs>
    );
  }

  it('links tabs and panels, keeps one tab stop, and selects with the arrow keys', () => {
    act(() => root.render(<Harness />));
    const list = host.querySelector('[role=tablist]')!;
    expect(list.getAttribute('aria-label')).toBe('Sections');
    const tabs = [...list.querySelectorAll<HTMLButtonElement>('[role=tab]')];
    expect(list.children).toHaveLength(3); // nothing but tabs inside the tablist
    for (const tab of tabs) {
      const panel = document.getElementById(tab.getAttribute('aria-controls')!)!;
      expect(panel.getAttribute('role')).toBe('tabpanel');
      expect(panel.getAttribute('aria-labelledby')).toBe(tab.id);
    }
    expect(tabs.map((t) => t.tabIndex)).toEqual([0, -1, -1]);

    act(() => tabs[0]!.focus());
    act(() => tabs[0]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowLeft', bubbles: true })));
    expect(tabs.map((t) => t.getAttribute('aria-selected'))).toEqual(['false', 'false', 'true']);
    expect(document.activeElement).toBe(tabs[2]);
    expect(tabs.map((t) => t.tabIndex)).toEqual([-1, -1, 0]);
    const visible = [...host.querySelectorAll<HTMLElement>('[role=tabpanel]')].filter((p) => !p.hidden);
    expect(visible).toHaveLength(1);
    expect(visible[0]!.textContent).toBe('content c');
    expect(visible[0]!.getAttribute('aria-labelledby')).toBe(tabs[2]!.id);

    act(() => tabs[2]!.dispatchEvent(new KeyboardEvent('keydown', { key: 'Home', bubbles: true })));
    expect(document.activeElement).toBe(tabs[0]);
    expect(tabs[0]!.getAttribute('aria-selected')).toBe('true');
  });
});
