import { SENDERS, type Envelope, type MessageType } from './protocol';

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isHttp = (v: unknown): boolean => {
  if (!isStr(v, 8192)) return false;
  try {
    const p = new URL(v).protocol;
    return p === 'http:' || p === 'https:';
  } catch {
    return false;
  }
};
/** A document to fetch: http(s) without user:password@ (the background applies its address policy too). */
const isDocumentUrl = (v: unknown): boolean => {
  if (!isHttp(v)) return false;
  const u = new URL(v as string);
  return !u.username && !u.password;
};
const CODE = /^[A-Z]{1,3}\d{1,3}$/;
const MAX_HTML = 40 * 1024 * 1024;
const MAX_TEXT = 5 * 1024 * 1024;

function isEmpty(v: unknown): boolean {
  return isObj(v) && Object.keys(v).length === 0;
}

function isRegion(v: unknown): boolean {
  return isObj(v) && isNum(v.x) && isNum(v.y) && isNum(v.width) && isNum(v.height) && v.width > 0 && v.height > 0;
}

function isTicks(v: unknown): boolean {
  return isObj(v) && Object.entries(v).every(([k, list]) => CODE.test(k) && Array.isArray(list) && list.length <= 100 && list.every((x) => isStr(x, 100)));
}

function isPage(v: unknown): boolean {
  if (!isObj(v)) return false;
  const vp = v.viewport;
  return isHttp(v.url) && isStr(v.title, 2000) && isStr(v.text, MAX_TEXT) && isStr(v.html, MAX_HTML)
    && isObj(vp) && isNum(vp.width) && isNum(vp.height) && isNum(v.dpr) && v.dpr > 0 && v.dpr <= 8
    && (v.httpStatus === null || (Number.isInteger(v.httpStatus) && (v.httpStatus as number) >= 0 && (v.httpStatus as number) < 1000))
    && Array.isArray(v.documentLinks) && v.documentLinks.length <= 500
    && v.documentLinks.every((d) => isObj(d) && isHttp(d.url) && isStr(d.text, 2000));
}

const PAYLOAD: Record<MessageType, (p: unknown) => boolean> = {
  'overlay/config': isEmpty,
  'overlay/criteria': isEmpty,
  'overlay/open-form': isEmpty,
  'overlay/click-path': isEmpty,
  'trail/event': (p) => isObj(p) && isHttp(p.url) && isStr(p.linkText, 500) && (p.fromUrl === '' || isHttp(p.fromUrl)) && (p.via === 'click' || p.via === 'load'),
  'capture/save': (p) => isObj(p)
    && Array.isArray(p.criteria) && p.criteria.length >= 1 && p.criteria.length <= 50 && p.criteria.every((c) => isStr(c, 10) && CODE.test(c))
    && isStr(p.note, 5000)
    && (p.mode === 'viewport' || p.mode === 'fullpage' || p.mode === 'element')
    && isTicks(p.elementTicks) && isPage(p.page)
    && (p.region === undefined || isRegion(p.region))
    && (p.renderedPng === undefined || isStr(p.renderedPng, MAX_HTML))
    && Array.isArray(p.documents) && p.documents.length <= 20 && p.documents.every(isDocumentUrl)
    && new Set(p.documents).size === p.documents.length,
  'capture/cancel': isEmpty,
  'page/metrics': isEmpty,
  'page/scroll-to': (p) => isObj(p) && isNum(p.y),
  'page/prepare-fullpage': isEmpty,
  'page/restore': (p) => isObj(p) && isNum(p.y),
  'settings/apply': isEmpty,
};

export function isMessageType(t: unknown): t is MessageType {
  return typeof t === 'string' && Object.prototype.hasOwnProperty.call(SENDERS, t);
}

/** Returns the envelope when its type is known and its payload has the declared shape. */
export function parseEnvelope(msg: unknown): Envelope | null {
  if (!isObj(msg) || !isMessageType(msg.type)) return null;
  return PAYLOAD[msg.type](msg.payload) ? (msg as unknown as Envelope) : null;
}

export interface SenderInfo {
  id?: string;
  url?: string;
  tab?: { id?: number; url?: string };
  frameId?: number;
}

export interface SenderPolicy {
  extensionId: string;
  /** e.g. "chrome-extension://abc/" */
  extensionBaseUrl: string;
}

/**
 * Content messages must come from our own content script in a tab's top frame; privileged
 * messages only from our own extension pages. Anything else is refused.
 */
export function senderAllowed(type: MessageType, sender: SenderInfo, policy: SenderPolicy): boolean {
  if (sender.id !== policy.extensionId) return false;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(policy.extensionBaseUrl);
  switch (SENDERS[type]) {
    case 'extension':
      return fromExtensionPage;
    case 'content':
      return !fromExtensionPage && sender.tab?.id !== undefined && (sender.frameId ?? 0) === 0;
    case 'background':
      return false;
  }
}
