/**
 * Where a value sits in a criteria file's text, by the field paths the validator reports
 * ("items[4].elements[1].key"), and where the first syntax error is. jsonc-parser builds the tree
 * with offsets (JSON.parse gives none); comments and trailing commas count as errors, as in JSON.
 */
import { findNodeAtLocation, parseTree, type Node, type ParseError } from 'jsonc-parser';

export interface JsonLocator {
  /** Offset of the value's key (object members) or first character (array elements, root), else of its deepest present ancestor. */
  offsetOf(path: string): number | undefined;
  /** Offset of the first syntax error, or null when the text is well-formed. */
  errorAt: number | null;
}

const STRICT = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false };

/** "items[4].elements[1].key" → ["items", 4, "elements", 1, "key"]. */
function pathSegments(path: string): (string | number)[] {
  const out: (string | number)[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : m[1]!);
  return out;
}

function offsetOfNode(node: Node): number {
  // A member's value: point at its key, where a reader looks for it.
  return node.parent?.type === 'property' ? node.parent.offset : node.offset;
}

export function locateJson(text: string): JsonLocator {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, STRICT);
  return {
    errorAt: errors.length > 0 ? Math.min(errors[0]!.offset, text.length) : null,
    offsetOf(path) {
      if (!root) return undefined;
      const segs = pathSegments(path);
      for (let n = segs.length; n > 0; n--) {
        const node = findNodeAtLocation(root, segs.slice(0, n));
        if (node) return offsetOfNode(node);
      }
      return root.offset;
    },
  };
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
