/** One step of a versioned format: upgrades data at version `from` to `from + 1`. Never edit a released step: add one. */
export interface MigrationStep<T> {
  from: number;
  up(value: T): T;
}

/**
 * The one migration runner (settings, bundle manifests, criteria sets): applies the steps from
 * version `from` up to `to`, in order. A missing step throws, so a gap can never skip an upgrade.
 */
export function runMigrations<T>(value: T, from: number, to: number, steps: readonly MigrationStep<T>[]): T {
  let out = value;
  for (let at = from; at < to; at++) {
    const step = steps.find((s) => s.from === at);
    if (!step) throw new Error(`No migration from version ${at}`);
    out = step.up(out);
  }
  return out;
}
