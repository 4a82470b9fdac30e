import {
  SENDERS,
  type AnyEnvelope,
  type CaptureRequest,
  type FormDraft,
  type FormLayout,
  type FormSaveRequest,
  type MessageType,
  type PageFacts,
  type Region,
  type Req,
  type TrailEvent,
} from './protocol';
import { isPlainObject } from '../util/guards';
import { isHttpUrl } from '../util/url';
import { ITEM_CODE_RE } from '../criteria/item-code';

const isStr = (v: unknown, max = 10_000): v is string => typeof v === 'string' && v.length <= max;
const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
/** A document to fetch: http(s) without user:password@ (the background applies its address policy too). */
const isDocumentUrl = (v: unknown): v is string => {
  if (!isHttpUrl(v)) return false;
  const u = new URL(v);
  return !u.username && !u.password;
};
const MAX_HTML = 40 * 1024 * 1024;
const MAX_TEXT = 5 * 1024 * 1024;

function isEmpty(v: unknown): v is Record<string, never> {
  return isPlainObject(v) && Object.keys(v).length === 0;
}

function isRegion(v: unknown): v is Region {
  return (
    isPlainObject(v) && isNum(v.x) && isNum(v.y) && isNum(v.width) && isNum(v.height) && v.width > 0 && v.height > 0
  );
}

function isTicks(v: unknown): v is Record<string, string[]> {
  return (
    isPlainObject(v) &&
    Object.entries(v).every(
      ([k, list]) =>
        ITEM_CODE_RE.test(k) && Array.isArray(list) && list.length <= 100 && list.every((x) => isStr(x, 100)),
    )
  );
}

function isPage(v: unknown): v is PageFacts {
  if (!isPlainObject(v)) return false;
  const vp = v.viewport;
  return (
    isHttpUrl(v.url) &&
    isStr(v.title, 2000) &&
    isStr(v.text, MAX_TEXT) &&
    isStr(v.html, MAX_HTML) &&
    isPlainObject(vp) &&
    isNum(vp.width) &&
    isNum(vp.height) &&
    isNum(v.dpr) &&
    v.dpr > 0 &&
    v.dpr <= 8 &&
    (v.httpStatus === null ||
      (Number.isInteger(v.httpStatus) && (v.httpStatus as number) >= 0 && (v.httpStatus as number) < 1000)) &&
    Array.isArray(v.documentLinks) &&
    v.documentLinks.length <= 500 &&
    v.documentLinks.every((d) => isPlainObject(d) && isHttpUrl(d.url) && isStr(d.text, 2000))
  );
}

const isY = (p: unknown): p is { y: number } => isPlainObject(p) && isNum(p.y);

const isTrailEvent = (p: unknown): p is TrailEvent =>
  isPlainObject(p) &&
  isHttpUrl(p.url) &&
  isStr(p.linkText, 500) &&
  (p.fromUrl === '' || isHttpUrl(p.fromUrl)) &&
  (p.via === 'click' || p.via === 'load');

const isCaptureRequest = (p: unknown): p is CaptureRequest =>
  isPlainObject(p) &&
  Array.isArray(p.criteria) &&
  p.criteria.length >= 1 &&
  p.criteria.length <= 50 &&
  p.criteria.every((c) => isStr(c, 10) && ITEM_CODE_RE.test(c)) &&
  isStr(p.note, 5000) &&
  (p.mode === 'viewport' || p.mode === 'fullpage' || p.mode === 'element') &&
  isTicks(p.elementTicks) &&
  isPage(p.page) &&
  (p.region === undefined || isRegion(p.region)) &&
  (p.renderedPng === undefined || isStr(p.renderedPng, MAX_HTML)) &&
  Array.isArray(p.documents) &&
  p.documents.length <= 20 &&
  p.documents.every(isDocumentUrl) &&
  new Set(p.documents).size === p.documents.length;

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;
const isToken = (v: unknown): v is string => typeof v === 'string' && TOKEN.test(v);
const isLayout = (v: unknown): v is FormLayout => v === 'dialog' || v === 'toast' || v === 'picking';
const isCodes = (v: unknown, min: number): v is string[] =>
  Array.isArray(v) && v.length >= min && v.length <= 50 && v.every((c) => isStr(c, 10) && ITEM_CODE_RE.test(c));
const isDraft = (v: unknown): v is FormDraft | null =>
  v === null || (isPlainObject(v) && isCodes(v.criteria, 0) && isStr(v.note, 5000));
const hasToken = (p: unknown): p is { token: string } & Record<string, unknown> => isPlainObject(p) && isToken(p.token);
const isFormSave = (p: unknown): p is FormSaveRequest =>
  hasToken(p) &&
  isCodes(p.criteria, 1) &&
  isStr(p.note, 5000) &&
  (p.mode === 'viewport' || p.mode === 'fullpage' || p.mode === 'element') &&
  isTicks(p.elementTicks) &&
  Array.isArray(p.documents) &&
  p.documents.length <= 20 &&
  p.documents.every(isDocumentUrl) &&
  new Set(p.documents).size === p.documents.length;

/** One type guard per message: the payload shapes the protocol declares, checked at run time. */
const PAYLOAD: { [T in MessageType]: (p: unknown) => p is Req<T> } = {
  'overlay/config': isEmpty,
  'overlay/criteria': isEmpty,
  'overlay/open-form': isEmpty,
  'overlay/click-path': isEmpty,
  'overlay/executives': (p): p is { item: string } =>
    isPlainObject(p) && Object.keys(p).length === 1 && isStr(p.item, 8) && ITEM_CODE_RE.test(p.item),
  'trail/event': isTrailEvent,
  'capture/save': isCaptureRequest,
  'capture/cancel': isEmpty,
  'overlay/gave-up': isEmpty,
  'form/hello': hasToken,
  'form/save': isFormSave,
  'form/layout': (p): p is Req<'form/layout'> => hasToken(p) && isLayout(p.mode) && isNum(p.height),
  'form/draft': (p): p is Req<'form/draft'> => hasToken(p) && isDraft(p.draft),
  'form/close': hasToken,
  'form/cancel': hasToken,
  'form/undo': (p): p is Req<'form/undo'> => hasToken(p) && isStr(p.evidenceId, 100),
  'form/open-checklist': hasToken,
  'page/freeze': isEmpty,
  'page/unfreeze': isEmpty,
  'page/show-form': (p): p is Req<'page/show-form'> => hasToken(p) && isStr(p.title, 200),
  'page/form-layout': (p): p is Req<'page/form-layout'> => isPlainObject(p) && isLayout(p.mode) && isNum(p.height),
  'page/close-form': isEmpty,
  'page/check-frame': isEmpty,
  'page/pick': isEmpty,
  'page/metrics': isEmpty,
  'page/scroll-to': isY,
  'page/prepare-fullpage': isEmpty,
  'page/restore': isY,
  'settings/apply': isEmpty,
};

export function isMessageType(t: unknown): t is MessageType {
  return typeof t === 'string' && Object.prototype.hasOwnProperty.call(SENDERS, t);
}

/** Returns the envelope when its type is known and its payload has the declared shape. */
export function parseEnvelope(msg: unknown): AnyEnvelope | null {
  if (!isPlainObject(msg) || !isMessageType(msg.type)) return null;
  return isPayloadOf(msg.type, msg.payload) ? ({ type: msg.type, payload: msg.payload } as AnyEnvelope) : null;
}

export function isPayloadOf<T extends MessageType>(type: T, payload: unknown): payload is Req<T> {
  return PAYLOAD[type](payload);
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

const FORM_FRAME_URL = /^(chrome|moz)-extension:\/\/[^/]+\/overlay-form\.html([?#]|$)/;

/**
 * Content messages must come from our own content script in a tab's top frame; form messages
 * from our form page framed in a tab; privileged
 * messages only from our own extension pages. Anything else is refused.
 */
export function senderAllowed(type: MessageType, sender: SenderInfo, policy: SenderPolicy): boolean {
  if (sender.id !== policy.extensionId) return false;
  const fromExtensionPage = typeof sender.url === 'string' && sender.url.startsWith(policy.extensionBaseUrl);
  switch (SENDERS[type]) {
    case 'extension':
      return fromExtensionPage;
    case 'content':
      return (
        !fromExtensionPage &&
        !FORM_FRAME_URL.test(sender.url ?? '') &&
        sender.tab?.id !== undefined &&
        (sender.frameId ?? 0) === 0
      );
    case 'form':
      // Our form page framed inside a tab (its URL may use Chrome's dynamic extension ID); the
      // background also checks the one-time token and that it comes from the frame that first used it.
      return FORM_FRAME_URL.test(sender.url ?? '') && sender.tab?.id !== undefined && (sender.frameId ?? 0) > 0;
    case 'background':
      return false;
  }
}
