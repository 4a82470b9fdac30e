import { useId, useState } from 'react';

interface Props {
  label: string;
  hint?: string;
  codes: string[];
  /** Item codes are upper case ("o5" → "O5"); element keys are kept as typed. */
  upper?: boolean;
  onChange(codes: string[]): void;
}

const parse = (text: string, upper: boolean) =>
  text
    .split(/[\s,]+/)
    .map((c) => (upper ? c.trim().toUpperCase() : c.trim()))
    .filter(Boolean);

/** A comma-separated list typed as text: the text is kept while typing, the parsed list is what changes. */
export function CodesField({ label, hint, codes, upper = true, onChange }: Props) {
  const id = useId();
  const [text, setText] = useState(codes.join(', '));
  const shown = parse(text, upper).join(',') === codes.join(',') ? text : codes.join(', ');
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={shown}
        aria-describedby={hint ? `${id}-hint` : undefined}
        onChange={(e) => {
          setText(e.target.value);
          onChange(parse(e.target.value, upper));
        }}
      />
      {hint && <small id={`${id}-hint`}>{hint}</small>}
    </div>
  );
}
