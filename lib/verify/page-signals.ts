/** Phrase and URL signals that a page answering 200 is not the genuine evidence page. */
import type { ScannedPage } from './html-scan';

const NOT_FOUND_PHRASES = [
  'ไม่พบหน้าที่คุณต้องการ',
  'ไม่พบหน้าเว็บ',
  'ไม่พบหน้า',
  'ไม่พบเพจ',
  'ไม่พบหน้าที่ร้องขอ',
  'หน้าที่คุณค้นหาไม่มีอยู่',
  '404 not found',
  'error 404',
  'page not found',
  'page cannot be found',
  'the requested url was not found',
  'the page you requested could not be found',
  "this page doesn't exist",
];

const PARKED_PHRASES = [
  'this domain is for sale',
  'this domain may be for sale',
  'buy this domain',
  'domain is parked',
  'this domain has expired',
  'domain has been registered',
  'parked free',
  'โดเมนนี้หมดอายุ',
  'โดเมนนี้ว่างสำหรับการจดทะเบียน',
  'โดเมนนี้ถูกขาย',
];
/** Parking services appear in script, frame and link URLs, which the visible text leaves out. */
const PARKING_HOSTS = [
  'sedoparking.com',
  'parkingcrew.net',
  'bodis.com',
  'above.com/marketing',
  'dan.com/buy-domain',
  'hugedomains.com',
  'afternic.com',
];

const PLACEHOLDER_PHRASES = [
  'กำลังปรับปรุงข้อมูล',
  'อยู่ระหว่างปรับปรุงข้อมูล',
  'อยู่ระหว่างการปรับปรุงข้อมูล',
  'อยู่ระหว่างปรับปรุง',
  'อยู่ระหว่างการปรับปรุง',
  'กำลังปรับปรุงเว็บไซต์',
  'อยู่ระหว่างจัดทำข้อมูล',
  'under construction',
  'coming soon',
];

const LOGIN_WORDS = /เข้าสู่ระบบ|ลงชื่อเข้าใช้|log ?in|sign ?in/i;
const LOGIN_URL = /(^|[/?&=_.-])(login|log-in|signin|sign-in|logon|wp-login\.php|auth|sso|cas)([/?&=_.-]|$)/i;

function findPhrase(haystack: string, phrases: string[]): string | null {
  const h = haystack.normalize('NFC').toLowerCase();
  return phrases.find((p) => h.includes(p)) ?? null;
}

export function notFoundPhrase(page: ScannedPage): string | null {
  return findPhrase(`${page.title} ${page.text}`, NOT_FOUND_PHRASES);
}

export function parkedSignal(page: ScannedPage): string | null {
  const urls = [...page.resources, ...page.links.map((l) => l.href)].join(' ');
  return findPhrase(`${page.title} ${page.text}`, PARKED_PHRASES) ?? findPhrase(urls, PARKING_HOSTS);
}

/**
 * A placeholder phrase counts only when the capture did not already contain it: the phrase may be
 * a harmless part of a real page ("ถนนอยู่ระหว่างปรับปรุง").
 */
export function placeholderPhrase(page: ScannedPage, capturedText: string | null): string | null {
  const found = findPhrase(`${page.title} ${page.text}`, PLACEHOLDER_PHRASES);
  if (!found) return null;
  if (capturedText && capturedText.normalize('NFC').toLowerCase().includes(found)) return null;
  return found;
}

/** A password field on a short page or a login title; or a redirect onto a login URL. */
export function isLoginWall(page: ScannedPage, requestedUrl: string, finalUrl: string): boolean {
  if (LOGIN_URL.test(pathAndQuery(finalUrl)) && !LOGIN_URL.test(pathAndQuery(requestedUrl))) return true;
  if (!page.hasPasswordInput) return false;
  return LOGIN_WORDS.test(page.title) || page.text.length < 800;
}

/** A redirect that lands on the site root, or on a URL that names 404/not-found, is a dead link. */
export function isDeadRedirect(requestedUrl: string, finalUrl: string): boolean {
  let req: URL;
  let fin: URL;
  try {
    req = new URL(requestedUrl);
    fin = new URL(finalUrl);
  } catch {
    return false;
  }
  const rootish = (u: URL) => /^\/?((index|default|home)\.(php|html?|aspx?|jsp))?$/i.test(u.pathname) && !u.search;
  if (rootish(fin) && !rootish(req)) return true;
  const tail = decodeSafe(fin.pathname + fin.search);
  return /(^|\D)404(\D|$)|not[-_ ]?found|notfound|page[-_]?missing/i.test(tail);
}

function pathAndQuery(url: string): string {
  try {
    const u = new URL(url);
    return decodeSafe(u.pathname + u.search);
  } catch {
    return url;
  }
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
