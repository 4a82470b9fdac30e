/**
 * A tiny JSON scanner that records where each value sits in the source text, keyed by the same
 * field paths the validator uses ("items[4].elements[1].key"). It also reports the offset of the
 * first syntax error, as a fallback when the engine's JSON.parse message carries no position.
 */
export interface JsonScan {
  /** Offset of each value's key (object members) or first character (array elements, root). */
  offsets: Map<string, number>;
  /** Offset of the first syntax error, or null when the text is well-formed. */
  errorAt: number | null;
}

const MAX_DEPTH = 256;

class Stop extends Error {
  constructor(readonly at: number) {
    super('json-scan-stop');
  }
}

export function scanJson(text: string): JsonScan {
  const offsets = new Map<string, number>();
  let i = 0;
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const fail = (): never => {
    throw new Stop(i);
  };
  const expect = (c: string) => (text[i] === c ? i++ : fail());

  const string = (): string => {
    expect('"');
    const start = i;
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      i += text[i] === '\\' ? 2 : 1;
    }
    if (i >= text.length) fail();
    const raw = text.slice(start, i);
    i++;
    try {
      return JSON.parse(`"${raw}"`) as string;
    } catch {
      i = start;
      return fail();
    }
  };

  const literal = () => {
    const m = /^(true|false|null|-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!m) fail();
    i += m![0].length;
  };

  const value = (path: string, depth: number): void => {
    if (depth > MAX_DEPTH) fail();
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      ws();
      if (text[i] === '}') return void i++;
      for (;;) {
        ws();
        const keyAt = i;
        const key = string();
        const p = path ? `${path}.${key}` : key;
        if (!offsets.has(p)) offsets.set(p, keyAt);
        ws();
        expect(':');
        value(p, depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return void i++;
        else fail();
      }
    } else if (c === '[') {
      i++;
      ws();
      if (text[i] === ']') return void i++;
      for (let n = 0; ; n++) {
        ws();
        const p = `${path}[${n}]`;
        offsets.set(p, i);
        value(p, depth + 1);
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return void i++;
        else fail();
      }
    } else if (c === '"') {
      string();
    } else {
      literal();
    }
  };

  try {
    offsets.set('', 0);
    value('', 0);
    ws();
    if (i < text.length) fail();
    return { offsets, errorAt: null };
  } catch (e) {
    if (e instanceof Stop) return { offsets, errorAt: Math.min(e.at, text.length) };
    throw e;
  }
}

export function lineColumnAt(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  const end = Math.min(offset, text.length);
  for (let k = 0; k < end; k++) {
    if (text.charCodeAt(k) === 10) {
      line++;
      lineStart = k + 1;
    }
  }
  return { line, column: end - lineStart + 1 };
}

/** Offset of the deepest recorded ancestor of `path` (the path itself when present). */
export function offsetOfPath(offsets: Map<string, number>, path: string): number | undefined {
  let p = path;
  for (;;) {
    const at = offsets.get(p);
    if (at !== undefined) return at;
    if (p === '') return undefined;
    const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
    p = cut <= 0 ? '' : p.slice(0, cut);
  }
}
