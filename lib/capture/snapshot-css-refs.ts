/**
 * Where a stylesheet loads things from, found with a real CSS tokenizer (css-tree's, which follows
 * CSS Syntax Level 3): url(), url("…"), @import, image-set("…"). Each reference keeps its span in
 * the source so that it can be replaced without re-printing the rest of the sheet.
 */
import { tokenize } from 'css-tree/tokenizer';
import { ident, string as cssString, url as cssUrl } from 'css-tree/utils';

// css-tree token types (CSS Syntax §4).
const T = {
  Ident: 1,
  Function: 2,
  AtKeyword: 3,
  String: 5,
  BadString: 6,
  Url: 7,
  BadUrl: 8,
  WhiteSpace: 13,
  Semicolon: 17,
  LeftParenthesis: 21,
  RightParenthesis: 22,
  LeftCurly: 23,
  RightCurly: 24,
  Comment: 25,
} as const;

export interface CssRef {
  /** Span in the source, end exclusive. For `import`, the whole rule up to and including `;`. */
  start: number;
  end: number;
  url: string;
  kind: 'url' | 'import';
  /** The @import's media/supports text, kept so that an inlined sheet can be wrapped in it. */
  media?: string;
}

interface Tok {
  type: number;
  start: number;
  end: number;
}

function tokens(css: string): Tok[] {
  const out: Tok[] = [];
  tokenize(css, (type: number, start: number, end: number) => out.push({ type, start, end }));
  return out;
}

const decodeIdent = (raw: string): string => ident.decode(raw).toLowerCase();

/** Index of the token closing the block opened at `open` (a Function or "("), or the last index. */
function closing(toks: Tok[], open: number): number {
  let depth = 0;
  for (let i = open; i < toks.length; i++) {
    const t = toks[i]!.type;
    if (t === T.Function || t === T.LeftParenthesis) depth++;
    else if (t === T.RightParenthesis && --depth === 0) return i;
  }
  return toks.length - 1;
}

export function cssRefs(css: string): CssRef[] {
  const toks = tokens(css);
  const raw = (t: Tok) => css.slice(t.start, t.end);
  const refs: CssRef[] = [];
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.type === T.Url) {
      refs.push({ start: t.start, end: t.end, url: cssUrl.decode(raw(t)), kind: 'url' });
    } else if (t.type === T.BadUrl) {
      refs.push({ start: t.start, end: t.end, url: cssUrl.decode(raw(t)), kind: 'url' });
    } else if (t.type === T.Function) {
      const name = decodeIdent(raw(t).slice(0, -1));
      const end = closing(toks, i);
      if (name === 'url' || name === 'src') {
        // url("…") with a string, or an escaped name (\75 rl(…)) that browsers still read as url(.
        const inner = toks.slice(i + 1, end).filter((x) => x.type !== T.WhiteSpace && x.type !== T.Comment);
        const str =
          inner[0]?.type === T.String ? cssString.decode(raw(inner[0])) : css.slice(t.end, toks[end]!.start).trim();
        refs.push({ start: t.start, end: toks[end]!.end, url: str, kind: 'url' });
        i = end;
      } else if (name === 'image-set' || name === '-webkit-image-set') {
        for (let j = i + 1; j < end; j++) {
          const s = toks[j]!;
          if (s.type === T.String)
            refs.push({ start: s.start, end: s.end, url: cssString.decode(raw(s)), kind: 'url' });
        }
      }
    } else if (t.type === T.AtKeyword && decodeIdent(raw(t).slice(1)) === 'import') {
      let j = i + 1;
      while (j < toks.length && (toks[j]!.type === T.WhiteSpace || toks[j]!.type === T.Comment)) j++;
      const target = toks[j];
      let stop = j;
      while (stop < toks.length && toks[stop]!.type !== T.Semicolon && toks[stop]!.type !== T.LeftCurly) stop++;
      const endTok = toks[Math.min(stop, toks.length - 1)];
      const end = stop < toks.length && toks[stop]!.type === T.Semicolon ? toks[stop]!.end : (endTok?.end ?? t.end);
      let url = '';
      let after = j + 1;
      if (target?.type === T.String) url = cssString.decode(raw(target));
      else if (target?.type === T.Url) url = cssUrl.decode(raw(target));
      else if (target?.type === T.Function && decodeIdent(raw(target).slice(0, -1)) === 'url') {
        const close = closing(toks, j);
        const s = toks.slice(j + 1, close).find((x) => x.type === T.String);
        url = s ? cssString.decode(raw(s)) : '';
        after = close + 1;
      }
      const media = after < stop ? css.slice(toks[after]!.start, toks[stop - 1]!.end).trim() : '';
      refs.push({ start: t.start, end, url, kind: 'import', ...(media ? { media } : {}) });
      i = stop;
    }
  }
  return refs;
}

/**
 * The sheet's text as a browser reads it, for judging: escapes decoded, comments and whitespace
 * dropped, lower-cased. "j\61vascript:" and "java/**\/script:" both read "javascript:" here.
 */
export function cssReading(css: string): string {
  let out = '';
  for (const t of tokens(css)) {
    const r = css.slice(t.start, t.end);
    if (t.type === T.WhiteSpace || t.type === T.Comment) continue;
    if (t.type === T.Ident) out += ident.decode(r);
    else if (t.type === T.Function) out += `${ident.decode(r.slice(0, -1))}(`;
    else if (t.type === T.AtKeyword) out += `@${ident.decode(r.slice(1))}`;
    else if (t.type === T.String || t.type === T.BadString) out += cssString.decode(r);
    else if (t.type === T.Url || t.type === T.BadUrl) out += `url(${cssUrl.decode(r)})`;
    else out += r;
  }
  // eslint-disable-next-line no-control-regex -- browsers ignore these inside a URL scheme
  return out.replace(/[\u0000-\u0020]/g, '').toLowerCase();
}

/** URL schemes that run script or open a document: never kept in a snapshot. */
export const SCRIPT_SCHEMES = ['javascript:', 'vbscript:', 'livescript:'];
export const DOCUMENT_DATA = [
  'data:text/html',
  'data:application/xhtml',
  'data:text/xml',
  'data:application/xml',
  'data:text/javascript',
  'data:application/javascript',
  'data:application/ecmascript',
];

/** Script in a stylesheet: a script or document URL, or IE's expression() and -moz-binding (dead, but script). */
export function cssHasScript(css: string): boolean {
  const reading = cssReading(css);
  return [...SCRIPT_SCHEMES, ...DOCUMENT_DATA, 'expression(', '-moz-binding'].some((s) => reading.includes(s));
}

/**
 * The capture's cleaning of page CSS: script URLs become empty data: URLs; a sheet still holding
 * script after that (expression()) is dropped whole. Evidence keeps the look, never the script.
 */
export function scriptFreeCss(css: string): string {
  const scripty = (u: string) => {
    // eslint-disable-next-line no-control-regex -- browsers ignore these inside a URL scheme
    const n = u.replace(/[\u0000-\u0020]/g, '').toLowerCase();
    return [...SCRIPT_SCHEMES, ...DOCUMENT_DATA].some((s) => n.startsWith(s));
  };
  const out = rewriteCss(css, cssRefs(css), (ref) =>
    scripty(ref.url) ? (ref.kind === 'import' ? '' : 'url("data:,")') : null,
  );
  return cssHasScript(out) ? '' : out;
}

/** Replaces each reference (non-overlapping, any order) by what `replace` returns; null keeps it. */
export function rewriteCss(css: string, refs: CssRef[], replace: (ref: CssRef) => string | null): string {
  let out = '';
  let at = 0;
  for (const ref of [...refs].sort((a, b) => a.start - b.start)) {
    if (ref.start < at) continue;
    const next = replace(ref);
    if (next === null) continue;
    out += css.slice(at, ref.start) + next;
    at = ref.end;
  }
  return out + css.slice(at);
}
