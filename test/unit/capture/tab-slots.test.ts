import { describe, expect, it } from 'vitest';
import { TabSlots } from '../../../lib/capture/tab-slots';

describe('one capture per tab', () => {
  it('refuses a second capture on a tab while the first runs, and allows it on another tab', async () => {
    const slots = new TabSlots();
    const first = await slots.acquire(1);
    expect(first).not.toBeNull();
    expect(await slots.acquire(1, 5)).toBeNull();
    expect(await slots.acquire(2)).not.toBeNull();
    slots.release(1, first!);
    expect(await slots.acquire(1)).not.toBeNull();
  });

  it('a Save on a tab whose capture is being cancelled waits for it to end, then runs', async () => {
    const slots = new TabSlots();
    const cancelled = (await slots.acquire(7))!;
    expect(slots.cancel(7)).toBe(true);
    expect(cancelled.signal.aborted).toBe(true);
    const next = slots.acquire(7);
    // The cancelled capture unwinds a moment later.
    setTimeout(() => slots.release(7, cancelled), 20);
    const controller = await next;
    expect(controller).not.toBeNull();
    expect(controller!.signal.aborted).toBe(false);
    expect(slots.cancel(7)).toBe(true); // the new capture holds the tab now
  });

  it('gives up waiting for a cancelled capture that does not end in time', async () => {
    const slots = new TabSlots();
    await slots.acquire(3);
    slots.cancel(3);
    expect(await slots.acquire(3, 20)).toBeNull();
  });

  it('two Saves waiting on the same cancelled capture: one runs, the other is refused', async () => {
    const slots = new TabSlots();
    const cancelled = (await slots.acquire(4))!;
    slots.cancel(4);
    const waiting = [slots.acquire(4), slots.acquire(4)];
    slots.release(4, cancelled);
    const got = await Promise.all(waiting);
    expect(got.filter((c) => c !== null)).toHaveLength(1);
  });

  it('a release by a capture that no longer holds the tab changes nothing', async () => {
    const slots = new TabSlots();
    const stale = new AbortController();
    const holder = (await slots.acquire(5))!;
    slots.release(5, stale);
    expect(await slots.acquire(5, 5)).toBeNull();
    slots.release(5, holder);
    expect(slots.cancel(5)).toBe(false);
  });
});
