/**
 * srcset parsing after the HTML standard's algorithm (candidate URL = a run of non-whitespace,
 * trailing commas end it; descriptors run to the next comma outside parentheses). Hand-written
 * because splitting on commas breaks data: URLs, and the packages that do this are unmaintained.
 */
export interface SrcsetCandidate {
  url: string;
  descriptor: string;
}

const WS = /[\t\n\f\r ]/;

export function parseSrcset(value: string): SrcsetCandidate[] {
  const out: SrcsetCandidate[] = [];
  let i = 0;
  const n = value.length;
  while (i < n) {
    while (i < n && (WS.test(value[i]!) || value[i] === ',')) i++;
    if (i >= n) break;
    const start = i;
    while (i < n && !WS.test(value[i]!)) i++;
    let url = value.slice(start, i);
    let descriptor = '';
    if (url.endsWith(',')) url = url.replace(/,+$/, '');
    else {
      let depth = 0;
      const d = i;
      while (i < n && !(value[i] === ',' && depth === 0)) {
        if (value[i] === '(') depth++;
        else if (value[i] === ')') depth = Math.max(0, depth - 1);
        i++;
      }
      descriptor = value.slice(d, i).trim();
    }
    if (url) out.push({ url, descriptor });
  }
  return out;
}
