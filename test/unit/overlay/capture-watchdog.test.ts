// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { handlePageMessage, type PageContext } from '../../../entrypoints/overlay.content/page-commands';
import type { OverlayHost } from '../../../entrypoints/overlay.content/host';
import type { FormFrame } from '../../../entrypoints/overlay.content/frame';

/**
 * A capture that stops halfway (the worker killed during a full-page capture, the tab lost) leaves
 * the page scrolled wherever the tiles were and the overlay hidden. The overlay's watchdog puts
 * both back once the background has been silent for a while.
 */
describe('an interrupted capture gives the page back', () => {
  let scrollY = 0;
  let scrollTo: ReturnType<typeof vi.fn>;
  let ctx: PageContext;
  let setHidden: ReturnType<typeof vi.fn>;
  const send = (type: string) => handlePageMessage({ type, payload: {} }, ctx);

  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'Date'] });
    scrollY = 300;
    Object.defineProperty(window, 'scrollY', { configurable: true, get: () => scrollY });
    scrollTo = vi.fn((o: ScrollToOptions) => {
      scrollY = o.top ?? scrollY;
    });
    window.scrollTo = scrollTo as unknown as typeof window.scrollTo;
    setHidden = vi.fn();
    ctx = {
      overlay: { host: document.createElement('div'), setHidden } as unknown as OverlayHost,
      frame: { check: () => null } as unknown as FormFrame,
      pickHint: document.createElement('div'),
      onCancelKey: () => undefined,
    };
    globalThis.__itaEvidencePage = {
      gather: () => ({ facts: {} as never, summary: {} as never }),
      pick: () => Promise.reject(new Error('no')),
    };
  });
  afterEach(() => {
    void send('page/unfreeze');
    vi.useRealTimers();
    delete globalThis.__itaEvidencePage;
  });

  async function freezeAndScrollAway() {
    const frozen = send('page/freeze');
    await vi.advanceTimersByTimeAsync(20);
    await frozen;
    expect(setHidden).toHaveBeenLastCalledWith(true);
    scrollY = 4200; // the full-page pass went down the page, then nothing more came
    scrollTo.mockClear();
  }

  it('restores the scroll position and shows the overlay once the background has been silent 8 s', async () => {
    await freezeAndScrollAway();
    await vi.advanceTimersByTimeAsync(7_900);
    expect(scrollTo).not.toHaveBeenCalled();
    expect(setHidden).toHaveBeenLastCalledWith(true);
    await vi.advanceTimersByTimeAsync(200);
    expect(scrollTo).toHaveBeenCalledWith(expect.objectContaining({ top: 300 }));
    expect(scrollY).toBe(300);
    expect(setHidden).toHaveBeenLastCalledWith(false);
  });

  it('every command from the background keeps a running capture alive', async () => {
    await freezeAndScrollAway();
    for (let i = 0; i < 5; i++) {
      await vi.advanceTimersByTimeAsync(6_000);
      await send('page/check-frame');
    }
    expect(scrollTo).not.toHaveBeenCalled();
    expect(setHidden).toHaveBeenLastCalledWith(true);
    await vi.advanceTimersByTimeAsync(8_100);
    expect(scrollY).toBe(300);
    expect(setHidden).toHaveBeenLastCalledWith(false);
  });

  it('a capture that ends normally leaves the scroll where the background put it', async () => {
    await freezeAndScrollAway();
    await send('page/unfreeze');
    expect(setHidden).toHaveBeenLastCalledWith(false);
    await vi.advanceTimersByTimeAsync(20_000);
    expect(scrollTo).not.toHaveBeenCalled();
  });
});
