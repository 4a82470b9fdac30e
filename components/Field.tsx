import { useId } from 'react';

interface FieldProps {
  label: string;
  value: string;
  onChange(v: string): void;
  error?: string;
  hint?: string;
  type?: string;
  inputMode?: 'numeric' | 'text';
  multiline?: boolean;
  /** lang of the value, e.g. "th" for a Thai name in the English UI. */
  lang?: string;
}

/** A labelled text input whose error is announced and tied to it by aria-describedby. */
export function Field({ label, value, onChange, error, hint, type = 'text', inputMode, multiline, lang }: FieldProps) {
  const id = useId();
  const describedBy = [hint ? `${id}-hint` : '', error ? `${id}-err` : ''].filter(Boolean).join(' ') || undefined;
  const common = { id, value, lang, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={5} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type={type} inputMode={inputMode} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && <small id={`${id}-hint`}>{hint}</small>}
      {error && (
        <span id={`${id}-err`} className="error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
