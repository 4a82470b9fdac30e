// Meta-test of the tree (in the style of refined-github's build/features.test.ts): lib/ is a stack of
// layers with no folder cycle, browser APIs stay in lib/platform, and Node-only or DOM-only code says so.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { LIB_LAYERS, NODE_ONLY_FOLDERS, layerOf } from '../../scripts/lib/layers.mjs';

const ROOT = path.resolve(import.meta.dirname, '../..');
const LIB = path.join(ROOT, 'lib');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return sourceFiles(full);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [full] : [];
  });
}

interface Import {
  file: string;
  spec: string;
}

function importsOf(file: string): Import[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles.map((f) => ({ file, spec: f.fileName }));
}

const libFiles = sourceFiles(LIB);
const libImports = libFiles.flatMap(importsOf);

function folderOf(file: string): string {
  return path.relative(LIB, file).split(path.sep)[0]!;
}

function targetFolder(imp: Import): string | null {
  if (!imp.spec.startsWith('.')) return null;
  const target = path.resolve(path.dirname(imp.file), imp.spec);
  const rel = path.relative(LIB, target);
  if (rel.startsWith('..')) return `../${rel}`;
  return rel.split(path.sep)[0]!;
}

function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const imp of libImports) {
    const from = folderOf(imp.file);
    const to = targetFolder(imp);
    if (!to || to === from || to.startsWith('..')) continue;
    if (!graph.has(from)) graph.set(from, new Set());
    graph.get(from)!.add(to);
  }
  return graph;
}

/** One cycle of the graph as a path a → … → a, or null. */
export function findCycle(graph: Map<string, Set<string>>): string[] | null {
  const state = new Map<string, 'open' | 'done'>();
  const stack: string[] = [];
  const visit = (node: string): string[] | null => {
    state.set(node, 'open');
    stack.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') return [...stack.slice(stack.indexOf(next)), next];
      if (!state.has(next)) {
        const found = visit(next);
        if (found) return found;
      }
    }
    stack.pop();
    state.set(node, 'done');
    return null;
  };
  for (const node of graph.keys()) {
    if (!state.has(node)) {
      const found = visit(node);
      if (found) return found;
    }
  }
  return null;
}

const rel = (f: string) => path.relative(ROOT, f);

/** The file's code without its comments, so that a comment naming an API is not a use of it. */
function codeOf(file: string): string {
  return readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
}

describe('lib/ layers', () => {
  it('every lib/ folder has a layer', () => {
    const folders = readdirSync(LIB).filter((n) => statSync(path.join(LIB, n)).isDirectory());
    expect(folders.filter((f) => layerOf(f) === null)).toEqual([]);
    expect(LIB_LAYERS.flat().filter((f) => !folders.includes(f))).toEqual([]);
  });

  it('no folder imports a folder of a higher layer', () => {
    const wrong = libImports.flatMap((imp) => {
      const to = targetFolder(imp);
      if (!to || to.startsWith('..')) return [];
      const from = folderOf(imp.file);
      return layerOf(to)! > layerOf(from)! ? [`${rel(imp.file)} imports ${imp.spec} (${from} → ${to})`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('the folder import graph has no cycle', () => {
    expect(findCycle(folderGraph())).toBeNull();
  });

  it('lib/ never imports the extension pages, React or a browser API outside lib/platform', () => {
    const wrong = libImports.flatMap((imp) => {
      const to = targetFolder(imp);
      const inPlatform = folderOf(imp.file) === 'platform';
      const browserApi = /^(wxt|@wxt-dev\/|webextension-polyfill)/.test(imp.spec);
      const uiOrPages = (to?.startsWith('..') ?? false) || /^(react|react-dom|dexie-react-hooks)(\/|$)/.test(imp.spec);
      return (browserApi && !inPlatform) || uiOrPages ? [`${rel(imp.file)} imports ${imp.spec}`] : [];
    });
    expect(wrong).toEqual([]);
  });

  it('no chrome.* or browser.* global is used outside lib/platform', () => {
    const wrong = libFiles
      .filter((f) => folderOf(f) !== 'platform')
      .filter((f) =>
        /(^|[^.\w])(chrome|browser)\.(runtime|tabs|storage|scripting|permissions|sidePanel|sidebarAction|contextMenus|action)\b/m.test(
          codeOf(f),
        ),
      )
      .map(rel);
    expect(wrong).toEqual([]);
  });

  it('Node built-ins only in Node-only folders or *.node.ts files', () => {
    const wrong = libImports
      .filter((imp) => imp.spec.startsWith('node:'))
      .filter((imp) => !NODE_ONLY_FOLDERS.includes(folderOf(imp.file)) && !imp.file.endsWith('.node.ts'))
      .map((imp) => `${rel(imp.file)} imports ${imp.spec}`);
    expect(wrong).toEqual([]);
  });

  it('DOM-only code is named *.dom.ts, and nothing Node-side imports it', () => {
    const domUse =
      /\b(DOMParser|XMLSerializer|getComputedStyle|NodeFilter|document\.(createElement|querySelector|body|documentElement|createTreeWalker))\b/;
    const unmarked = libFiles.filter((f) => domUse.test(codeOf(f)) && !f.endsWith('.dom.ts')).map(rel);
    expect(unmarked).toEqual([]);
    const nodeSide = libImports
      .filter((imp) => NODE_ONLY_FOLDERS.includes(folderOf(imp.file)) || imp.file.endsWith('.node.ts'))
      .filter((imp) => imp.spec.endsWith('.dom'))
      .map((imp) => `${rel(imp.file)} imports ${imp.spec}`);
    expect(nodeSide).toEqual([]);
  });
});

describe('findCycle', () => {
  it('finds a cycle between folders and none in a stack', () => {
    const g = (edges: [string, string][]) => {
      const m = new Map<string, Set<string>>();
      for (const [a, b] of edges) m.set(a, new Set([...(m.get(a) ?? []), b]));
      return m;
    };
    expect(
      findCycle(
        g([
          ['a', 'b'],
          ['b', 'c'],
          ['c', 'a'],
        ]),
      ),
    ).toEqual(['a', 'b', 'c', 'a']);
    expect(
      findCycle(
        g([
          ['a', 'b'],
          ['b', 'c'],
          ['a', 'c'],
        ]),
      ),
    ).toBeNull();
  });
});
