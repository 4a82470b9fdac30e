import { describe, expect, it } from 'vitest';
import { planFullPage, type StitchPlan } from '../../../lib/capture/stitch-plan';

/** Replays the plan: which page row (CSS px at dpr 1) ends up at each output row. */
function rowsCovered(plan: StitchPlan): number[] {
  const out: number[] = [];
  for (const t of plan.tiles) for (let k = 0; k < t.sh; k++) out[t.destY + k] = t.scrollY + t.sy + k;
  return out;
}

describe('planFullPage', () => {
  it('tiles an exact multiple of the viewport without overlap', () => {
    const plan = planFullPage({ pageHeight: 3000, viewportHeight: 1000, viewportWidth: 1280, dpr: 1 });
    expect(plan.tiles.map((t) => t.scrollY)).toEqual([0, 1000, 2000]);
    expect(plan.tiles.map((t) => [t.sy, t.sh, t.destY])).toEqual([
      [0, 1000, 0],
      [0, 1000, 1000],
      [0, 1000, 2000],
    ]);
    expect(plan.widthPx).toBe(1280);
    expect(plan.parts).toHaveLength(1);
  });

  it('takes the remainder from the clamped last scroll position', () => {
    const plan = planFullPage({ pageHeight: 2500, viewportHeight: 1000, viewportWidth: 800, dpr: 1 });
    expect(plan.tiles.map((t) => t.scrollY)).toEqual([0, 1000, 1500]);
    const last = plan.tiles[2]!;
    // Scroll clamps at 1500; rows 2000–2499 sit at viewport y 500–999.
    expect([last.sy, last.sh, last.destY]).toEqual([500, 500, 2000]);
    const rows = rowsCovered(plan);
    expect(rows).toHaveLength(2500);
    expect(rows.every((r, i) => r === i)).toBe(true);
  });

  it('scales rectangles to device pixels', () => {
    const plan = planFullPage({ pageHeight: 2500, viewportHeight: 1000, viewportWidth: 800, dpr: 2 });
    expect(plan.widthPx).toBe(1600);
    expect(plan.heightPx).toBe(5000);
    expect(plan.tiles.map((t) => [t.sy, t.sh, t.destY])).toEqual([
      [0, 2000, 0],
      [0, 2000, 2000],
      [1000, 1000, 4000],
    ]);
  });

  it('draws a fixed header once', () => {
    const plan = planFullPage({ pageHeight: 2500, viewportHeight: 1000, viewportWidth: 800, dpr: 1, fixedTop: 100 });
    expect(plan.tiles[0]).toMatchObject({ scrollY: 0, sy: 0, sh: 1000, destY: 0 });
    // Later tiles skip the 100 px band: page row 1000 shows at viewport y 100 when scrolled to 900.
    expect(plan.tiles[1]).toMatchObject({ scrollY: 900, sy: 100, sh: 900, destY: 1000 });
    expect(plan.tiles.slice(1).every((t) => t.sy >= 100)).toBe(true);
    const rows = rowsCovered(plan);
    expect(rows).toHaveLength(2500);
    expect(rows.every((r, i) => r === i)).toBe(true);
  });

  it('draws a fixed footer once, from the last tile', () => {
    const plan = planFullPage({ pageHeight: 3000, viewportHeight: 1000, viewportWidth: 800, dpr: 1, fixedBottom: 50 });
    const last = plan.tiles[plan.tiles.length - 1]!;
    for (const t of plan.tiles.slice(0, -1)) expect(t.sy + t.sh).toBeLessThanOrEqual(950);
    expect(last.sy + last.sh).toBe(1000);
    expect(last.scrollY).toBe(2000);
    const rows = rowsCovered(plan);
    expect(rows).toHaveLength(3000);
    expect(rows.every((r, i) => r === i)).toBe(true);
  });

  it('handles header and footer together', () => {
    const plan = planFullPage({
      pageHeight: 5000,
      viewportHeight: 800,
      viewportWidth: 800,
      dpr: 1,
      fixedTop: 60,
      fixedBottom: 40,
    });
    const rows = rowsCovered(plan);
    expect(rows.every((r, i) => r === i)).toBe(true);
    expect(rows).toHaveLength(5000);
    for (const t of plan.tiles.slice(1)) expect(t.sy).toBeGreaterThanOrEqual(60);
  });

  it('ignores bands that would leave almost no room', () => {
    const plan = planFullPage({ pageHeight: 3000, viewportHeight: 1000, viewportWidth: 800, dpr: 1, fixedTop: 900 });
    expect(plan.tiles).toHaveLength(3);
  });

  it('captures a page shorter than the viewport in one tile', () => {
    const plan = planFullPage({ pageHeight: 600, viewportHeight: 1000, viewportWidth: 800, dpr: 1, fixedTop: 80 });
    expect(plan.tiles).toEqual([{ index: 0, scrollY: 0, sy: 0, sh: 600, destY: 0 }]);
    expect(plan.parts).toEqual([{ index: 0, heightPx: 600, tiles: [{ tile: 0, scrollY: 0, sy: 0, sh: 600, dy: 0 }] }]);
  });

  it('splits a 30,000 px page into 2 parts at dpr 1 and 4 at dpr 2', () => {
    const one = planFullPage({ pageHeight: 30_000, viewportHeight: 900, viewportWidth: 1280, dpr: 1 });
    expect(one.parts.map((p) => p.heightPx)).toEqual([16_384, 13_616]);
    const two = planFullPage({ pageHeight: 30_000, viewportHeight: 900, viewportWidth: 1280, dpr: 2 });
    expect(two.parts.map((p) => p.heightPx)).toEqual([16_384, 16_384, 16_384, 10_848]);
    for (const plan of [one, two]) {
      for (const part of plan.parts) {
        expect(part.heightPx).toBeLessThanOrEqual(16_384);
        // The part is filled exactly, with no gaps or overlaps.
        const filled = part.tiles.reduce((sum, d) => sum + d.sh, 0);
        expect(filled).toBe(part.heightPx);
        for (const d of part.tiles) expect(d.dy + d.sh).toBeLessThanOrEqual(part.heightPx);
      }
    }
  });

  it('draws a tile that straddles a cut into both parts', () => {
    const plan = planFullPage({
      pageHeight: 2500,
      viewportHeight: 1000,
      viewportWidth: 800,
      dpr: 1,
      maxCanvasPx: 1500,
    });
    expect(plan.parts.map((p) => p.heightPx)).toEqual([1500, 1000]);
    expect(plan.parts[0]!.tiles).toEqual([
      { tile: 0, scrollY: 0, sy: 0, sh: 1000, dy: 0 },
      { tile: 1, scrollY: 1000, sy: 0, sh: 500, dy: 1000 },
    ]);
    expect(plan.parts[1]!.tiles[0]).toEqual({ tile: 1, scrollY: 1000, sy: 500, sh: 500, dy: 0 });
  });

  it('leaves no gaps at a fractional device pixel ratio', () => {
    const plan = planFullPage({ pageHeight: 4321, viewportHeight: 777, viewportWidth: 800, dpr: 1.25, fixedTop: 33 });
    let y = 0;
    for (const t of plan.tiles) {
      expect(t.destY).toBe(y);
      y += t.sh;
    }
    expect(y).toBe(plan.heightPx);
  });
});
