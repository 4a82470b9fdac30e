/**
 * Executes a StitchPlan with injected effects (scroll, captureVisibleTab, decode, canvas, encode,
 * clock), so it runs unchanged with fakes in Node tests and with OffscreenCanvas in the extension.
 */
import type { StitchPlan } from './stitch-plan';

/** What drawImage needs from a decoded capture; ImageBitmap satisfies it. */
export interface ImageLike {
  readonly width: number;
  readonly height: number;
  close?(): void;
}

interface Canvas2DLike {
  drawImage(
    img: never,
    sx: number,
    sy: number,
    sw: number,
    sh: number,
    dx: number,
    dy: number,
    dw: number,
    dh: number,
  ): void;
}

/** OffscreenCanvas satisfies it. */
export interface CanvasLike {
  readonly width: number;
  readonly height: number;
  getContext(contextId: '2d'): Canvas2DLike | null;
}

export interface StitchDeps<I extends ImageLike = ImageLike, C extends CanvasLike = CanvasLike> {
  /** Scrolls the page; may resolve with the scroll position actually reached. */
  scrollTo(y: number): Promise<number | void>;
  /** One captureVisibleTab call: PNG bytes of the visible viewport. */
  capture(): Promise<Uint8Array>;
  decode(png: Uint8Array): Promise<I>;
  createCanvas(width: number, height: number): C;
  encode(canvas: C): Promise<Uint8Array>;
  /** Puts the page back as it was (scroll position, hidden fixed elements). Always called. */
  restore(): Promise<void> | void;
  sleep(ms: number): Promise<void>;
  now(): number;
  signal?: AbortSignal;
  onProgress?(done: number, total: number): void;
  /** Minimum time between the starts of two capture calls (Chrome allows 2 per second). */
  minIntervalMs?: number;
  /** Pause after each scroll so that lazy content and sticky headers settle. */
  settleMs?: number;
  /** Retries of a capture refused by the quota. */
  maxRetries?: number;
}

export interface StitchResult {
  parts: Uint8Array[];
  tiles: number;
}

const QUOTA_ERROR_MARK = 'MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND';

export class CaptureCancelledError extends Error {
  readonly code = 'cancelled';
  constructor() {
    super('Capture cancelled');
    this.name = 'AbortError';
  }
}

export function isQuotaError(err: unknown): boolean {
  const message = err instanceof Error ? err.message : String(err);
  return message.includes(QUOTA_ERROR_MARK);
}

export async function stitchFullPage<I extends ImageLike, C extends CanvasLike>(
  plan: StitchPlan,
  deps: StitchDeps<I, C>,
): Promise<StitchResult> {
  const minInterval = deps.minIntervalMs ?? 550;
  const settle = deps.settleMs ?? 0;
  const maxRetries = deps.maxRetries ?? 3;
  const checkAbort = (): void => {
    if (deps.signal?.aborted) throw new CaptureCancelledError();
  };
  let lastCallAt = Number.NEGATIVE_INFINITY;

  const throttledCapture = async (): Promise<Uint8Array> => {
    for (let attempt = 0; ; attempt++) {
      const wait = lastCallAt + minInterval - deps.now();
      if (wait > 0) await deps.sleep(wait);
      checkAbort();
      lastCallAt = deps.now();
      try {
        return await deps.capture();
      } catch (err) {
        if (!isQuotaError(err) || attempt >= maxRetries) throw err;
        await deps.sleep(minInterval * 2 ** attempt); // backoff on top of the interval
        checkAbort();
      }
    }
  };

  const canvases = new Map<number, C>();
  const encoded: Uint8Array[] = [];
  const lastTileOfPart = plan.parts.map((p) => Math.max(-1, ...p.tiles.map((d) => d.tile)));
  try {
    checkAbort();
    for (const tile of plan.tiles) {
      const reached = await deps.scrollTo(tile.scrollY);
      if (settle > 0) await deps.sleep(settle);
      checkAbort();
      const image = await deps.decode(await throttledCapture());
      checkAbort();
      // Where the page did not scroll as far as planned, its content sits lower in the viewport.
      const shift = typeof reached === 'number' ? Math.round((tile.scrollY - reached) * plan.dpr) : 0;
      try {
        for (const part of plan.parts) {
          for (const draw of part.tiles) {
            if (draw.tile !== tile.index) continue;
            let canvas = canvases.get(part.index);
            if (!canvas) {
              canvas = deps.createCanvas(plan.widthPx, part.heightPx);
              canvases.set(part.index, canvas);
            }
            drawStrip(canvas, image, plan.widthPx, draw.sy + shift, draw.sh, draw.dy);
          }
        }
      } finally {
        image.close?.();
      }
      for (const part of plan.parts) {
        const canvas = canvases.get(part.index);
        if (canvas && lastTileOfPart[part.index] === tile.index) {
          encoded[part.index] = await deps.encode(canvas);
          canvases.delete(part.index);
        }
      }
      deps.onProgress?.(tile.index + 1, plan.tiles.length);
    }
    return { parts: encoded.filter((p): p is Uint8Array => p !== undefined), tiles: plan.tiles.length };
  } finally {
    await deps.restore();
  }
}

/** Copies a strip 1:1, clamped to the image (rounding at fractional DPRs can overshoot by 1 px). */
function drawStrip(canvas: CanvasLike, image: ImageLike, width: number, sy: number, sh: number, dy: number): void {
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('2D canvas context unavailable');
  const top = Math.max(0, Math.min(sy, image.height));
  const height = Math.min(sh - (top - sy), image.height - top);
  const w = Math.min(width, image.width);
  if (height <= 0 || w <= 0) return;
  ctx.drawImage(image as never, 0, top, w, height, 0, dy + (top - sy), w, height);
}
