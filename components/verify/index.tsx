// Placeholder: the re-verify UI (progress, cancel, resume, verdicts).
import type { ChecklistData } from '../useChecklistData';

export function VerifyPanel(_props: { data: ChecklistData }) {
  return null;
}
