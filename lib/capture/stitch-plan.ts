/**
 * Full-page capture plan: which scroll positions to capture and which strip of each captured
 * viewport goes where in the output image(s). All inputs in CSS px; rectangles in device px.
 */

const MAX_CANVAS_PX = 16_384;

export interface StitchPlanInput {
  pageHeight: number;
  viewportHeight: number;
  viewportWidth: number;
  dpr: number;
  /** Height (CSS px) of a fixed/sticky band at the top of the viewport; drawn once, from tile 1. */
  fixedTop?: number;
  /** Height (CSS px) of a fixed band at the bottom; drawn once, from the last tile. */
  fixedBottom?: number;
  maxCanvasPx?: number;
}

/** One scroll position and the strip of its viewport image that goes into the full image. */
interface PlanTile {
  index: number;
  /** Scroll position to request, already clamped to [0, pageHeight - viewportHeight]. */
  scrollY: number;
  /** Source strip in the captured viewport image (device px). */
  sy: number;
  sh: number;
  /** Destination y in the full (unsplit) output image (device px). */
  destY: number;
}

/** A draw into one output part: copy (0, sy, widthPx, sh) of tile `tile` to (0, dy). */
interface PartDraw {
  tile: number;
  scrollY: number;
  sy: number;
  sh: number;
  /** Destination y within this part (device px). */
  dy: number;
}

interface PlanPart {
  index: number;
  heightPx: number;
  tiles: PartDraw[];
}

export interface StitchPlan {
  dpr: number;
  viewportHeight: number;
  widthPx: number;
  /** Height of the whole page image before splitting (device px). */
  heightPx: number;
  tiles: PlanTile[];
  parts: PlanPart[];
}

const px = (css: number, dpr: number): number => Math.round(css * dpr);

function usableBands(vh: number, top: number, bottom: number): [number, number] {
  const t = Math.max(0, top);
  const b = Math.max(0, bottom);
  // Bands that leave less than a quarter of the viewport would make the capture crawl (or never
  // advance); ignore them and capture the bands repeatedly instead.
  if (vh - t - b < vh / 4) return [0, 0];
  return [t, b];
}

export function planFullPage(input: StitchPlanInput): StitchPlan {
  const dpr = input.dpr > 0 ? input.dpr : 1;
  const vh = Math.max(1, Math.floor(input.viewportHeight));
  const pageHeight = Math.max(1, Math.ceil(input.pageHeight));
  const maxCanvas = Math.max(1, Math.floor(input.maxCanvasPx ?? MAX_CANVAS_PX));
  const [top, bottom] = usableBands(vh, input.fixedTop ?? 0, input.fixedBottom ?? 0);
  const maxScroll = Math.max(0, pageHeight - vh);

  const tiles: PlanTile[] = [];
  let covered = 0; // page y (CSS px) up to which the output is filled
  while (covered < pageHeight) {
    const first = tiles.length === 0;
    const scrollY = first ? 0 : Math.min(covered - top, maxScroll);
    const last = scrollY >= maxScroll;
    const srcTop = covered - scrollY; // = top, or more when the scroll was clamped
    const srcBottom = Math.min(last ? vh : vh - bottom, pageHeight - scrollY);
    const destY = px(covered, dpr);
    const destEnd = px(scrollY + srcBottom, dpr);
    tiles.push({ index: tiles.length, scrollY, sy: px(srcTop, dpr), sh: destEnd - destY, destY });
    covered = scrollY + srcBottom;
  }

  const heightPx = px(pageHeight, dpr);
  return {
    dpr,
    viewportHeight: vh,
    widthPx: px(input.viewportWidth, dpr),
    heightPx,
    tiles,
    parts: splitParts(tiles, heightPx, maxCanvas),
  };
}

/** Cuts the output into parts no taller than maxCanvas; a tile across a cut is drawn in both. */
function splitParts(tiles: PlanTile[], heightPx: number, maxCanvas: number): PlanPart[] {
  const parts: PlanPart[] = [];
  for (let start = 0, index = 0; start < heightPx; start += maxCanvas, index++) {
    const end = Math.min(heightPx, start + maxCanvas);
    const draws: PartDraw[] = [];
    for (const t of tiles) {
      const from = Math.max(t.destY, start);
      const to = Math.min(t.destY + t.sh, end);
      if (to <= from) continue;
      draws.push({ tile: t.index, scrollY: t.scrollY, sy: t.sy + (from - t.destY), sh: to - from, dy: from - start });
    }
    parts.push({ index, heightPx: end - start, tiles: draws });
  }
  return parts;
}
