/**
 * Click-paths: the navigation trail a content script reports per tab, walked back from an evidence
 * page to the home page, and drafted as the คำอธิบายเพิ่มเติม text assessors read.
 */
import type { ClickStep } from '../evidence/types';
import { sameSite, withoutFragment } from '../util/url';
import type { Lang } from '../i18n/language';

export interface TrailEvent {
  /** click: the link's target (before any redirect). load: the page that loaded (after redirects). */
  url: string;
  /** Text of the link clicked (may be '' for an unlabelled link); '' for a load. */
  linkText: string;
  /** click: the page the link was on. load: document.referrer, '' when typed, bookmarked or unknown. */
  fromUrl: string;
  via: 'click' | 'load';
  at: string;
}

export function appendTrail(trail: readonly TrailEvent[], event: TrailEvent, max = 50): TrailEvent[] {
  const last = trail[trail.length - 1];
  // A reload, or the load that follows the click to the same page, adds nothing to the path.
  if (last && event.via === 'load' && withoutFragment(last.url) === withoutFragment(event.url)) return [...trail];
  const next = [...trail, event];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** A tab opened from another (target=_blank) starts with the opener's trail, then its own events. */
export function inheritTrail(opener: readonly TrailEvent[], own: readonly TrailEvent[], max = 50): TrailEvent[] {
  return [...opener, ...own].slice(-max);
}

/** A stored trail, read defensively; events stored before `via` existed told a load by its empty text. */
export function parseTrail(v: unknown): TrailEvent[] {
  if (!Array.isArray(v)) return [];
  return v
    .filter(
      (e): e is TrailEvent =>
        typeof e === 'object' &&
        e !== null &&
        typeof (e as TrailEvent).url === 'string' &&
        typeof (e as TrailEvent).linkText === 'string' &&
        typeof (e as TrailEvent).fromUrl === 'string',
    )
    .map((e) => (e.via === 'click' || e.via === 'load' ? e : { ...e, via: e.linkText === '' ? 'load' : 'click' }));
}

const INDEX_PATH = /^\/(?:index\.(?:php|html?|aspx?|jsp))?$/i;

/**
 * Same site (scheme and a leading "www." ignored) and same path + query. "/", "/index.php",
 * "/index.html" are one page only when home is the site root itself; "/a/" and "/a" are one page.
 */
export function isHomeUrl(url: string, homeUrl: string): boolean {
  if (!sameSite(url, homeUrl)) return false;
  try {
    const u = new URL(url);
    const h = new URL(homeUrl);
    const rootHome = INDEX_PATH.test(h.pathname);
    const page = (x: URL) =>
      (rootHome && INDEX_PATH.test(x.pathname) ? '/' : x.pathname.replace(/(.)\/$/, '$1')) + x.search;
    return page(u) === page(h);
  } catch {
    return false;
  }
}

/** A referrer cut down to the origin (cross-origin navigation, e.g. http → https or www → no www). */
function originOnlyReferrer(ev: TrailEvent): boolean {
  try {
    const r = new URL(ev.fromUrl);
    return r.pathname === '/' && !r.search && r.origin !== new URL(ev.url).origin;
  } catch {
    return false;
  }
}

/** Whether the walk may go on from this event to the page it came from. */
function walkable(ev: TrailEvent, homeUrl: string): boolean {
  if (ev.fromUrl === '') return false;
  return ev.via === 'click' || sameSite(ev.fromUrl, homeUrl);
}

/** The latest visit of `url` before index `before`, preferring one whose source page is known. */
function pickVisit(trail: readonly TrailEvent[], url: string, before: number, homeUrl: string): number {
  const key = withoutFragment(url);
  let fallback = -1;
  for (let i = before - 1; i >= 0; i--) {
    const ev = trail[i]!;
    if (withoutFragment(ev.url) !== key) continue;
    if (walkable(ev, homeUrl)) return i;
    if (fallback < 0) fallback = i;
  }
  return fallback;
}

/**
 * The click that led to the load at `i`: the latest click just before it (no other load between)
 * made on the referrer page. Its target may differ from the loaded URL: the link redirected.
 */
function clickBehindLoad(trail: readonly TrailEvent[], i: number): number {
  const load = trail[i]!;
  const from = withoutFragment(load.fromUrl);
  const cut = originOnlyReferrer(load);
  for (let j = i - 1; j >= 0; j--) {
    const ev = trail[j]!;
    if (ev.via === 'load') return -1;
    if (withoutFragment(ev.url) === withoutFragment(ev.fromUrl)) continue; // a link to the page itself (#section)
    if (withoutFragment(ev.fromUrl) === from || (cut && sameSite(ev.fromUrl, load.fromUrl))) return j;
  }
  return -1;
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
    const i = pickVisit(trail, url, before, homeUrl);
    const ev = i >= 0 ? trail[i]! : null;
    if (!ev || !walkable(ev, homeUrl)) {
      reversed.push({ url: ev?.url ?? url, linkText: '' });
      break;
    }
    if (ev.via === 'click') {
      reversed.push({ url: ev.url, linkText: ev.linkText });
      url = ev.fromUrl;
      before = i; // strictly earlier events only: the walk always ends
      continue;
    }
    const j = clickBehindLoad(trail, i);
    const click = j >= 0 ? trail[j]! : null;
    if (!click && originOnlyReferrer(ev)) {
      // The real source page is unknown: "/" here may not be the home page.
      reversed.push({ url: ev.url, linkText: '' });
      break;
    }
    reversed.push({ url: ev.url, linkText: click?.linkText ?? '' });
    url = click?.fromUrl ?? ev.fromUrl;
    before = j >= 0 ? j : i;
  }
  const path = removeLoops(reversed.reverse());
  if (path[0]) path[0] = { url: path[0].url, linkText: '' };
  return { path, reachedFromHome: reached };
}

/** Cuts cycles A → … → A down to a single A, keeping the link that first reached it. */
function removeLoops(path: ClickStep[]): ClickStep[] {
  const out: ClickStep[] = [];
  for (const step of path) {
    const key = withoutFragment(step.url);
    const seen = out.findIndex((s) => withoutFragment(s.url) === key);
    if (seen >= 0) out.length = seen + 1;
    else out.push(step);
  }
  return out;
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
