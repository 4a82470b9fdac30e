// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createHost } from '../../../entrypoints/overlay.content/host';
import { createFormFrame, FORM_READY_MS } from '../../../entrypoints/overlay.content/frame';
import { showNotice } from '../../../entrypoints/overlay.content/notice';

vi.mock('../../../lib/platform/adapter', () => ({
  formPageUrl: () => 'moz-extension://uuid/overlay-form.html',
  formFrameOrigin: () => 'moz-extension://uuid',
}));

describe('the form frame gives the button back when the form never loads', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    vi.useRealTimers();
    document.documentElement.querySelectorAll('ita-evidence-overlay').forEach((n) => n.remove());
  });

  function setup() {
    const overlay = createHost(document);
    const fab = document.createElement('button');
    overlay.root.append(fab);
    const failed = vi.fn();
    const frame = createFormFrame(overlay, fab, failed);
    return { overlay, fab, failed, frame };
  }

  it('a form that never reports its layout: the frame goes, the button comes back, the failure is reported', () => {
    const { overlay, fab, failed, frame } = setup();
    frame.show('token', 'Tag this page as evidence');
    expect(fab.hidden).toBe(true);
    expect(overlay.root.querySelector('iframe')).not.toBeNull();
    vi.advanceTimersByTime(FORM_READY_MS - 1);
    expect(failed).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(failed).toHaveBeenCalledOnce();
    expect(fab.hidden).toBe(false);
    expect(overlay.root.querySelector('iframe')).toBeNull();
    expect(frame.isOpen()).toBe(false);
  });

  it('a form that drew itself stays open', () => {
    const { fab, failed, frame } = setup();
    frame.show('token', 'Tag this page as evidence');
    frame.layout('dialog', 400);
    vi.advanceTimersByTime(FORM_READY_MS * 3);
    expect(failed).not.toHaveBeenCalled();
    expect(fab.hidden).toBe(true);
    expect(frame.isOpen()).toBe(true);
  });

  it('a form closed by the officer before it loaded is not a failure', () => {
    const { failed, frame } = setup();
    frame.show('token', 'Tag this page as evidence');
    frame.close();
    vi.advanceTimersByTime(FORM_READY_MS * 2);
    expect(failed).not.toHaveBeenCalled();
  });

  it('the notice is an alert beside the button, and only one at a time', () => {
    const { overlay } = setup();
    showNotice(overlay, 'first');
    const n = showNotice(overlay, 'The tagging form could not open.');
    expect(overlay.root.querySelectorAll('[role=alert]')).toHaveLength(1);
    expect(n.textContent).toBe('The tagging form could not open.');
  });
});
