// Placeholder: the bundle UI (export/import with progress, cancel and merge conflicts).
import type { ChecklistData } from '../useChecklistData';

export function BundlePanel(_props: { data: ChecklistData }) {
  return null;
}
