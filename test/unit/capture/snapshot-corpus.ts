/**
 * Hostile page snapshots, three or more per vector class, each with the refusal reason that the
 * snapshot rule (lib/capture/snapshot-scan) must give. Shared by the Node rule's tests, the DOM
 * layer's tests and the bundle import/check tests.
 */
import { LEGACY_SNAPSHOT_CSPS, SNAPSHOT_CSP } from '../../../lib/capture/snapshot-policy';

/** A snapshot that passes the rule as it is: the current head, nothing remote. */
export function snapshotHtml(body: string, head = ''): string {
  return (
    `<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${SNAPSHOT_CSP}">` +
    `<meta name="ita-evidence-source" content="https://www.example.go.th/page">${head}<title>หน้า</title></head><body>${body}</body></html>`
  );
}

export interface HostileCase {
  name: string;
  html: string;
  /** Text the first matching active reason contains. */
  reason: string;
}

type Row = [name: string, body: string, reason: string, head?: string];

const rows: Record<string, Row[]> = {
  'script in any namespace': [
    ['html script', '<script>alert(1)</script>', '<script> element'],
    ['upper-case script', '<SCRIPT SRC="data:,alert(1)"></SCRIPT>', '<script> element'],
    ['svg script', '<svg><script>alert(1)</script></svg>', '<script> element'],
    ['svg-prefixed script', '<svg><svg:script>alert(1)</svg:script></svg>', '<script> element'],
    ['MathML script', '<math><mi><script>alert(1)</script></mi></math>', '<script> element'],
    ['script in a template', '<template><script>alert(1)</script></template>', '<script> element'],
    [
      'script in a declarative shadow root',
      '<div><template shadowrootmode="open"><script>alert(1)</script></template></div>',
      '<script> element',
    ],
  ],
  'event attributes in any case': [
    ['lower-case onerror', '<img src="data:," onerror="alert(1)">', 'event attribute onerror'],
    ['mixed-case onclick', '<p oNcLiCk="alert(1)">x</p>', 'event attribute onclick'],
    ['svg onload', '<svg onload="alert(1)"></svg>', 'event attribute onload'],
    [
      'svg animate onbegin',
      '<svg><animate onbegin="alert(1)" attributeName="x" dur="1s"/></svg>',
      'event attribute onbegin',
    ],
    ['MathML onmouseover', '<math><mi ONMOUSEOVER="alert(1)">x</mi></math>', 'event attribute onmouseover'],
    ['slash-separated handler', '<div/onclick="alert(1)">x</div>', 'event attribute onclick'],
  ],
  'javascript: URLs': [
    ['plain href', '<a href="javascript:alert(1)">x</a>', 'script URL in href'],
    ['entity-encoded scheme', '<a href="&#x6A;avascript:alert(1)">x</a>', 'script URL in href'],
    ['tab inside the scheme', '<a href="java&#x09;script:alert(1)">x</a>', 'script URL in href'],
    ['svg xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>', 'script URL in xlink:href'],
    ['formaction', '<form><button formaction="JaVaScRiPt:alert(1)">x</button></form>', 'script URL in formaction'],
    [
      'svg animate to',
      '<svg><a><animate attributeName="href" to="javascript:alert(1)"/><text>x</text></a></svg>',
      'script URL in to',
    ],
    ['vbscript', '<a href="vbscript:msgbox(1)">x</a>', 'script URL in href'],
  ],
  'data:text/html URLs': [
    [
      'link to a data document',
      '<a href="data:text/html,&lt;script&gt;alert(1)&lt;/script&gt;">x</a>',
      'data: document URL in href',
    ],
    [
      'upper-case base64',
      '<a href="DATA:TEXT/HTML;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
      'data: document URL in href',
    ],
    ['frame source', '<iframe sandbox="" src="data:text/html,x"></iframe>', 'data: document URL in src'],
    ['svg document in a link', '<a href="data:image/svg+xml,&lt;svg onload=alert(1)&gt;">x</a>', 'data: URL in href'],
  ],
  srcdoc: [
    [
      'iframe srcdoc',
      '<iframe sandbox="" srcdoc="&lt;script&gt;alert(1)&lt;/script&gt;"></iframe>',
      'srcdoc on <iframe>',
    ],
    ['upper-case SRCDOC', '<iframe sandbox="" SRCDOC="x"></iframe>', 'srcdoc on <iframe>'],
    ['frame srcdoc', '<frame sandbox="" srcdoc="x">', 'srcdoc on <frame>'],
  ],
  'unsandboxed frames': [
    ['no sandbox', '<iframe></iframe>', '<iframe> without an empty sandbox'],
    ['allow-scripts', '<iframe sandbox="allow-scripts"></iframe>', '<iframe> without an empty sandbox'],
    [
      'text inside a frame',
      '<iframe sandbox="">&lt;img src=x onerror=alert(1)&gt;</iframe>',
      'content inside <iframe>',
    ],
  ],
  'meta refresh': [
    ['in head', '', '<meta http-equiv=refresh>', '<meta http-equiv="refresh" content="0;url=https://evil.example/">'],
    ['upper case', '', '<meta http-equiv=refresh>', '<META HTTP-EQUIV="REFRESH" CONTENT="1">'],
    ['in body', '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">', '<meta http-equiv=refresh>'],
    ['set-cookie', '', '<meta http-equiv=set-cookie>', '<meta http-equiv="Set-Cookie" content="a=b">'],
  ],
  object: [
    ['object data', '<object data="https://evil.example/x.swf"></object>', '<object> element'],
    ['upper case', '<OBJECT TYPE="text/html"></OBJECT>', '<object> element'],
    ['inside svg', '<svg><foreignObject><object data="x"></object></foreignObject></svg>', '<object> element'],
    ['applet', '<applet code="x"></applet>', '<applet> element'],
  ],
  embed: [
    ['embed src', '<embed src="https://evil.example/x.swf">', '<embed> element'],
    ['upper case', '<EMBED TYPE="image/svg+xml" SRC="data:image/svg+xml,x">', '<embed> element'],
    ['in a table', '<table><tr><td><embed src="x"></td></tr></table>', '<embed> element'],
  ],
  base: [
    ['base href', '', '<base> element', '<base href="https://evil.example/">'],
    ['base target', '<BASE TARGET="_top">', '<base> element'],
    ['base in body', '<p>x</p><base href="javascript:alert(1)//">', '<base> element'],
  ],
  'url(javascript:) in styles': [
    ['style attribute', '<p style="background:url(javascript:alert(1))">x</p>', 'script in the style attribute'],
    ['style element', '<p>x</p>', 'script in <style>', '<style>p{background:url("javascript:alert(1)")}</style>'],
    ['escaped scheme', '<p style="background:url(j\\61vascript:alert(1))">x</p>', 'script in the style attribute'],
    ['expression()', '<p style="width:expression(alert(1))">x</p>', 'script in the style attribute'],
    [
      '-moz-binding',
      '<p>x</p>',
      'script in <style>',
      '<style>p{-moz-binding:url("https://evil.example/x.xml#x")}</style>',
    ],
  ],
  'markup that changes when parsed twice (mXSS)': [
    ['svg style break-out', '<svg></p><style><a id="</style><img src=1 onerror=alert(1)>"></style></svg>', 'onerror'],
    [
      'mglyph namespace confusion',
      '<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>',
      '<mglyph> element',
    ],
    ['comment closed by --!>', '<!-- --!><img src=x onerror=alert(1)> -->', 'a comment hiding markup'],
    ['CDATA in svg', '<svg><![CDATA[ ><img src=x onerror=alert(1)> ]]></svg>', 'a comment hiding markup'],
    ['svg title', '<svg><title><img src=x onerror=alert(1)></title></svg>', 'markup inside <title>'],
    [
      'noscript attribute break-out',
      '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></p></noscript>',
      '<noscript> element',
    ],
    ['processing instruction', '<?xml-stylesheet href="x"?><p>x</p>', 'a processing instruction'],
  ],
};

export const HOSTILE: Record<string, HostileCase[]> = Object.fromEntries(
  Object.entries(rows).map(([cls, list]) => [
    cls,
    list.map(([name, body, reason, head]) => ({ name, html: snapshotHtml(body, head ?? ''), reason })),
  ]),
);

/** An honest snapshot written by an earlier version: older CSP, remote stylesheet, images, fonts. */
export const LEGACY_CSP = LEGACY_SNAPSHOT_CSPS[0]!;

export const LEGACY_SNAPSHOT =
  `<!DOCTYPE html>\n<html lang="th"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${LEGACY_CSP}">` +
  '<meta name="ita-evidence-source" content="https://www.example.go.th/o5.php"><title>ข้อมูลการติดต่อ</title>' +
  '<link rel="stylesheet" href="https://cdn.example.com/site.css"><link rel="canonical" href="https://www.example.go.th/o5.php">' +
  '<style>@import url("https://fonts.example.com/sarabun.css"); body{font-family:Sarabun;background:url(https://www.example.go.th/bg.png)}</style></head>' +
  '<body><h1>ข้อมูลการติดต่อ</h1><p>โทร. ๐๓๔-๗๑๑-๑๑๑</p>' +
  '<img src="https://www.example.go.th/logo.png" srcset="https://www.example.go.th/logo@2x.png 2x, data:image/png;base64,iVBORw0KGgo= 1x" alt="ตรา">' +
  '<picture><source srcset="https://www.example.go.th/map.webp" type="image/webp"><img src="data:image/png;base64,iVBORw0KGgo=" alt="แผนที่"></picture>' +
  '<video poster="https://www.example.go.th/v.jpg"></video><svg><image href="https://www.example.go.th/s.png"/></svg>' +
  '<iframe sandbox="" src="https://maps.google.com/maps?q=x"></iframe>' +
  '<a href="https://www.example.go.th/next.php" ping="https://track.example/">ต่อไป</a></body></html>';
