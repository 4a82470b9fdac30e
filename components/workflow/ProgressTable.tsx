import type { GroupProgress } from '../../lib/checklist/dashboard';
import { useWorkflowT } from './useWorkflowT';
import { thaiLang } from '../lang-attr';

/** A labelled table of groups, each with a progress element and the same figures as text. */
export function ProgressTable<K extends string | number>({
  title,
  groups,
  label,
}: {
  title: string;
  groups: GroupProgress<K>[];
  label(g: GroupProgress<K>): string;
}) {
  const { w, lang } = useWorkflowT();
  return (
    <section aria-label={title}>
      <h3>{title}</h3>
      <table className="progress">
        <thead>
          <tr>
            <th>{w('group')}</th>
            <th>{w('progress')}</th>
          </tr>
        </thead>
        <tbody>
          {groups.map((g) => {
            const name = label(g);
            const text = w('progressText', { complete: g.complete, total: g.total, percent: g.percent });
            return (
              <tr key={String(g.key)}>
                <th scope="row" lang={thaiLang(name, lang)}>
                  {name}
                </th>
                <td>
                  <progress max={Math.max(g.total, 1)} value={g.complete} aria-label={`${name}: ${text}`} />
                  <span>{text}</span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
}
