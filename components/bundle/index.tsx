// The export/import tab of the side panel: the checklist bundle (zip) out and back in.
import type { ChecklistData } from '../useChecklistData';
import { ExportCard } from './ExportCard';
import { ImportCard } from './ImportCard';

export function BundlePanel({ data }: { data: ChecklistData }) {
  return (
    <div className="bundle">
      <ExportCard data={data} />
      <ImportCard />
    </div>
  );
}
