import { createRequire } from 'node:module';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: string[];
}

/**
 * Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns its violations. The source is
 * evaluated through the debugging protocol, which extension pages' CSP does not block.
 */
export async function axeViolations(page: Page, include?: string): Promise<AxeViolation[]> {
  await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            ctx: unknown,
            opts: unknown,
          ): Promise<{
            violations: {
              id: string;
              impact: string | null;
              help: string;
              nodes: { target: unknown[]; failureSummary?: string }[];
            }[];
          }>;
        };
      }
    ).axe;
    const r = await axe.run(sel ? { include: [sel] } : document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      resultTypes: ['violations'],
    });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.slice(0, 5).map((n) => `${JSON.stringify(n.target)} ${n.failureSummary ?? ''}`),
    }));
  }, include ?? null);
}

/**
 * Elements whose box sticks out to the right of the window (or of `within`), and whether the page
 * scrolls sideways at all. Screen-reader-only boxes (1 px, clipped) do not count.
 */
export async function horizontalOverflow(page: Page, within?: Locator): Promise<string[]> {
  const handle = within ? await within.elementHandle() : null;
  return page.evaluate((root) => {
    const out: string[] = [];
    const doc = document.scrollingElement ?? document.documentElement;
    if (doc.scrollWidth > doc.clientWidth + 1)
      out.push(`page scrolls sideways: ${doc.scrollWidth} > ${doc.clientWidth}`);
    const box = root
      ? (root as Element).getBoundingClientRect()
      : { left: 0, right: document.documentElement.clientWidth };
    if (root && (root as Element).scrollWidth > (root as Element).clientWidth + 1)
      out.push(`container scrolls sideways: ${(root as Element).scrollWidth} > ${(root as Element).clientWidth}`);
    for (const el of (root ?? document.body).querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      if (r.width <= 1 || r.height <= 1) continue;
      if (el.closest('[hidden], dialog:not([open])')) continue;
      if (r.right > box.right + 1 || r.left < box.left - 1) {
        const text = (el.textContent ?? '').trim().slice(0, 40);
        out.push(
          `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ').join('.') : ''} [${Math.round(r.left)}–${Math.round(r.right)} > ${Math.round(box.right)}] "${text}"`,
        );
      }
    }
    return out.slice(0, 10);
  }, handle);
}
