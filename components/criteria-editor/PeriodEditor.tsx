import { useId } from 'react';
import type { PeriodRule } from '../../lib/criteria/types';
import { useYearsT } from './useYearsT';

type Choice = 'current' | 'fy0' | 'fy-1' | 'range' | 'covers' | 'in-force' | 'first-half';

function choiceOf(rule: PeriodRule): Choice {
  if (rule.kind === 'fiscal-year') return rule.offset === -1 ? 'fy-1' : 'fy0';
  return rule.kind;
}

function ruleOf(choice: Choice, prev: PeriodRule): PeriodRule {
  switch (choice) {
    case 'fy0':
      return { kind: 'fiscal-year', offset: 0 };
    case 'fy-1':
      return { kind: 'fiscal-year', offset: -1 };
    case 'range':
      return prev.kind === 'range' ? prev : { kind: 'range', from: '', to: '' };
    case 'covers':
      return { kind: 'covers' };
    case 'in-force':
      return { kind: 'in-force' };
    case 'first-half':
      return { kind: 'first-half' };
    default:
      return { kind: 'current' };
  }
}

/** The period rule: its kind, and the few parameters some kinds take. */
export function PeriodEditor({ rule, onChange }: { rule: PeriodRule; onChange(next: PeriodRule): void }) {
  const { y } = useYearsT();
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{y('period')}</label>
      <select id={id} value={choiceOf(rule)} onChange={(e) => onChange(ruleOf(e.target.value as Choice, rule))}>
        <option value="current">{y('periodCurrent')}</option>
        <option value="fy0">{y('periodFiscal')}</option>
        <option value="fy-1">{y('periodPrevious')}</option>
        <option value="first-half">{y('periodFirstHalf')}</option>
        <option value="covers">{y('periodCovers')}</option>
        <option value="in-force">{y('periodInForce')}</option>
        <option value="range">{y('periodRange')}</option>
      </select>
      {rule.kind === 'range' && (
        <div className="toolbar">
          <label>
            {y('periodFrom')}{' '}
            <input type="text" value={rule.from} onChange={(e) => onChange({ ...rule, from: e.target.value.trim() })} />
          </label>
          <label>
            {y('periodTo')}{' '}
            <input type="text" value={rule.to} onChange={(e) => onChange({ ...rule, to: e.target.value.trim() })} />
          </label>
        </div>
      )}
      {(rule.kind === 'first-half' || rule.kind === 'range') && (
        <label className="check">
          <input
            type="checkbox"
            checked={rule.monthly === true}
            onChange={(e) =>
              onChange(e.target.checked ? { ...rule, monthly: true } : (({ monthly: _m, ...r }) => r)(rule))
            }
          />{' '}
          {y('periodMonthly')}
        </label>
      )}
    </div>
  );
}
