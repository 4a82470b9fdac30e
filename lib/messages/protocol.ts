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

type CaptureErrorCode =
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
  /** The form frame was covered, hidden or removed when Save was pressed (clickjacking guard). */
  | 'not-visible'
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

/** What the form frame is told about the page, gathered in the page when the form opens. */
export interface PageSummary {
  url: string;
  title: string;
  headings: string[];
  breadcrumb: string;
  /** Visible text (capped), for element hints and the item suggestion. */
  text: string;
  /** The text without the site's menus, header and footer, when they can be told apart (lib/capture/site-chrome). */
  contentText?: string;
  hasMap: boolean;
  documentLinks: { url: string; text: string }[];
  /** The tab itself shows a document (a PDF in the browser's viewer): offered pre-ticked. */
  openDocument: { url: string; text: string } | null;
}

/** Where the form frame is: the dialog, the short-lived status after Save, or hidden while picking. */
export type FormLayout = 'dialog' | 'toast' | 'picking';

/** The officer's unsaved input, kept per page while the browser runs. */
export interface FormDraft {
  criteria: string[];
  note: string;
}

export interface FormInit {
  ok: true;
  config: OverlayConfig;
  set: CriteriaSet;
  clickPath: { path: { url: string; linkText: string }[]; reachedFromHome: boolean };
  page: PageSummary;
  /** The text of the link clicked to reach this page ('' when opened directly). */
  linkText: string;
  /** Why the screenshot could not be taken when the form opened (the on-page button without all-sites access). */
  captureProblem: 'permission-missing' | 'restricted-page' | 'failed' | null;
  /** Earlier captures of this URL, for the duplicate warning. */
  existing: { criteria: string[]; capturedAt: string }[];
  draft: FormDraft | null;
  /** Top executives named on the evidence of each item a current-executive rule points to (O2). */
  executives?: Record<string, string[]>;
}

export interface FormSaveRequest {
  token: string;
  criteria: string[];
  note: string;
  mode: CaptureMode;
  elementTicks: Record<string, string[]>;
  documents: string[];
}

/** Element mode: what the reviewer picked in the page. */
export type PagePick = { region: Region } | { renderedPng: string } | { cancelled: true };

interface Protocol {
  /** content → background */
  'overlay/config': { req: Record<string, never>; res: OverlayConfig };
  'overlay/criteria': { req: Record<string, never>; res: CriteriaSet };
  'overlay/open-form': { req: Record<string, never>; res: { ok: boolean } };
  'overlay/click-path': {
    req: Record<string, never>;
    res: { path: { url: string; linkText: string }[]; reachedFromHome: boolean };
  };
  /** Top executives named on the stored evidence of `item` (O2), for the "current executive" hint of O34/O35. */
  'overlay/executives': { req: { item: string }; res: { names: string[] } };
  'trail/event': { req: TrailEvent; res: { ok: true } };
  'capture/save': { req: CaptureRequest; res: CaptureResult };
  'capture/cancel': { req: Record<string, never>; res: { ok: boolean } };
  'overlay/gave-up': { req: Record<string, never>; res: { ok: boolean } };
  /** form frame (extension page placed in the tab by the overlay) → background; token-bound */
  'form/hello': { req: { token: string }; res: FormInit | { ok: false } };
  'form/save': { req: FormSaveRequest; res: CaptureResult };
  'form/layout': { req: { token: string; mode: FormLayout; height: number }; res: { ok: boolean } };
  'form/draft': { req: { token: string; draft: FormDraft | null }; res: { ok: boolean } };
  'form/close': { req: { token: string }; res: { ok: boolean } };
  'form/cancel': { req: { token: string }; res: { ok: boolean } };
  'form/undo': { req: { token: string; evidenceId: string }; res: { ok: boolean } };
  'form/open-checklist': { req: { token: string }; res: { ok: boolean } };
  /** background → overlay content script */
  'page/freeze': { req: Record<string, never>; res: { facts: PageFacts; summary: PageSummary } };
  'page/unfreeze': { req: Record<string, never>; res: { changed: boolean } };
  'page/show-form': { req: { token: string; title: string }; res: { ok: boolean } };
  'page/form-layout': { req: { mode: FormLayout; height: number }; res: { ok: boolean } };
  'page/close-form': { req: Record<string, never>; res: { ok: boolean } };
  'page/check-frame': { req: Record<string, never>; res: { visible: boolean; reason?: string } };
  'page/pick': { req: Record<string, never>; res: PagePick };
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
interface Envelope<T extends MessageType = MessageType> {
  type: T;
  payload: Req<T>;
}
/** Any valid message: a union discriminated by `type`, so a switch on it narrows the payload. */
export type AnyEnvelope = { [T in MessageType]: Envelope<T> }[MessageType];

/** Which contexts may send each message to the background. */
export const SENDERS: Record<MessageType, 'content' | 'form' | 'extension' | 'background'> = {
  'overlay/config': 'content',
  'overlay/criteria': 'content',
  'overlay/open-form': 'content',
  'overlay/click-path': 'content',
  'overlay/executives': 'content',
  'trail/event': 'content',
  'capture/save': 'content',
  'capture/cancel': 'content',
  'overlay/gave-up': 'content',
  'form/hello': 'form',
  'form/save': 'form',
  'form/layout': 'form',
  'form/draft': 'form',
  'form/close': 'form',
  'form/cancel': 'form',
  'form/undo': 'form',
  'form/open-checklist': 'form',
  'page/freeze': 'background',
  'page/unfreeze': 'background',
  'page/show-form': 'background',
  'page/form-layout': 'background',
  'page/close-form': 'background',
  'page/check-frame': 'background',
  'page/pick': 'background',
  'page/metrics': 'background',
  'page/scroll-to': 'background',
  'page/prepare-fullpage': 'background',
  'page/restore': 'background',
  'settings/apply': 'extension',
};
