// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { domSnapshotProblems } from '../../../lib/capture/snapshot-sanitize.dom';
import { snapshotDocument } from '../../../lib/capture/snapshot.dom';
import { rewriteSnapshot } from '../../../lib/capture/snapshot-scan';
import { judgeSnapshotBytes } from '../../../lib/bundle/snapshot-gate';
import { HOSTILE, LEGACY_SNAPSHOT, snapshotHtml } from './snapshot-corpus';

describe('the DOM layer (DOMPurify, re-parse check, parse-twice check)', () => {
  // Markup a browser reads as inert, which only the stricter htmlparser2 rule refuses.
  const INERT_IN_A_BROWSER = new Set(['svg-prefixed script', 'frame srcdoc', 'text inside a frame', 'CDATA in svg']);
  for (const [cls, cases] of Object.entries(HOSTILE)) {
    it(`finds ${cls}; with the rule in front, every case is refused`, () => {
      for (const c of cases) {
        if (!INERT_IN_A_BROWSER.has(c.name)) expect(domSnapshotProblems(c.html, window), c.name).not.toEqual([]);
        const judged = judgeSnapshotBytes(new TextEncoder().encode(c.html), (h) => domSnapshotProblems(h, window));
        expect(judged.ok, c.name).toBe(false);
      }
    });
  }

  it('names what the sanitiser would remove', () => {
    expect(domSnapshotProblems(snapshotHtml('<svg><script>alert(1)</script></svg>'), window)).toContain(
      'sanitiser removed <script>',
    );
    expect(domSnapshotProblems(snapshotHtml('<img src="data:," OnErRoR="alert(1)">'), window)).toContain(
      'sanitiser removed onerror from <img>',
    );
    expect(
      domSnapshotProblems(snapshotHtml('<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>'), window),
    ).toContain('sanitiser removed <mglyph>');
  });

  it('accepts what capture writes and what neutralising writes', () => {
    const doc = document.implementation.createHTMLDocument('');
    doc.documentElement.innerHTML =
      '<head><title>t</title><style>p{color:red}</style></head><body><h1>หัวข้อ</h1><p class="a">ข้อความ <b>หนา</b></p><svg viewBox="0 0 1 1"><rect width="1" height="1"/></svg><table><tr><td>1</td></tr></table><form><input name="q" value="x"><select><option selected>ก</option></select></form></body>';
    const captured = snapshotDocument(doc, { now: () => new Date('2021-03-15T00:00:00Z') }).html;
    expect(domSnapshotProblems(captured, window)).toEqual([]);
    expect(domSnapshotProblems(rewriteSnapshot(LEGACY_SNAPSHOT).html, window)).toEqual([]);
  });
});
