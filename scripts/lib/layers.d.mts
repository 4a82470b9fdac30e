export const LIB_LAYERS: string[][];
export const NODE_ONLY_FOLDERS: string[];
export function layerOf(folder: string): number | null;
export function forbiddenFor(folder: string): string[];
