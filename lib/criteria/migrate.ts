/**
 * Criteria-set format migrations, one step per version. A set is migrated before it is validated,
 * so stored sets, imported files and bundles of any earlier version load as the current version.
 */
import { CRITERIA_FORMAT_VERSION } from './types';
import type { Obj } from './field-reader';
import { isPlainObject as isObj } from '../util/guards';
import { runMigrations, type MigrationStep } from '../util/migrate';

/** v1 → v2: every element was required; there were no any-of groups, hint rules or source citations. */
function v1ToV2(set: Obj): Obj {
  const items = Array.isArray(set.items)
    ? set.items.map((it: unknown) => {
        if (!isObj(it)) return it;
        const elements = Array.isArray(it.elements)
          ? it.elements.map((el: unknown) => (isObj(el) && !('required' in el) ? { ...el, required: true } : el))
          : it.elements;
        return { ...it, elements, anyOf: it.anyOf ?? [], hintRules: it.hintRules ?? [], source: it.source ?? null };
      })
    : set.items;
  return { ...set, formatVersion: 2, items };
}

const STEPS: readonly MigrationStep<Obj>[] = [{ from: 1, up: v1ToV2 }];

/**
 * Brings a parsed criteria set of any known version to the current one. Anything that is not an
 * object with a known integer `formatVersion` is returned unchanged for the validator to report.
 */
export function migrateCriteriaSet(data: unknown): unknown {
  if (!isObj(data)) return data;
  const v = data.formatVersion;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v >= CRITERIA_FORMAT_VERSION) return data;
  return runMigrations(data, v, CRITERIA_FORMAT_VERSION, STEPS);
}
