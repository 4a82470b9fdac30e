/**
 * One capture per tab at a time. A capture being cancelled (its tab navigated away, or Escape)
 * still has a moment of work to unwind; a new Save on that tab waits for it, briefly, instead of
 * being refused. A capture that is still running is never interrupted: the new one is refused.
 */
export class TabSlots {
  private readonly slots = new Map<number, { controller: AbortController; ended: Promise<void>; end(): void }>();

  /** The new capture's controller, or null when the tab is busy (a capture runs, or a cancelled one did not end in time). */
  async acquire(tabId: number, waitMs = 10_000): Promise<AbortController | null> {
    const current = this.slots.get(tabId);
    if (current) {
      if (!current.controller.signal.aborted) return null;
      if (!(await endsWithin(current.ended, waitMs))) return null;
      if (this.slots.has(tabId)) return null; // another Save took the tab while this one waited
    }
    let end!: () => void;
    const ended = new Promise<void>((resolve) => (end = resolve));
    const controller = new AbortController();
    this.slots.set(tabId, { controller, ended, end });
    return controller;
  }

  release(tabId: number, controller: AbortController): void {
    const slot = this.slots.get(tabId);
    if (slot?.controller !== controller) return;
    this.slots.delete(tabId);
    slot.end();
  }

  /** Cancels the tab's capture; whether there was one. */
  cancel(tabId: number): boolean {
    const slot = this.slots.get(tabId);
    slot?.controller.abort();
    return !!slot;
  }
}

async function endsWithin(ended: Promise<void>, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<false>((resolve) => (timer = setTimeout(() => resolve(false), ms)));
  try {
    return await Promise.race([ended.then(() => true as const), late]);
  } finally {
    clearTimeout(timer);
  }
}
