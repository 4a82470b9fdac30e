/** Public API of the checklist bundle. */
export { exportBundle, getLastExportAt } from './export';
export { readBundle, type ParsedBundle } from './check';
export { importBundle } from './import';
export { unresolved, type MergePlan, type FieldConflict, type Resolutions } from './merge-plan';
export { applyMerge, type MergeResult } from './merge';
export { bundleMessage, BundleFailure, type BundleError } from './messages';
export * from './manifest';
