import { useId } from 'react';
import type { Criterion, HintRule, Subindicator } from '../../lib/criteria/types';
import { formatCriteriaError, type CriteriaError } from '../../lib/criteria/errors';
import { Field } from '../Field';
import { CodesField } from './CodesField';
import { ElementsEditor } from './ElementsEditor';
import { PeriodEditor } from './PeriodEditor';
import { useYearsT } from './useYearsT';

interface Props {
  item: Criterion;
  subindicators: Subindicator[];
  errors: CriteriaError[];
  onChange(patch: Partial<Criterion>): void;
  onRemove(): void;
}

const SIGNED: HintRule = { kind: 'signed-by-top-executive' };

/** Every editable field of one item, with its validation errors beside the field they concern. */
export function ItemEditor({ item, subindicators, errors, onChange, onRemove }: Props) {
  const { y, lang } = useYearsT();
  const subId = useId();
  const confId = useId();
  const errorFor = (field: string) => {
    const e = errors.find((x) => x.path.endsWith(`.${field}`));
    return e && formatCriteriaError(e, lang);
  };
  const signed = item.hintRules.some((h) => h.kind === SIGNED.kind);
  const rest = errors.filter((e) => !/\.(code|nameTh|nameEn|subgroupTh)$/.test(e.path));
  return (
    <section className="card item-editor" aria-label={y('editItem', { code: item.code })}>
      <Field
        label={y('itemCode')}
        value={item.code}
        onChange={(v) => onChange({ code: v.trim().toUpperCase() })}
        error={errorFor('code')}
      />
      <Field
        label={y('nameTh')}
        value={item.nameTh}
        onChange={(v) => onChange({ nameTh: v })}
        error={errorFor('nameTh')}
      />
      <Field
        label={y('nameEn')}
        value={item.nameEn}
        onChange={(v) => onChange({ nameEn: v })}
        error={errorFor('nameEn')}
      />
      <div className="field">
        <label htmlFor={subId}>{y('group')}</label>
        <select
          id={subId}
          value={item.subindicator}
          onChange={(e) => {
            const sub = subindicators.find((s) => s.code === e.target.value);
            if (sub) onChange({ subindicator: sub.code, indicator: sub.indicator });
          }}
        >
          {subindicators.map((s) => (
            <option key={s.code} value={s.code}>
              {s.code} {lang === 'th' ? s.nameTh : s.nameEn || s.nameTh}
            </option>
          ))}
        </select>
      </div>
      <Field
        label={y('subgroup')}
        value={item.subgroupTh}
        onChange={(v) => onChange({ subgroupTh: v })}
        error={errorFor('subgroupTh')}
      />
      <ElementsEditor elements={item.elements} anyOf={item.anyOf} onChange={onChange} />
      <PeriodEditor rule={item.periodRule} onChange={(periodRule) => onChange({ periodRule })} />
      <Field label={y('periodText')} value={item.periodText} onChange={(v) => onChange({ periodText: v })} />
      <Field label={y('conditions')} value={item.conditions} onChange={(v) => onChange({ conditions: v })} multiline />
      <label className="check">
        <input
          type="checkbox"
          checked={signed}
          onChange={(e) =>
            onChange({
              hintRules: e.target.checked
                ? [...item.hintRules, SIGNED]
                : item.hintRules.filter((h) => h.kind !== SIGNED.kind),
            })
          }
        />{' '}
        {y('signedByTop')}
      </label>
      <Field
        label={y('noneRule')}
        value={item.noneRule ?? ''}
        onChange={(v) => onChange({ noneRule: v === '' ? null : v })}
      />
      <Field
        label={y('template')}
        hint={y('templateHint')}
        value={item.descriptionTemplate ?? ''}
        multiline
        onChange={(v) => onChange({ descriptionTemplate: v === '' ? undefined : v })}
      />
      <CodesField
        label={y('mapsFrom')}
        hint={y('mapsFromHint')}
        codes={item.mapsFrom ?? []}
        onChange={(mapsFrom) => onChange({ mapsFrom })}
      />
      <Field
        label={y('sourceDocument')}
        value={item.source?.document ?? ''}
        multiline
        onChange={(document) =>
          onChange({
            source: document === '' && !item.source?.quote ? null : { ...(item.source ?? { quote: '' }), document },
          })
        }
      />
      <Field
        label={y('sourceQuote')}
        value={item.source?.quote ?? ''}
        multiline
        onChange={(quote) =>
          onChange({
            source: quote === '' && !item.source?.document ? null : { ...(item.source ?? { document: '' }), quote },
          })
        }
      />
      <div className="field">
        <label htmlFor={confId}>{y('confidence')}</label>
        <select
          id={confId}
          value={item.confidence}
          onChange={(e) => onChange({ confidence: e.target.value as Criterion['confidence'] })}
        >
          <option value="A">A</option>
          <option value="B">B</option>
          <option value="C">C</option>
        </select>
      </div>
      {rest.length > 0 && (
        <ul className="error">
          {rest.map((e, i) => (
            <li key={i}>{formatCriteriaError(e, lang)}</li>
          ))}
        </ul>
      )}
      <button type="button" className="danger" onClick={onRemove}>
        {y('removeItem', { code: item.code })}
      </button>
    </section>
  );
}
