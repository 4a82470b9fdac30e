/**
 * The whole round trip a new user makes, in Firefox beside Chromium (the baseline), measured in the same run:
 * start the browser and install the extension → set up the agency → tag one page → the item is listed in the
 * checklist page. Each browser runs ROUNDS times, alternating, each time in a fresh profile; medians are printed
 * per phase, with Firefox ÷ Chromium.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { E2E_BUILD, ROOT, launchExtension, serveFixture, setupAgency, tagPage } from '../e2e/harness';
import {
  FIREFOX_E2E_BUILD,
  byRole,
  setupAgency as setupAgencyFirefox,
  tagPage as tagPageFirefox,
  waitForText,
} from '../e2e-firefox/harness';
import { launchFirefox } from '../../scripts/lib/firefox';
import type { StaticServer } from '../../lib/devserver/static-server';

const ROUNDS = 3;
const PHASES = ['install', 'setup', 'tag', 'listed', 'total'] as const;
type Phase = (typeof PHASES)[number];
type Times = Record<Phase, number>;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};

function ensureBuild(dir: string, args: string[], log: (l: string) => void): void {
  if (existsSync(path.join(dir, 'manifest.json'))) return;
  log(`browsers: building ${path.basename(dir)} (npx wxt build ${args.join(' ')}, ITA_E2E=1)`);
  const r = spawnSync('npx', ['wxt', 'build', ...args], {
    cwd: ROOT,
    env: { ...process.env, ITA_E2E: '1' },
    stdio: 'inherit',
  });
  if (r.status !== 0) throw new Error('build failed');
}

/** Runs the phases in order and returns the milliseconds each took. */
async function phases(steps: [Exclude<Phase, 'total'>, () => Promise<void>][]): Promise<Times> {
  const t: Partial<Times> = {};
  const start = performance.now();
  for (const [name, step] of steps) {
    const t0 = performance.now();
    await step();
    t[name] = performance.now() - t0;
  }
  t.total = performance.now() - start;
  return t as Times;
}

async function chromiumRound(site: StaticServer): Promise<Times> {
  let h: Awaited<ReturnType<typeof launchExtension>> | undefined;
  try {
    return await phases([
      [
        'install',
        async () => {
          h = await launchExtension();
        },
      ],
      [
        'setup',
        async () => {
          await setupAgency(h!, site.url);
        },
      ],
      [
        'tag',
        async () => {
          const page = await h!.ctx.newPage();
          await page.goto(`${site.url}ita/o5.html`);
          const status = await tagPage(page, ['O5']);
          if (!/Evidence saved/.test(status)) throw new Error(`Chromium: ${status}`);
        },
      ],
      [
        'listed',
        async () => {
          const panel = await h!.ctx.newPage();
          await panel.goto(h!.extUrl('sidepanel.html'));
          await panel.getByRole('listitem', { name: /^O5 .*1 evidence record/ }).waitFor({ timeout: 30_000 });
        },
      ],
    ]);
  } finally {
    await h?.close();
  }
}

async function firefoxRound(site: StaticServer): Promise<Times> {
  let ff: Awaited<ReturnType<typeof launchFirefox>> | undefined;
  try {
    return await phases([
      [
        'install',
        async () => {
          ff = await launchFirefox({ extensionDir: FIREFOX_E2E_BUILD });
        },
      ],
      [
        'setup',
        async () => {
          await setupAgencyFirefox(await ff!.openExtPage('options.html'), site.url);
        },
      ],
      [
        'tag',
        async () => {
          const page = await ff!.browser.newPage();
          await page.goto(`${site.url}ita/o5.html`);
          const status = await tagPageFirefox(page, ['O5']);
          if (!/Evidence saved/.test(status)) throw new Error(`Firefox: ${status}`);
        },
      ],
      [
        'listed',
        async () => {
          const panel = await ff!.openExtPage('sidepanel.html');
          await waitForText(await byRole(panel, 'listitem', /^O5 /, 30_000), /1 evidence record/, 30_000);
        },
      ],
    ]);
  } finally {
    await ff?.close();
  }
}

export async function run(log: (line: string) => void): Promise<void> {
  ensureBuild(E2E_BUILD, [], log);
  ensureBuild(FIREFOX_E2E_BUILD, ['-b', 'firefox', '--mv3'], log);
  const site = await serveFixture();
  const chromium: Times[] = [];
  const firefox: Times[] = [];
  try {
    for (let i = 0; i < ROUNDS; i++) {
      chromium.push(await chromiumRound(site));
      firefox.push(await firefoxRound(site));
    }
  } finally {
    await site.close();
  }
  log(
    `round trip: install → set up → tag one page → listed in the checklist page (median of ${ROUNDS}, fresh profile each)`,
  );
  log(`${'phase'.padEnd(8)} ${'Chromium'.padStart(10)} ${'Firefox'.padStart(10)}  Firefox ÷ Chromium`);
  for (const p of PHASES) {
    const c = median(chromium.map((t) => t[p]));
    const f = median(firefox.map((t) => t[p]));
    log(
      `${p.padEnd(8)} ${`${c.toFixed(0)} ms`.padStart(10)} ${`${f.toFixed(0)} ms`.padStart(10)}  ${(f / c).toFixed(2)}×`,
    );
  }
}
