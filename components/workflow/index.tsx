// Placeholder exports: the workflow engineer replaces these components (issue 4).
import type { ChecklistData } from '../useChecklistData';

export function DashboardView(_props: { data: ChecklistData }) {
  return null;
}

export function TasksView() {
  return null;
}

/** Editor for one item (status override, unit, due date, assignee, notes, URLs, explanation, evidence). */
export function ItemDetail(_props: { data: ChecklistData; code: string; onClose(): void }) {
  return null;
}

/** Filters above the checklist; calls onChange with the codes to show (undefined = all). */
export function ChecklistFilters(_props: { data: ChecklistData; onChange(codes: Set<string> | undefined): void }) {
  return null;
}

/** Options-page cards: criteria sets (import/export), storage health, language. */
export function CriteriaSetsCard() {
  return null;
}

export function StorageHealthCard() {
  return null;
}
