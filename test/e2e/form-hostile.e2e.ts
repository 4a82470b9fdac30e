import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { REATTACH_DELAYS_MS } from '../../entrypoints/overlay.content/host';
import { blobBase64, near, pngPixels } from './pixels';
import {
  chooseItems,
  dbAll,
  endSession,
  openTagForm,
  saveAndWait,
  startSession,
  tagForm,
  tagStatus,
  type Session,
} from './harness';

/** Pages served by the test: each script attacks the overlay or the form in one way. */
const PAGES: Record<string, string> = {
  // Tries to read and steer the form from capture-phase key handlers, and logs every key it sees.
  '/hostile/steer.html': `<h1>ประกาศจัดซื้อจัดจ้าง</h1><p>หน้าทดสอบ</p><script>
    window.__keys = []; window.__reached = false;
    for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input']) {
      window.addEventListener(type, (e) => window.__keys.push(type + ':' + (e.key || e.data || '')), true);
      document.addEventListener(type, (e) => window.__keys.push(type + ':' + (e.key || e.data || '')), true);
    }
    setInterval(() => {
      const frame = document.querySelector('ita-evidence-overlay')?.shadowRoot?.querySelector('iframe');
      try {
        const box = frame && frame.contentDocument && frame.contentDocument.querySelector('[role=combobox], textarea');
        if (box) { window.__reached = true; box.value = 'O22'; }
      } catch { /* cross-origin: nothing to reach */ }
      const el = document.activeElement;
      if (el && typeof el.setRangeText === 'function') { try { el.setRangeText('INJECTED'); } catch {} }
    }, 30);
  </script>`,
  // Removes the overlay host whenever it is added.
  '/hostile/remover.html': `<h1>หน้าที่ลบปุ่ม</h1><script>
    window.__removed = 0;
    new MutationObserver(() => {
      for (const el of document.querySelectorAll('ita-evidence-overlay')) { el.remove(); window.__removed++; }
    }).observe(document.documentElement, { childList: true });
  </script>`,
  // Swaps its content (and paints itself red) as soon as anything of the overlay changes.
  '/hostile/swap.html': `<style>body { background: #ffffff; margin: 0; } body.swapped { background: #ff0000; }</style>
    <h1 id="h">ORIGINAL HEADING ข่าวประชาสัมพันธ์</h1><p style="height: 600px">เนื้อหาเดิม</p><script>
    window.__swaps = 0;
    const swap = () => { document.getElementById('h').textContent = 'SWAPPED'; document.body.className = 'swapped'; window.__swaps++; };
    const watched = new WeakSet();
    setInterval(() => {
      const host = document.querySelector('ita-evidence-overlay');
      if (!host || watched.has(host)) return;
      watched.add(host);
      new MutationObserver(swap).observe(host, { attributes: true });
    }, 10);
  </script>`,
  // Marks its own content the way the overlay used to be marked.
  '/hostile/marked.html': `<h1>ข้อมูลผู้บริหาร</h1><p data-ita-evidence="">นายกเทศมนตรี นายทดสอบ ใจดี</p><div data-ita-evidence><p>รองนายกเทศมนตรี นางสาวตัวอย่าง</p></div>`,
  '/hostile/plain.html': `<h1>ประกาศ</h1><p>หน้าทดสอบธรรมดา</p>`,
};

const page = (body: string) =>
  `<!DOCTYPE html><html lang="th"><head><meta charset="utf-8"><title>หน้าทดสอบ</title></head><body>${body}</body></html>`;

describe('a hostile page cannot read, steer or hide the tagging form (issue 12)', () => {
  let s: Session;
  const latest = async (suffix: string) =>
    (await dbAll<EvidenceRecord>(s.ext, 'evidence'))
      .filter((r) => r.url.endsWith(suffix))
      .sort((a, b) => a.capturedAt.localeCompare(b.capturedAt))
      .at(-1);

  beforeAll(async () => {
    s = await startSession({
      prepare: (site) => {
        for (const [p, body] of Object.entries(PAGES)) {
          site.setOverride(p, (_req, res) => {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end(page(body));
          });
        }
      },
    });
  });
  afterAll(async () => {
    await endSession(s);
  });

  const open = async (path: string): Promise<Page> => {
    const p = await s.h.ctx.newPage();
    await p.goto(`${s.site.url}${path.slice(1)}`);
    return p;
  };

  it('a page steering the combobox and the note from its key handlers changes nothing, and its key logger sees nothing', async () => {
    const p = await open('/hostile/steer.html');
    const dialog = await openTagForm(p);
    await chooseItems(dialog, []);
    const combo = dialog.getByRole('combobox', { name: 'Criterion' });
    await combo.click();
    await p.keyboard.type('O5');
    await p.keyboard.press('Enter');
    await dialog.getByRole('textbox', { name: 'Note' }).click();
    await p.keyboard.type('ข้อความจริง note');
    expect(await saveAndWait(p, dialog)).toMatch(/Evidence saved as O5/);
    const rec = (await latest('/hostile/steer.html'))!;
    expect(rec.criteria).toEqual(['O5']);
    expect(rec.note).toBe('ข้อความจริง note');
    expect(await p.evaluate(() => (window as unknown as { __reached: boolean }).__reached)).toBe(false);
    expect(await p.evaluate(() => (window as unknown as { __keys: string[] }).__keys)).toEqual([]);
    await p.close();
  });

  it("a website framing the form page itself gets an empty page: the form needs the background's one-time token", async () => {
    const p = await open('/hostile/plain.html');
    const dialog = await openTagForm(p);
    await dialog.waitFor();
    await p.evaluate(() => {
      const src = document.querySelector('ita-evidence-overlay')!.shadowRoot!.querySelector('iframe')!.src;
      const f = document.createElement('iframe');
      f.id = 'copy';
      f.src = src;
      f.addEventListener('load', () => f.contentWindow!.postMessage({ itaToken: 'A'.repeat(32) }, '*'));
      document.body.append(f);
    });
    // The copy asked the background with that token; the same question asked after it comes back
    // after its answer, refused, so by then the copy has had its chance to show the form.
    const copy = (await (await p.locator('#copy').elementHandle())!.contentFrame())!;
    await copy.waitForLoadState('load');
    const answer = await copy.evaluate(async () => {
      const ext = (globalThis as unknown as { chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } } })
        .chrome;
      return ext.runtime.sendMessage({ type: 'form/hello', payload: { token: 'A'.repeat(32) } });
    });
    expect(answer).toEqual({ ok: false });
    expect(await p.frameLocator('#copy').getByRole('dialog').count()).toBe(0);
    // The real form still works.
    await chooseItems(dialog, ['O7']);
    expect(await saveAndWait(p, dialog)).toMatch(/Evidence saved as O7/);
    await p.close();
  });

  it('a page removing the overlay whenever it is added: re-attaching stops after a few tries, the tab stays usable, the side panel says what to do', async () => {
    const p = await open('/hostile/remover.html');
    const removed = () => p.evaluate(() => (window as unknown as { __removed: number }).__removed);
    await expect.poll(removed, { timeout: 15_000 }).toBeGreaterThan(0);
    // The overlay reports giving up (the side panel says so) only once no re-attach is pending.
    const panel = await s.h.ctx.newPage();
    await panel.goto(s.h.extUrl('sidepanel.html'));
    await panel.getByRole('alert').filter({ hasText: 'kept removing' }).waitFor({ timeout: 30_000 });
    const count = await removed();
    expect(count).toBeLessThanOrEqual(REATTACH_DELAYS_MS.length + 1);
    await panel.close();
    await p.close();
  });

  it('hiding the overlay for the screenshot is invisible to the page: it cannot swap content between snapshot and screenshot', async () => {
    const p = await open('/hostile/swap.html');
    const dialog = await openTagForm(p);
    await chooseItems(dialog, ['O7']);
    await dialog.getByRole('radio', { name: 'Full page' }).check();
    expect(await saveAndWait(p, dialog)).toMatch(/Evidence saved as O7/);
    const rec = (await latest('/hostile/swap.html'))!;
    const html = Buffer.from(
      await blobBase64(s.ext, rec.artifacts.find((a) => a.method === 'dom-snapshot')!.id),
      'base64',
    ).toString('utf8');
    expect(html).toContain('ORIGINAL HEADING');
    expect(html).not.toContain('SWAPPED');
    const shot = rec.artifacts.find((a) => a.method === 'fullpage-stitched')!;
    const { pixels } = await pngPixels(s.ext, await blobBase64(s.ext, shot.id), [
      [600, 400],
      [20, 700],
    ]);
    for (const px of pixels) expect(near(px, '#ff0000', 60)).toBe(false);
    expect(await p.evaluate(() => (window as unknown as { __swaps: number }).__swaps)).toBe(0);
    await p.close();
  });

  it('page content marked data-ita-evidence stays in the snapshot and the text; the overlay does not', async () => {
    const p = await open('/hostile/marked.html');
    const dialog = await openTagForm(p);
    await chooseItems(dialog, ['O2']);
    expect(await saveAndWait(p, dialog)).toMatch(/Evidence saved as O2/);
    const rec = (await latest('/hostile/marked.html'))!;
    const read = async (method: string) =>
      Buffer.from(await blobBase64(s.ext, rec.artifacts.find((a) => a.method === method)!.id), 'base64').toString(
        'utf8',
      );
    const html = await read('dom-snapshot');
    const text = await read('text');
    for (const words of ['นายกเทศมนตรี นายทดสอบ ใจดี', 'รองนายกเทศมนตรี นางสาวตัวอย่าง']) {
      expect(html).toContain(words);
      expect(text).toContain(words);
    }
    expect(html).not.toContain('ita-evidence-overlay');
    expect(text).not.toContain('Tag this page');
    await p.close();
  });

  it('an outside style added to the overlay does not block Save; covering the form refuses Save neutrally, keeps the input, and Try again works', async () => {
    const p = await open('/hostile/plain.html');
    const dialog = await openTagForm(p);
    await chooseItems(dialog, ['O22']);
    await dialog.getByRole('textbox', { name: 'Note' }).fill('เก็บไว้');
    // Another extension or tool adds a harmless style: Save still works.
    await p.evaluate(() => {
      const st = document.createElement('style');
      st.textContent = 'iframe { outline: 2px solid #9b59b6; }';
      document.querySelector('ita-evidence-overlay')!.shadowRoot!.append(st);
    });
    expect(await saveAndWait(p, dialog)).toMatch(/Evidence saved as O22/);

    const again = await openTagForm(p);
    await chooseItems(again, ['O22']);
    await again.getByRole('textbox', { name: 'Note' }).fill('เก็บไว้');
    await p.evaluate(() => {
      const st = document.createElement('style');
      st.id = 'cover';
      st.textContent = 'iframe { opacity: 0.05 !important; }';
      document.querySelector('ita-evidence-overlay')!.shadowRoot!.append(st);
    });
    // Save is refused at once: the overlay's own check at Save reads the computed style.
    const before = (await dbAll<EvidenceRecord>(s.ext, 'evidence')).length;
    const text = await saveAndWait(p, again);
    expect(text).toMatch(/Not saved yet/);
    expect(text).not.toMatch(/website|page tried/i);
    expect(await again.getByRole('button', { name: 'Remove O22', exact: true }).count()).toBe(1);
    expect(await again.getByRole('textbox', { name: 'Note' }).inputValue()).toBe('เก็บไว้');
    expect(await dbAll<EvidenceRecord>(s.ext, 'evidence')).toHaveLength(before);
    await p.evaluate(() =>
      document.querySelector('ita-evidence-overlay')!.shadowRoot!.getElementById('cover')!.remove(),
    );
    // The form's own visibility watch (IntersectionObserver v2) updates at most every 100 ms, so a
    // Try again at once may still be refused: try until saved, waiting each time for the form's answer.
    for (let attempt = 1; ; attempt++) {
      const retry = (await tagStatus(p).getByRole('button', { name: 'Try again' }).elementHandle())!;
      await retry.click();
      await retry.waitForElementState('hidden'); // the status line was rewritten
      const now = await tagStatus(p)
        .filter({ hasText: /Evidence saved as O22|Not saved yet/ })
        .textContent({ timeout: 30_000 });
      if (!/Not saved yet/.test(now ?? '') || attempt >= 5) break;
    }
    await tagStatus(p)
      .filter({ hasText: /Evidence saved as O22/ })
      .waitFor({ timeout: 30_000 });
    expect(await dbAll<EvidenceRecord>(s.ext, 'evidence')).toHaveLength(before + 1);
    expect(await tagForm(p).getByRole('dialog').count()).toBe(0);
    await p.close();
  });
});
