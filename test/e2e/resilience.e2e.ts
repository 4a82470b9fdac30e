import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { dbAll, tagPage, type Harness, startSession, endSession } from './harness';

type SessionApi = { chrome: { storage: { session: { set(v: object): Promise<void> } } } };

describe('resilience: a killed service worker, and an overlay that does not disturb the page', () => {
  let h: Harness;
  let site: StaticServer;

  beforeAll(async () => {
    ({ h, site } = await startSession());
  });
  afterAll(async () => {
    await endSession({ h, site });
  });

  it('keeps the click-path and saves evidence after the service worker was killed mid-session', async () => {
    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O7 ข่าวประชาสัมพันธ์' }).click();
    await page.getByRole('button', { name: 'Tag this page' }).waitFor();

    const cdp = await h.ctx.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as {
      targetInfos: { targetId: string; type: string; url: string }[];
    };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(h.extensionId));
    expect(sw).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: sw!.targetId });
    await expect
      .poll(async () =>
        ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] }).targetInfos.some(
          (t) => t.type === 'service_worker' && t.url.includes(h.extensionId),
        ),
      )
      .toBe(false);

    expect(await tagPage(page, ['O7'])).toMatch(/Evidence saved/);
    const ext = await h.ctx.newPage();
    await ext.goto(h.extUrl('sidepanel.html'));
    const records = await dbAll<EvidenceRecord>(ext, 'evidence');
    const o7 = records.find((r) => r.url.endsWith('/ita/o7.html'));
    expect(o7?.reachedFromHome).toBe(true);
    expect(o7?.clickPath.map((s) => s.linkText)).toEqual(['', 'ITA', 'O7 ข่าวประชาสัมพันธ์']);
  });

  it('causes no layout shift: page boxes are identical with and without the overlay host', async () => {
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o5.html`);
    await page.getByRole('button', { name: 'Tag this page' }).waitFor();
    const boxes = () =>
      page.evaluate(() =>
        [...document.body.querySelectorAll('*')]
          .map((el) => {
            const r = el.getBoundingClientRect();
            return `${el.tagName}:${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)},${Math.round(r.height)}`;
          })
          .join('|'),
      );
    const withOverlay = await boxes();
    const hostStyle = await page.evaluate(() => {
      const host = document.querySelector('ita-evidence-overlay')!;
      const cs = getComputedStyle(host);
      const info = { position: cs.position, parent: host.parentElement?.tagName };
      host.remove();
      return info;
    });
    expect(hostStyle).toEqual({ position: 'fixed', parent: 'HTML' });
    expect(await boxes()).toBe(withOverlay);
  });

  it('updates the open side panel live when evidence is added from a page', async () => {
    const panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    const o1 = panel.getByRole('listitem', { name: /^O1 / });
    await expect.poll(() => o1.textContent()).toMatch(/No evidence/);
    const page = await h.ctx.newPage();
    await page.goto(`${site.url}ita/o1.html`);
    expect(await tagPage(page, ['O1'])).toMatch(/Evidence saved/);
    await expect.poll(() => o1.textContent(), { timeout: 10_000 }).toMatch(/1 evidence/);
  });

  it('tells the reviewer in the side panel why a page could not be tagged', async () => {
    const panel = await h.ctx.newPage();
    await panel.goto(h.extUrl('sidepanel.html'));
    await h.worker.evaluate(() =>
      (globalThis as unknown as SessionApi).chrome.storage.session.set({
        lastTagError: { message: 'This page cannot be captured: chrome://settings', at: new Date().toISOString() },
      }),
    );
    const alert = panel.getByRole('alert').filter({ hasText: 'cannot be captured' });
    await alert.waitFor();
    await alert.getByRole('button', { name: 'Close' }).click();
    await expect.poll(() => alert.count()).toBe(0);
  });
});
