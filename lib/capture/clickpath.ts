/**
 * Click-paths: the navigation trail a content script reports per tab, walked back from an evidence
 * page to the home page, and drafted as the คำอธิบายเพิ่มเติม text assessors read.
 */
import type { ClickStep } from '../evidence/types';

export interface TrailEvent {
  url: string;
  /** Text of the link clicked; "" when typed, opened directly, reloaded or reached by Back. */
  linkText: string;
  /** The page the link was on; "" when unknown. */
  fromUrl: string;
  at: string;
}

export type Lang = 'th' | 'en';

export function appendTrail(trail: readonly TrailEvent[], event: TrailEvent, max = 50): TrailEvent[] {
  const last = trail[trail.length - 1];
  // A reload (same page, not from a link) adds nothing to the path.
  if (last && event.linkText === '' && normalizeUrl(last.url) === normalizeUrl(event.url)) return [...trail];
  const next = [...trail, event];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** Fragment dropped; URL() lowercases the host and drops default ports; the query is kept. */
export function normalizeUrl(url: string): string {
  try {
    const u = new URL(url);
    u.hash = '';
    return u.href;
  } catch {
    return url.split('#')[0] ?? url;
  }
}

const INDEX_PATH = /^\/(?:index\.(?:php|html?|aspx?|jsp))?$/i;

export function isHomeUrl(url: string, homeUrl: string): boolean {
  if (normalizeUrl(url) === normalizeUrl(homeUrl)) return true;
  try {
    const u = new URL(url);
    const h = new URL(homeUrl);
    // "/", "/index.php", "/index.html" are one page only when home is the site root itself.
    return u.origin === h.origin && !u.search && !h.search && INDEX_PATH.test(u.pathname) && INDEX_PATH.test(h.pathname);
  } catch {
    return false;
  }
}

/** The latest visit of `url` before index `before`, preferring one reached by a link click. */
function pickVisit(trail: readonly TrailEvent[], url: string, before: number): number {
  const key = normalizeUrl(url);
  let fallback = -1;
  for (let i = before - 1; i >= 0; i--) {
    const ev = trail[i]!;
    if (normalizeUrl(ev.url) !== key) continue;
    if (ev.linkText !== '' && ev.fromUrl !== '') return i;
    if (fallback < 0) fallback = i;
  }
  return fallback;
}

/** Cuts cycles A → … → A down to a single A, keeping the link that first reached it. */
function removeLoops(path: ClickStep[]): ClickStep[] {
  const out: ClickStep[] = [];
  for (const step of path) {
    const key = normalizeUrl(step.url);
    const seen = out.findIndex((s) => normalizeUrl(s.url) === key);
    if (seen >= 0) out.length = seen + 1;
    else out.push(step);
  }
  return out;
}

export function clickPathTo(
  trail: readonly TrailEvent[],
  targetUrl: string,
  homeUrl: string,
): { path: ClickStep[]; reachedFromHome: boolean } {
  const reversed: ClickStep[] = [];
  let reached = false;
  let url = targetUrl;
  let before = trail.length;
  while (true) {
    if (isHomeUrl(url, homeUrl)) {
      reversed.push({ url, linkText: '' });
      reached = true;
      break;
    }
    const i = pickVisit(trail, url, before);
    const ev = i >= 0 ? trail[i]! : null;
    reversed.push({ url: ev?.url ?? url, linkText: ev?.linkText ?? '' });
    if (!ev || ev.linkText === '' || ev.fromUrl === '') break;
    url = ev.fromUrl;
    before = i; // strictly earlier events only: the walk always ends
  }
  const path = removeLoops(reversed.reverse());
  if (path[0]) path[0] = { url: path[0].url, linkText: '' };
  return { path, reachedFromHome: reached };
}

const HOME_LABEL: Record<Lang, string> = { th: 'หน้าแรก', en: 'Home' };

function collapse(s: string): string {
  return s.replace(/\s+/g, ' ').trim();
}

function pageLabel(url: string): string {
  try {
    const u = new URL(url);
    let path = u.pathname;
    try {
      path = decodeURIComponent(path);
    } catch {
      /* keep it encoded */
    }
    return path + u.search;
  } catch {
    return url;
  }
}

export interface DraftOptions {
  /** False when the path does not start at the home page: the first step then keeps its own label. */
  fromHome?: boolean;
  maxLabelLength?: number;
}

export function draftExplanation(path: readonly ClickStep[], lang: Lang, opts: DraftOptions = {}): string {
  const fromHome = opts.fromHome ?? true;
  const max = opts.maxLabelLength ?? 80;
  return path
    .map((step, i) => {
      if (i === 0 && fromHome) return HOME_LABEL[lang];
      const label = collapse(step.linkText) || pageLabel(step.url);
      return label.length > max ? `${label.slice(0, max - 1)}…` : label;
    })
    .join(' → ');
}

export type ItemPath = readonly ClickStep[] | { path: readonly ClickStep[]; reachedFromHome: boolean };

/**
 * Numbered lines, one per distinct path, for an item with several evidence pages. Pass
 * `{ path, reachedFromHome }` (as on an EvidenceRecord) so that partial paths do not start at "หน้าแรก".
 */
export function draftItemExplanation(paths: readonly ItemPath[], lang: Lang): string {
  const lines = [
    ...new Set(
      paths
        .map((p) => ('path' in p ? p : { path: p, reachedFromHome: true }))
        .filter((p) => p.path.length > 0)
        .map((p) => draftExplanation(p.path, lang, { fromHome: p.reachedFromHome })),
    ),
  ];
  return lines.map((line, i) => `${i + 1}. ${line}`).join('\n');
}
