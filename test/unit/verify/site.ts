/** The fixture municipal site shared by the verify tests. */
import type { IncomingMessage, ServerResponse } from 'node:http';
import {
  encodeWindows874,
  page,
  redirect,
  sendHtml,
  startServer,
  type FixtureServer,
} from '../../fixtures/verify-server';
import type { VerifyOptions } from '../../../lib/verify/types';

export const OK_TEXT = 'แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. 2564 ของเทศบาลตำบลตัวอย่าง รายละเอียดโครงการพัฒนาถนนและระบบประปา';
export const PDF_BYTES = new TextEncoder().encode('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const TIS_TEXT = 'ประกาศเทศบาล เรื่อง รายงานผลการดำเนินงาน ปีงบประมาณ ๒๕๖๔';

const MENU: [string, string][] = [
  ['/about', 'เกี่ยวกับเรา'],
  ['/news', 'ข่าวประชาสัมพันธ์'],
];

export function siteHandler(events: string[] = []) {
  const counters = new Map<string, number>();
  const hit = (k: string) => {
    const n = (counters.get(k) ?? 0) + 1;
    counters.set(k, n);
    return n;
  };
  return (req: IncomingMessage, res: ServerResponse, path: string): void | Promise<void> => {
    if (req.method === 'HEAD' && path.startsWith('/nohead/')) {
      res.writeHead(405, { allow: 'GET' });
      return void res.end();
    }
    switch (path) {
      case '/':
        return sendHtml(res, page('หน้าแรก เทศบาลตำบลตัวอย่าง', 'ยินดีต้อนรับสู่เว็บไซต์เทศบาล', MENU));
      case '/about':
        return sendHtml(res, page('เกี่ยวกับเรา', 'ข้อมูลหน่วยงาน', [...MENU, ['/ok', 'แผนการดำเนินงาน']]));
      case '/news':
        return sendHtml(res, page('ข่าว', 'ข่าวล่าสุด', MENU));
      case '/ok':
      case '/nohead/page':
      case '/ข่าวสาร/ประกาศ.html':
        return sendHtml(res, page('แผนการดำเนินงาน', OK_TEXT, MENU));
      case '/orphan':
        return sendHtml(res, page('หน้าที่ไม่มีเมนูลิงก์', OK_TEXT, MENU));
      case '/error':
        return sendHtml(res, 'oops', 500);
      case '/r1':
        return redirect(res, 301, '/r2');
      case '/r2':
        return redirect(res, 302, '/ok');
      case '/loop-a':
        return redirect(res, 302, '/loop-b');
      case '/loop-b':
        return redirect(res, 302, '/loop-a');
      case '/gone':
        return redirect(res, 301, '/');
      case '/slow':
        return new Promise<void>((resolve) =>
          setTimeout(() => {
            if (!res.destroyed) sendHtml(res, page('ช้า', OK_TEXT));
            resolve();
          }, 3000),
        );
      case '/flaky':
        return hit('flaky') === 1 ? sendHtml(res, 'busy', 503) : sendHtml(res, page('ok', OK_TEXT));
      case '/busy':
        if (hit('busy') === 1) {
          events.push('429');
          return sendHtml(res, 'slow down', 429, { 'retry-after': '1' });
        }
        events.push('200');
        return sendHtml(res, page('ok', OK_TEXT));
      case '/very-busy':
        return hit('very-busy') === 1
          ? sendHtml(res, 'slow down', 429, { 'retry-after': '120' })
          : sendHtml(res, page('ok', OK_TEXT));
      case '/login-required':
        return sendHtml(
          res,
          `<html><head><title>เข้าสู่ระบบ</title></head><body><form>
          ชื่อผู้ใช้ <input name="u"> รหัสผ่าน <input type="password" name="p"> <button>เข้าสู่ระบบ</button></form></body></html>`,
        );
      case '/parked':
        return sendHtml(
          res,
          '<html><head><title>example.go.th</title></head><body><h1>This domain is for sale!</h1><p>Buy this domain today.</p></body></html>',
        );
      case '/placeholder':
        return sendHtml(res, page('แผนการดำเนินงาน', 'ขออภัย กำลังปรับปรุงข้อมูล', MENU));
      case '/no-year':
        return sendHtml(res, page('แผนการดำเนินงาน', 'แผนการดำเนินงานประจำปีงบประมาณ พ.ศ. 2562', MENU));
      case '/tis620': {
        res.writeHead(200, { 'content-type': 'text/html' }); // charset only in <meta>
        const html = `<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620"><title>ประกาศ</title></head><body><p>${TIS_TEXT}</p></body></html>`;
        return void res.end(encodeWindows874(html));
      }
      case '/drift':
        return sendHtml(
          res,
          page(
            'ประกาศรับสมัครงาน',
            'รับสมัครบุคคลเพื่อเลือกสรรเป็นพนักงานจ้างตามภารกิจ ตำแหน่งผู้ช่วยเจ้าพนักงานธุรการ จำนวนหนึ่งอัตรา',
            MENU,
          ),
        );
      case '/doc.pdf':
        res.writeHead(200, { 'content-type': 'application/pdf' });
        return void res.end(PDF_BYTES);
      default:
        return sendHtml(res, page('404', 'Not Found'), 404);
    }
  };
}

/** Unknown paths answer 200 with a Thai not-found page, or (generic) with the home page. */
export function soft404Handler(kind: 'phrase' | 'generic') {
  return (_req: IncomingMessage, res: ServerResponse, path: string): void => {
    if (path === '/real') return sendHtml(res, page('แผนการดำเนินงาน', OK_TEXT));
    if (kind === 'phrase') return sendHtml(res, page('ไม่พบหน้า', 'ขออภัย ไม่พบหน้าที่คุณต้องการ'));
    return sendHtml(res, page('หน้าแรก', 'ยินดีต้อนรับสู่เว็บไซต์เทศบาลตำบลตัวอย่าง ติดต่อเรา 02-000-0000'));
  };
}

export async function startSite(events?: string[]): Promise<FixtureServer> {
  return startServer(siteHandler(events));
}

/**
 * Test options: no real sleeping (sleeps are recorded), fixed randomness and clock, and loopback
 * allowed (the fixture servers live there; the hostile tests narrow the policy again).
 */
export function testOptions(extra: Partial<VerifyOptions> = {}, sleeps: number[] = []): VerifyOptions {
  return {
    fetch: (u, init) => fetch(u, init),
    policy: { allowPrivate: true, allowHosts: [] },
    fiscalYear: 2564,
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    random: () => 0.5,
    now: () => new Date('2021-05-01T00:00:00Z'),
    ...extra,
  };
}
