import { describe, expect, it } from 'vitest';
import { planFullPage } from '../../../lib/capture/stitch-plan';
import { stitchFullPage, type CanvasLike, type ImageLike, type StitchDeps } from '../../../lib/capture/stitch';

interface FakeImage extends ImageLike {
  scroll: number;
  closed: boolean;
}
interface Draw {
  image: number;
  args: number[];
}
interface FakeCanvas extends CanvasLike {
  id: number;
  draws: Draw[];
}

function harness(opts: { failures?: string[]; reached?: (y: number) => number; abortAfterTiles?: number } = {}) {
  let clock = 0;
  let scroll = 0;
  const log: string[] = [];
  const captureTimes: number[] = [];
  const canvases: FakeCanvas[] = [];
  const images: FakeImage[] = [];
  const failures = [...(opts.failures ?? [])];
  const controller = new AbortController();
  let tilesDone = 0;
  const deps: StitchDeps<FakeImage, FakeCanvas> = {
    async scrollTo(y) {
      scroll = opts.reached ? opts.reached(y) : y;
      log.push(`scroll ${y}`);
      return scroll;
    },
    async capture() {
      captureTimes.push(clock);
      const failure = failures.shift();
      if (failure) throw new Error(failure);
      return new Uint8Array([scroll % 256]);
    },
    async decode() {
      const img: FakeImage = {
        width: 800,
        height: 1000,
        scroll,
        closed: false,
        close() {
          img.closed = true;
        },
      };
      images.push(img);
      return img;
    },
    createCanvas(width, height) {
      const canvas: FakeCanvas = {
        id: canvases.length,
        width,
        height,
        draws: [],
        getContext: () => ({
          drawImage: (img: never, ...args: number[]) => {
            canvas.draws.push({ image: (img as FakeImage).scroll, args });
          },
        }),
      };
      canvases.push(canvas);
      return canvas;
    },
    async encode(canvas) {
      log.push(`encode ${canvas.id}`);
      return new Uint8Array([100 + canvas.id]);
    },
    restore() {
      log.push('restore');
    },
    async sleep(ms) {
      clock += ms;
    },
    now: () => clock,
    signal: controller.signal,
    onProgress(done) {
      tilesDone = done;
      log.push(`progress ${done}`);
      if (opts.abortAfterTiles !== undefined && done >= opts.abortAfterTiles) controller.abort();
    },
  };
  // Work between captures takes time too: the interval is counted from the previous call.
  const realScroll = deps.scrollTo;
  deps.scrollTo = async (y) => {
    clock += 200;
    return realScroll(y);
  };
  return {
    deps,
    log,
    captureTimes,
    canvases,
    images,
    get tilesDone() {
      return tilesDone;
    },
  };
}

const plan = planFullPage({ pageHeight: 2500, viewportHeight: 1000, viewportWidth: 800, dpr: 1, maxCanvasPx: 1500 });

describe('stitchFullPage', () => {
  it('captures every tile once and draws strips into the right parts', async () => {
    const h = harness();
    const result = await stitchFullPage(plan, h.deps);
    expect(result.tiles).toBe(3);
    expect(result.parts.map((p) => p[0])).toEqual([100, 101]);
    expect(h.captureTimes).toHaveLength(3);
    expect(h.canvases.map((c) => [c.width, c.height])).toEqual([
      [800, 1500],
      [800, 1000],
    ]);
    expect(h.canvases[0]!.draws).toEqual([
      { image: 0, args: [0, 0, 800, 1000, 0, 0, 800, 1000] },
      { image: 1000, args: [0, 0, 800, 500, 0, 1000, 800, 500] },
    ]);
    expect(h.canvases[1]!.draws).toEqual([
      { image: 1000, args: [0, 500, 800, 500, 0, 0, 800, 500] },
      { image: 1500, args: [0, 500, 800, 500, 0, 500, 800, 500] },
    ]);
    expect(h.images.every((i) => i.closed)).toBe(true);
    // Part 1 is encoded as soon as its last tile is drawn, before the next scroll.
    expect(h.log.indexOf('encode 0')).toBeLessThan(h.log.indexOf('scroll 1500'));
    expect(h.log[h.log.length - 1]).toBe('restore');
  });

  it('keeps capture calls at least minIntervalMs apart, counted from the previous call', async () => {
    const h = harness();
    await stitchFullPage(plan, h.deps);
    const gaps = h.captureTimes.slice(1).map((t, i) => t - h.captureTimes[i]!);
    expect(gaps.every((g) => g >= 550)).toBe(true);
    // 200 ms of scrolling already counts toward the 550 ms: no extra fixed sleep.
    expect(gaps).toEqual([550, 550]);
  });

  it('retries a capture refused by the quota, with backoff', async () => {
    const quota = 'This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.';
    const h = harness({ failures: [quota, quota] });
    const result = await stitchFullPage(plan, h.deps);
    expect(result.parts).toHaveLength(2);
    expect(h.captureTimes).toHaveLength(5);
    const [a, b, c] = h.captureTimes;
    expect(c! - b!).toBeGreaterThan(b! - a!);
  });

  it('gives up after 3 retries', async () => {
    const quota = 'MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND';
    const h = harness({ failures: [quota, quota, quota, quota] });
    await expect(stitchFullPage(plan, h.deps)).rejects.toThrow(quota);
    expect(h.captureTimes).toHaveLength(4);
    expect(h.log).toContain('restore');
  });

  it('does not retry other errors and still restores the page', async () => {
    const h = harness({ failures: ['Cannot access contents of url "chrome://settings/"'] });
    await expect(stitchFullPage(plan, h.deps)).rejects.toThrow('chrome://');
    expect(h.captureTimes).toHaveLength(1);
    expect(h.log).toEqual(['scroll 0', 'restore']);
  });

  it('cancels cleanly when aborted', async () => {
    const h = harness({ abortAfterTiles: 1 });
    const error = await stitchFullPage(plan, h.deps).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'cancelled', name: 'AbortError' });
    expect(h.captureTimes).toHaveLength(1);
    expect(h.log[h.log.length - 1]).toBe('restore');
  });

  it('shifts the source strip when the page scrolled less than planned', async () => {
    const short = planFullPage({ pageHeight: 2500, viewportHeight: 1000, viewportWidth: 800, dpr: 1 });
    const h = harness({ reached: (y) => (y === 1500 ? 1400 : y) });
    await stitchFullPage(short, h.deps);
    const lastDraw = h.canvases[0]!.draws[2]!;
    // Rows 2000–2499 sit 100 px lower when the scroll stopped at 1400; the strip is cut at the image edge.
    expect(lastDraw.args.slice(0, 6)).toEqual([0, 600, 800, 400, 0, 2000]);
  });
});
