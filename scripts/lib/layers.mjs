// The layers of lib/, lowest first. A folder may import folders of its own layer or lower, never higher,
// and the folder graph has no cycle (test/unit/architecture.test.ts). eslint.config.js turns the same table
// into no-restricted-imports rules, so an editor flags a wrong import as it is typed.
export const LIB_LAYERS = [
  ['util', 'i18n', 'net', 'zip'],
  ['criteria', 'evidence'],
  ['messages', 'storage'],
  ['capture', 'checklist', 'verify', 'bundle'],
  ['platform', 'cli', 'devserver'],
];

/** Where each kind of code may run, by file name: `*.node.ts` needs Node, `*.dom.ts` needs a DOM. */
export const NODE_ONLY_FOLDERS = ['cli', 'devserver'];

export function layerOf(folder) {
  const i = LIB_LAYERS.findIndex((l) => l.includes(folder));
  return i < 0 ? null : i;
}

/** The folders a folder must not import: every folder of a higher layer. */
export function forbiddenFor(folder) {
  const own = layerOf(folder);
  return LIB_LAYERS.slice(own + 1).flat();
}
