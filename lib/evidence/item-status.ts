import type { ItemStatus } from './types';

export const ITEM_STATUSES: readonly ItemStatus[] = ['unreviewed', 'needs-review', 'complete', 'incomplete', 'missing'];

export function isItemStatus(value: unknown): value is ItemStatus {
  return typeof value === 'string' && (ITEM_STATUSES as readonly string[]).includes(value);
}
