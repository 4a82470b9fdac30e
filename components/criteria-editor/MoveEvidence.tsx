import { useId, useState } from 'react';
import { getDb } from '../db';
import { listByCriterion, reassignCriterion } from '../../lib/storage/evidence-repo';
import { useYearsT } from './useYearsT';

/** Moves every evidence record of one item to another, so that the item can then be removed. */
export function MoveEvidence({
  from,
  codes,
  onMoved,
}: {
  from: string;
  codes: string[];
  onMoved(count: number, to: string): void;
}) {
  const { y } = useYearsT();
  const [to, setTo] = useState(codes[0] ?? '');
  const id = useId();
  const move = async () => {
    const db = getDb();
    const records = await listByCriterion(db, from);
    for (const r of records) await reassignCriterion(db, r.id, from, to, 'move');
    onMoved(records.length, to);
  };
  return (
    <div className="toolbar">
      <label htmlFor={id}>{y('moveEvidenceTo', { code: from })}</label>
      <select id={id} value={to} onChange={(e) => setTo(e.target.value)}>
        {codes.map((c) => (
          <option key={c} value={c}>
            {c}
          </option>
        ))}
      </select>
      <button type="button" disabled={!to} onClick={() => void move()}>
        {y('moveEvidence')}
      </button>
    </div>
  );
}
