/** Public API of the checklist bundle. */
export {
  exportBundle,
  getLastExportAt,
  bundleFileName,
  LAST_EXPORT_KEY,
  type ExportOptions,
  type ExportResult,
} from './export';
export {
  readBundle,
  checkBundle,
  DEFAULT_BUNDLE_LIMITS,
  type BundleLimits,
  type ParsedBundle,
  type ReadResult,
  type CheckReport,
} from './check';
export { importBundle, type ImportOutcome } from './import';
export { planMerge, unresolved, type MergePlan, type FieldConflict, type Resolutions, type Choice } from './merge-plan';
export { applyMerge, type MergeResult } from './merge';
export { migrateManifest } from './migrate';
export { BUNDLE_MESSAGES, bundleMessage, BundleFailure, type BundleError, type BundleErrorCode } from './messages';
export * from './manifest';
