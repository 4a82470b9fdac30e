import type { AnyOfGroup, CriterionElement } from '../../lib/criteria/types';
import { CodesField } from './CodesField';
import { useYearsT } from './useYearsT';

interface Props {
  elements: CriterionElement[];
  anyOf: AnyOfGroup[];
  onChange(patch: { elements?: CriterionElement[]; anyOf?: AnyOfGroup[] }): void;
}

/** One row per element (key, Thai and English wording, required or example), then the any-of groups. */
export function ElementsEditor({ elements, anyOf, onChange }: Props) {
  const { y } = useYearsT();
  const setEl = (i: number, patch: Partial<CriterionElement>) =>
    onChange({ elements: elements.map((e, j) => (j === i ? { ...e, ...patch } : e)) });
  const setGroup = (i: number, patch: Partial<AnyOfGroup>) =>
    onChange({ anyOf: anyOf.map((g, j) => (j === i ? { ...g, ...patch } : g)) });
  return (
    <fieldset className="elements-editor">
      <legend>{y('elements')}</legend>
      <table>
        <thead>
          <tr>
            <th>{y('elementKey')}</th>
            <th>{y('elementTh')}</th>
            <th>{y('elementEn')}</th>
            <th>{y('elementRequired')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {elements.map((el, i) => (
            <tr key={i}>
              <td>
                <input
                  type="text"
                  size={12}
                  aria-label={`${y('elementKey')} ${i + 1}`}
                  value={el.key}
                  onChange={(e) => setEl(i, { key: e.target.value.trim() })}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`${y('elementTh')} ${i + 1}`}
                  value={el.th}
                  onChange={(e) => setEl(i, { th: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="text"
                  aria-label={`${y('elementEn')} ${i + 1}`}
                  value={el.en}
                  onChange={(e) => setEl(i, { en: e.target.value })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={`${y('elementRequired')} ${i + 1}`}
                  checked={el.required}
                  onChange={(e) => setEl(i, { required: e.target.checked })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="danger"
                  aria-label={y('removeElement', { key: el.key || String(i + 1) })}
                  onClick={() => onChange({ elements: elements.filter((_, j) => j !== i) })}
                >
                  ×
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() =>
          onChange({ elements: [...elements, { key: `el${elements.length + 1}`, th: '', en: '', required: true }] })
        }
      >
        {y('addElement')}
      </button>
      {anyOf.map((g, i) => (
        <div key={i} className="toolbar">
          <label>
            {y('anyOfName')} <input type="text" value={g.th} onChange={(e) => setGroup(i, { th: e.target.value })} />
          </label>
          <label>
            {y('anyOfMin')}{' '}
            <input
              type="number"
              min={1}
              size={3}
              value={g.min}
              onChange={(e) => setGroup(i, { min: Number(e.target.value) })}
            />
          </label>
          <CodesField
            label={y('anyOfMembers')}
            codes={g.elements}
            upper={false}
            onChange={(keys) => setGroup(i, { elements: keys })}
          />
          <button type="button" className="danger" onClick={() => onChange({ anyOf: anyOf.filter((_, j) => j !== i) })}>
            {y('removeAnyOf', { name: g.th || g.key })}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange({ anyOf: [...anyOf, { key: `group${anyOf.length + 1}`, th: '', en: '', min: 1, elements: [] }] })
        }
      >
        {y('elementAnyOf')}
      </button>
    </fieldset>
  );
}
