import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaticServer } from '../../lib/devserver/static-server';
import type { EvidenceRecord } from '../../lib/evidence/types';
import { dbAll, launchExtension, serveFixture, setupAgency, tagPage, type Harness } from './harness';

describe('resilience: a killed service worker, and an overlay that does not disturb the page', () => {
  let h: Harness;
  let site: StaticServer;

  beforeAll(async () => {
    site = await serveFixture();
    h = await launchExtension();
    await setupAgency(h, site.url);
  });
  afterAll(async () => {
    await h?.close();
    await site?.close();
  });

  it('keeps the click-path and saves evidence after the service worker was killed mid-session', async () => {
    const page = await h.ctx.newPage();
    await page.goto(site.url);
    await page.getByRole('link', { name: 'ITA', exact: true }).click();
    await page.getByRole('link', { name: 'O7 ข่าวประชาสัมพันธ์' }).click();
    await page.getByRole('button', { name: 'Tag this page' }).waitFor();

    const cdp = await h.ctx.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; type: string; url: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.includes(h.extensionId));
    expect(sw).toBeDefined();
    await cdp.send('Target.closeTarget', { targetId: sw!.targetId });
    await expect.poll(async () => ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string }[] })
      .targetInfos.some((t) => t.type === 'service_worker' && t.url.includes(h.extensionId))).toBe(false);

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
    const boxes = () => page.evaluate(() => [...document.body.querySelectorAll('*')].map((el) => {
      const r = el.getBoundingClientRect();
      return `${el.tagName}:${Math.round(r.x)},${Math.round(r.y)},${Math.round(r.width)},${Math.round(r.height)}`;
    }).join('|'));
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
});
