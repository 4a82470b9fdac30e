import type { MergePlan, ParsedBundle, Resolutions } from '../../lib/bundle';
import { conflictSubject, fieldLabel, formatValue } from './conflict-text';
import { setChoice } from './import-flow';
import { useBundleT } from './useBundleT';

/** Conflicting values side by side; each row has a "Keep mine" / "Use theirs" choice under its values. */
export function ConflictTable({
  bundle,
  plan,
  resolutions,
  onChange,
}: {
  bundle: ParsedBundle;
  plan: MergePlan;
  resolutions: Resolutions;
  onChange(r: Resolutions): void;
}) {
  const { b, lang } = useBundleT();
  const titles = new Map(bundle.manifest.evidence.map((e) => [e.id, e.title || e.url]));
  return (
    <table className="conflicts">
      <caption>{b('conflictsCaption')}</caption>
      <thead>
        <tr>
          <th scope="col">{b('colField')}</th>
          <th scope="col">{b('colMine')}</th>
          <th scope="col">{b('colTheirs')}</th>
        </tr>
      </thead>
      <tbody>
        {plan.conflicts.map((c, i) => {
          const chosen = resolutions[c.key]?.[c.field];
          const radio = (side: 'mine' | 'theirs') => (
            <label className="choice">
              <input
                type="radio"
                name={`bundle-conflict-${i}`}
                checked={chosen === side}
                onChange={() => onChange(setChoice(resolutions, c.key, c.field, side))}
              />{' '}
              {b(side === 'mine' ? 'keepMine' : 'useTheirs')}
            </label>
          );
          return (
            <tr key={`${c.key}/${c.field}`}>
              <th scope="row">
                {conflictSubject(c, lang, (id) => titles.get(id))}
                <div className="small">{fieldLabel(c.field, lang)}</div>
              </th>
              <td>
                <div className="value">{formatValue(c.mine, c.field, lang)}</div>
                {radio('mine')}
              </td>
              <td>
                <div className="value">{formatValue(c.theirs, c.field, lang)}</div>
                {radio('theirs')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
