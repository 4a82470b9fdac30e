import { describe, expect, it } from 'vitest';
import { cssReading, cssRefs, rewriteCss } from '../../../lib/capture/snapshot-css-refs';
import {
  PLACEHOLDER_IMAGE,
  rewriteSnapshot,
  scanSnapshot,
  snapshotRemoteRefs,
} from '../../../lib/capture/snapshot-scan';
import { parseSrcset } from '../../../lib/capture/snapshot-srcset';
import { SNAPSHOT_CSP, textOnlySnapshot } from '../../../lib/capture/snapshot-policy';
import { HOSTILE, LEGACY_SNAPSHOT, snapshotHtml } from './snapshot-corpus';

describe('the snapshot rule (htmlparser2) refuses active content, naming it', () => {
  for (const [cls, cases] of Object.entries(HOSTILE)) {
    it(`${cls}: ${cases.length} cases`, () => {
      expect(cases.length).toBeGreaterThanOrEqual(3);
      for (const c of cases) {
        const scan = scanSnapshot(c.html);
        expect(
          scan.active.some((r) => r.includes(c.reason)),
          `${c.name}: ${JSON.stringify(scan.active)}`,
        ).toBe(true);
        // Neutralising is no way around a refusal: the rewritten text is still refused.
        expect(scanSnapshot(rewriteSnapshot(c.html).html).active.length, c.name).toBeGreaterThan(0);
      }
    });
  }

  it('accepts a clean current snapshot as it is', () => {
    const html = snapshotHtml(
      '<h1>ข้อมูล</h1><p title="a &lt; b">ราคา &lt;100&gt; บาท</p><img src="data:image/png;base64,iVBORw0KGgo=" alt="">' +
        '<svg viewBox="0 0 1 1"><defs><linearGradient id="g"><stop offset="0"/></linearGradient></defs><rect fill="url(#g)"/></svg>' +
        '<a href="https://www.example.go.th/next.php">ต่อไป</a><iframe sandbox=""></iframe><my-card><template shadowrootmode="open"><p>เงา</p><slot></slot></template>ข้อความ</my-card>',
      '<style>p::after{content:"<\\/style>"} body>p{color:#123}</style><style><!-- a{} --></style>',
    );
    expect(scanSnapshot(html)).toEqual({ active: [], remote: [] });
    expect(rewriteSnapshot(html).html).toBe(html);
  });

  it('the text-only refusal passes the rule, even with hostile reasons', () => {
    const html = textOnlySnapshot(
      '<script>alert(1)</script>',
      'https://x.example/"><script>',
      '2021-01-01T00:00:00.000Z',
      ['event attribute onjavascript: on <p>'],
    );
    expect(scanSnapshot(html)).toEqual({ active: [], remote: [] });
  });
});

describe('honest snapshots of earlier versions are neutralised, not refused', () => {
  it('lists every live-web load and the older policy', () => {
    const scan = scanSnapshot(LEGACY_SNAPSHOT);
    expect(scan.active).toEqual([]);
    const all = scan.remote.join('\n');
    for (const url of [
      'cdn.example.com/site.css',
      'fonts.example.com/sarabun.css',
      'bg.png',
      'logo.png',
      'logo@2x.png',
      'map.webp',
      'v.jpg',
      's.png',
      'maps.google.com',
      'ping on <a>',
    ])
      expect(all).toContain(url);
    expect(all).toContain('older content policy');
  });

  it('replaces them with visible placeholders and the current head; the result passes and keeps the text', () => {
    const { html, lost } = rewriteSnapshot(LEGACY_SNAPSHOT);
    expect(scanSnapshot(html)).toEqual({ active: [], remote: [] });
    expect(lost).toBeGreaterThanOrEqual(8);
    expect(
      html.startsWith(
        `<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">`,
      ),
    ).toBe(true);
    expect(html).not.toMatch(/https?:\/\/(cdn|fonts|track)\.example/);
    expect(html).toContain(`src="${PLACEHOLDER_IMAGE}"`);
    expect(html).toContain('embedded frame not kept: https://maps.google.com/maps?q=x');
    expect(html).toContain('โทร. ๐๓๔-๗๑๑-๑๑๑');
    expect(html).toContain('href="https://www.example.go.th/next.php"'); // links are not loads
    expect(html).toContain('ไม่ได้เก็บส่วนที่โหลดจากเว็บจริง');
    expect(rewriteSnapshot(html).html).toBe(html); // idempotent
    expect(rewriteSnapshot(LEGACY_SNAPSHOT).html).toBe(html); // deterministic
  });

  it('gives a snapshot with no head at all the current head', () => {
    const { html } = rewriteSnapshot('<html><body>สวัสดี</body></html>');
    expect(scanSnapshot(html)).toEqual({ active: [], remote: [] });
    expect(html).toContain('สวัสดี');
    const junk = rewriteSnapshot('text first<head><title>x</title></head><body><p>y</p></body>').html;
    expect(scanSnapshot(junk)).toEqual({ active: [], remote: [] });
  });

  it('inlines what a resolver gives', () => {
    const src = snapshotHtml(
      '<img src="https://a.example/x.png"><p style="background:url(https://a.example/bg.png)">x</p>',
      '<link rel="stylesheet" href="https://a.example/s.css" media="screen">',
    );
    expect(snapshotRemoteRefs(src)).toEqual({
      resources: ['https://a.example/x.png', 'https://a.example/bg.png'],
      stylesheets: ['https://a.example/s.css'],
    });
    const { html, lost } = rewriteSnapshot(src, {
      resource: (u) => (u.endsWith('x.png') ? 'data:image/png;base64,AAAA' : null),
      stylesheet: () => 'p{content:"<b>"}',
    });
    expect(lost).toBe(1);
    expect(html).toContain('<img src="data:image/png;base64,AAAA">');
    expect(html).toContain(
      '<style data-ita-href="https://a.example/s.css" media="screen">p{content:"\\3c b>"}</style>',
    );
    expect(html).toContain('url(&#34;data:,&#34;)');
    expect(scanSnapshot(html)).toEqual({ active: [], remote: [] });
  });
});

describe('CSS references (css-tree tokenizer)', () => {
  it('finds url(), quoted url(), escaped url(, @import and image-set strings', () => {
    const css =
      '@import "a.css" screen; @import url(b.css); p{background:url( c.png )} q{background:URL("d.png")} r{background:\\75 rl(e.png)} s{background-image:image-set("f.png" 1x, url(g.png) 2x)}';
    expect(cssRefs(css).map((r) => [r.kind, r.url, r.media ?? ''])).toEqual([
      ['import', 'a.css', 'screen'],
      ['import', 'b.css', ''],
      ['url', 'c.png', ''],
      ['url', 'd.png', ''],
      ['url', 'e.png', ''],
      ['url', 'f.png', ''],
      ['url', 'g.png', ''],
    ]);
    expect(
      rewriteCss('a{b:url(x)} c{d:url(y)}', cssRefs('a{b:url(x)} c{d:url(y)}'), (r) =>
        r.url === 'x' ? 'url(z)' : null,
      ),
    ).toBe('a{b:url(z)} c{d:url(y)}');
  });

  it('reads escapes and comments as a browser does', () => {
    expect(cssReading('a{b:url(j\\61vascript:x)}')).toContain('javascript:');
    expect(cssReading('a{b:ex/**/pression(1)}')).toContain('expression(');
  });
});

describe('srcset', () => {
  it('keeps data: URLs whole and reads descriptors', () => {
    expect(parseSrcset('data:image/png;base64,AA,BB 1x, https://a/x.png 2x,y.png')).toEqual([
      { url: 'data:image/png;base64,AA,BB', descriptor: '1x' },
      { url: 'https://a/x.png', descriptor: '2x' },
      { url: 'y.png', descriptor: '' },
    ]);
  });
});
