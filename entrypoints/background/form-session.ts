import { browser, type Browser } from 'wxt/browser';
import {
  captureVisiblePng,
  injectOverlay,
  injectPageHelper,
  openChecklistPanel,
  openChecklistTab,
} from '../../lib/platform/adapter';
import { sendToTab } from '../../lib/platform/messaging';
import type {
  CaptureResult,
  FormDraft,
  FormInit,
  FormSaveRequest,
  MessageType,
  OverlayConfig,
  PageFacts,
  PageSummary,
  Req,
  Res,
} from '../../lib/messages/protocol';
import { captureErrorCode } from '../../lib/capture/pipeline';
import { deleteEvidence, getBlob, listByCriterion } from '../../lib/storage/evidence-repo';
import { executiveNamesFromEvidence } from '../../lib/capture/executives';
import { getCriteriaSet } from '../../lib/storage/criteria-store';
import { OVERLAY_STRINGS } from '../../lib/i18n/overlay-strings';
import type { ItaDb } from '../../lib/storage/db';
import { handleCapture, withQuotaRetry } from './capture';
import { pathForTab } from './trail-store';

type Sender = Browser.runtime.MessageSender;
type Tab = { id: number; windowId: number; url: string | null };

/** The page as it was when the form opened: snapshot and screenshot taken at the same moment. */
interface Shot {
  facts: PageFacts;
  summary: PageSummary;
  png: Uint8Array | null;
  problem: FormInit['captureProblem'];
  /** The tab was not in front of its window, so no screenshot was taken (it would have been of another tab). */
  notInFront?: boolean;
  at: number;
}

/**
 * One opening of the form in a tab. The token is handed to the frame the overlay placed, and is
 * good for one frame only: a page that frames our form itself gets nothing from the background.
 * Token and frame survive the worker being killed (session storage); the shot does not, and is
 * then taken again at Save.
 */
interface Session {
  token: string;
  tab: Tab;
  frameId: number | null;
  shot: Shot | null;
  saved: string[];
}

const sessions = new Map<number, Session>();
const key = (tabId: number) => `form:${tabId}`;
/** A screenshot taken at opening is used for a Save within this time; later, Save takes a new one. */
const SHOT_FRESH_MS = 120_000;

export function newToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(24));
  return btoa(String.fromCharCode(...bytes))
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');
}

/** Calls the overlay in the tab's top frame; its handler answers `{ error }` when a step failed there. */
async function page<T extends MessageType>(tabId: number, type: T, payload: Req<T>): Promise<Res<T>> {
  const r = (await sendToTab(tabId, type, payload)) as Res<T> | { error: string } | undefined;
  if (!r || (typeof r === 'object' && 'error' in r))
    throw new Error(`page ${type}: ${(r as { error?: string } | undefined)?.error ?? 'no answer'}`);
  return r;
}

/** The overlay starts after the page's load event: wait for it (bounded) after injecting it. */
async function overlayReady(tabId: number): Promise<void> {
  for (let i = 0; ; i++) {
    try {
      await page(tabId, 'page/metrics', {});
      return;
    } catch (e) {
      if (i >= 40) throw e;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

/** Hides the overlay (unseen by the page), snapshots, screenshots, shows it again; retakes once if the page changed meanwhile. */
async function takeShot(tab: Tab, capture = true): Promise<Shot> {
  for (let attempt = 0; ; attempt++) {
    const { facts, summary } = await page(tab.id, 'page/freeze', {});
    let png: Uint8Array | null = null;
    let problem: Shot['problem'] = null;
    let notInFront = false;
    try {
      // captureVisibleTab shoots whatever tab is in front: only ours, before and after the shot.
      if (capture && !(await inFront(tab))) notInFront = true;
      else if (capture) {
        png = await withQuotaRetry(
          () => captureVisiblePng(tab.windowId),
          () => undefined,
        );
        if (!(await inFront(tab))) [png, notInFront] = [null, true];
      }
      if (notInFront) problem = 'failed';
    } catch (e) {
      const code = captureErrorCode(e);
      problem = code === 'permission-missing' || code === 'restricted-page' ? code : 'failed';
      console.warn('[ita-evidence] screenshot at form opening failed', code, e);
    }
    const { changed } = await page(tab.id, 'page/unfreeze', {});
    if (!changed || attempt >= 1 || !png) return { facts, summary, png, problem, notInFront, at: Date.now() };
  }
}

async function inFront(tab: Tab): Promise<boolean> {
  const [active] = await browser.tabs.query({ active: true, windowId: tab.windowId });
  return active?.id === tab.id;
}

/** Save's answer when no screenshot could be had: another tab in front, or no permission here. */
function noShot(shot: Shot): CaptureResult {
  if (shot.notInFront) return { ok: false, code: 'cancelled', detail: 'tab-changed' };
  return { ok: false, code: shot.problem === 'restricted-page' ? 'restricted-page' : 'permission-missing' };
}

async function persist(s: Session): Promise<void> {
  await browser.storage.session.set({
    [key(s.tab.id)]: { token: s.token, frameId: s.frameId, tab: s.tab, saved: s.saved },
  });
}

async function sessionFor(tabId: number | undefined): Promise<Session | null> {
  if (tabId === undefined) return null;
  const mem = sessions.get(tabId);
  if (mem) return mem;
  const got = (await browser.storage.session.get(key(tabId)))[key(tabId)] as Omit<Session, 'shot'> | undefined;
  if (!got || typeof got.token !== 'string') return null;
  const s: Session = { ...got, shot: null };
  sessions.set(tabId, s);
  return s;
}

/** The session a form frame's message belongs to: right token, from the frame that first presented it. */
export async function boundSession(token: string, sender: Sender): Promise<Session | null> {
  const s = await sessionFor(sender.tab?.id);
  if (!s || s.token !== token || s.frameId === null || s.frameId !== sender.frameId) return null;
  return s;
}

/** Opens the form in a tab: from the on-page button, the toolbar, the shortcut or the context menu. */
export async function openForm(tab: Tab, lang: 'th' | 'en', fromPage: boolean): Promise<void> {
  if (!fromPage) {
    await injectOverlay(tab.id);
    await overlayReady(tab.id);
  }
  await injectPageHelper(tab.id);
  const shot = await takeShot(tab);
  const s: Session = { token: newToken(), tab, frameId: null, shot, saved: [] };
  sessions.set(tab.id, s);
  await persist(s);
  await page(tab.id, 'page/show-form', { token: s.token, title: OVERLAY_STRINGS[lang].dialog });
}

const draftKey = (url: string) => `draft:${url.replace(/#.*$/, '')}`;

export async function helloForm(
  db: ItaDb,
  token: string,
  sender: Sender,
  config: OverlayConfig,
): Promise<FormInit | { ok: false }> {
  const s = await sessionFor(sender.tab?.id);
  if (!s || s.token !== token || s.frameId !== null || !sender.frameId) return { ok: false };
  s.frameId = sender.frameId;
  await persist(s);
  s.shot ??= await takeShot(s.tab, false);
  const url = sender.tab?.url ?? s.shot.facts.url;
  const [set, clickPath, existing, draft] = await Promise.all([
    getCriteriaSet(db, config.criteriaSetId),
    pathForTab(s.tab.id, url, config.homeUrl),
    db.evidence
      .where('url')
      .equals(url)
      .toArray()
      .catch(() => []),
    browser.storage.session.get(draftKey(url)).then((d) => (d[draftKey(url)] as FormDraft | undefined) ?? null),
  ]);
  // Names for the items' "current executive" hints (O34 ↔ O2); none when the lookup fails.
  const executives: Record<string, string[]> = {};
  for (const item of new Set(
    set.items.flatMap((c) => c.hintRules.flatMap((r) => (r.kind === 'current-executive' ? [r.item] : []))),
  )) {
    executives[item] = await executiveNamesFromEvidence(await listByCriterion(db, item), (id) => getBlob(db, id)).catch(
      () => [],
    );
  }
  return {
    ok: true,
    config,
    set,
    executives,
    clickPath,
    page: s.shot.summary,
    linkText: clickPath.path.at(-1)?.linkText ?? '',
    captureProblem: s.shot.problem,
    existing: existing
      .map((r) => ({ criteria: r.criteria, capturedAt: r.capturedAt }))
      .sort((a, b) => b.capturedAt.localeCompare(a.capturedAt)),
    draft,
  };
}

export async function saveDraft(s: Session, url: string | undefined, draft: FormDraft | null): Promise<void> {
  const k = draftKey(url ?? s.shot?.facts.url ?? '');
  if (draft && (draft.criteria.length || draft.note.trim())) await browser.storage.session.set({ [k]: draft });
  else await browser.storage.session.remove(k);
}

/** Save from the form: check the frame is plainly visible, then store what was shot (or shoot now). */
export async function saveForm(db: ItaDb, s: Session, req: FormSaveRequest): Promise<CaptureResult> {
  const tab = s.tab;
  const vis = await page(tab.id, 'page/check-frame', {}).catch(() => ({ visible: false, reason: 'no-answer' }));
  if (!vis.visible) {
    console.warn('[ita-evidence] Save refused: the form was not plainly visible', vis.reason);
    return { ok: false, code: 'not-visible', detail: vis.reason };
  }
  const values = {
    criteria: req.criteria,
    note: req.note,
    mode: req.mode,
    elementTicks: req.elementTicks,
    documents: req.documents,
  };
  let result: CaptureResult;
  if (req.mode === 'fullpage') {
    const { facts } = await page(tab.id, 'page/freeze', {});
    try {
      result = await handleCapture(db, { ...values, page: facts }, tab);
    } finally {
      await page(tab.id, 'page/unfreeze', {}).catch(() => undefined);
    }
  } else if (req.mode === 'element') {
    await injectPageHelper(tab.id).catch(() => undefined);
    const picked = await page(tab.id, 'page/pick', {});
    if ('cancelled' in picked) return { ok: false, code: 'cancelled' };
    if ('renderedPng' in picked) {
      const shot = await takeShot(tab, false);
      result = await handleCapture(db, { ...values, page: shot.facts, renderedPng: picked.renderedPng }, tab);
    } else {
      const shot = await takeShot(tab);
      if (!shot.png) return noShot(shot);
      result = await handleCapture(db, { ...values, page: shot.facts, region: picked.region }, tab, shot.png);
    }
  } else {
    let shot = s.shot && Date.now() - s.shot.at < SHOT_FRESH_MS ? s.shot : null;
    if (!shot?.png) shot = await takeShot(tab);
    if (!shot.png) return noShot(shot);
    result = await handleCapture(db, { ...values, page: shot.facts }, tab, shot.png);
  }
  if (result.ok) {
    s.shot = null;
    s.saved.push(result.evidenceId);
    await persist(s);
    await saveDraft(s, tab.url ?? undefined, null);
  }
  return result;
}

export async function layoutForm(s: Session, mode: Req<'form/layout'>['mode'], height: number): Promise<void> {
  await page(s.tab.id, 'page/form-layout', { mode, height });
}

export async function closeForm(s: Session): Promise<void> {
  sessions.delete(s.tab.id);
  await browser.storage.session.remove(key(s.tab.id));
  await page(s.tab.id, 'page/close-form', {}).catch(() => undefined);
}

export async function undoSave(db: ItaDb, s: Session, evidenceId: string): Promise<boolean> {
  if (!s.saved.includes(evidenceId)) return false;
  await deleteEvidence(db, [evidenceId]);
  s.saved = s.saved.filter((id) => id !== evidenceId);
  await persist(s);
  return true;
}

export async function openChecklist(s: Session): Promise<void> {
  await openChecklistPanel(s.tab.windowId).catch(() => openChecklistTab());
}

export function forgetForm(tabId: number): void {
  sessions.delete(tabId);
  void browser.storage.session.remove(key(tabId)).catch(() => undefined);
}
