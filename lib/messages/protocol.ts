import type { CaptureMode } from '../evidence/types';
import type { CriteriaSet } from '../criteria/types';

/** Every cross-context message, in one table. `req` is what is sent, `res` what comes back. */
export interface PageFacts {
  url: string;
  title: string;
  /** Visible text, for element hints and later drift comparison. */
  text: string;
  /** Self-contained rendered HTML snapshot. */
  html: string;
  viewport: { width: number; height: number };
  dpr: number;
  httpStatus: number | null;
  /** Document links found on the page (absolute URLs). */
  documentLinks: { url: string; text: string }[];
}

export interface Region {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface CaptureRequest {
  criteria: string[];
  note: string;
  mode: CaptureMode;
  elementTicks: Record<string, string[]>;
  page: PageFacts;
  /** Element mode: the element's rectangle in CSS px relative to the viewport, already scrolled into view. */
  region?: Region;
  /** Element mode, element taller than the viewport: a PNG drawn by html2canvas-pro in the page, base64. */
  renderedPng?: string;
  /** Document URLs to store as bytes (PDF, DOC(X), XLS(X), images). */
  documents: string[];
}

export type CaptureErrorCode =
  | 'permission-missing'
  | 'restricted-page'
  | 'capture-refused'
  | 'quota'
  | 'storage-full'
  | 'invalid-request'
  | 'cancelled'
  | 'document-failed'
  | 'document-too-large'
  | 'document-type'
  | 'failed';

export type CaptureResult =
  | { ok: true; evidenceId: string; artifacts: number; reachedFromHome: boolean }
  | { ok: false; code: CaptureErrorCode; detail?: string };

export interface OverlayConfig {
  configured: boolean;
  language: 'th' | 'en';
  homeUrl: string;
  fiscalYear: number;
  criteriaSetId: string;
  lastCaptureMode: CaptureMode;
}

export interface TrailEvent {
  url: string;
  linkText: string;
  fromUrl: string;
  /** A link click (reported before navigating) or the page's own load report. */
  via: 'click' | 'load';
}

export interface PageMetrics {
  scrollY: number;
  pageHeight: number;
  viewportHeight: number;
  viewportWidth: number;
  dpr: number;
  fixedTop: number;
  fixedBottom: number;
}

export interface Protocol {
  /** content → background */
  'overlay/config': { req: Record<string, never>; res: OverlayConfig };
  'overlay/criteria': { req: Record<string, never>; res: CriteriaSet };
  'overlay/open-form': { req: Record<string, never>; res: { ok: boolean } };
  'overlay/click-path': { req: Record<string, never>; res: { path: { url: string; linkText: string }[]; reachedFromHome: boolean } };
  /** Top executives named on the stored evidence of `item` (O2), for the "current executive" hint of O34/O35. */
  'overlay/executives': { req: { item: string }; res: { names: string[] } };
  'trail/event': { req: TrailEvent; res: { ok: true } };
  'capture/save': { req: CaptureRequest; res: CaptureResult };
  'capture/cancel': { req: Record<string, never>; res: { ok: boolean } };
  /** background → content (full-page capture) */
  'page/metrics': { req: Record<string, never>; res: PageMetrics };
  'page/scroll-to': { req: { y: number }; res: { y: number } };
  'page/prepare-fullpage': { req: Record<string, never>; res: { ok: true } };
  'page/restore': { req: { y: number }; res: { ok: true } };
  /** extension pages → background (privileged) */
  'settings/apply': { req: Record<string, never>; res: { ok: boolean; registered: boolean } };
}

export type MessageType = keyof Protocol;
export type Req<T extends MessageType> = Protocol[T]['req'];
export type Res<T extends MessageType> = Protocol[T]['res'];
export interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Req<T>;
}
/** Any valid message: a union discriminated by `type`, so a switch on it narrows the payload. */
export type AnyEnvelope = { [T in MessageType]: Envelope<T> }[MessageType];

/** Which contexts may send each message to the background. */
export const SENDERS: Record<MessageType, 'content' | 'extension' | 'background'> = {
  'overlay/config': 'content',
  'overlay/criteria': 'content',
  'overlay/open-form': 'content',
  'overlay/click-path': 'content',
  'overlay/executives': 'content',
  'trail/event': 'content',
  'capture/save': 'content',
  'capture/cancel': 'content',
  'page/metrics': 'background',
  'page/scroll-to': 'background',
  'page/prepare-fullpage': 'background',
  'page/restore': 'background',
  'settings/apply': 'extension',
};
