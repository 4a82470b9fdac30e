import { useId, useRef } from 'react';

interface FilePickerProps {
  /** Names the control: the button's text, and the native input's accessible name. */
  label: string;
  accept: string;
  hint?: string;
  onFile(file: File): void;
}

/**
 * A file chooser that speaks the UI's language. The browser draws its own "Choose File / No file
 * chosen" in the browser's language whatever the UI says, so our button names and opens the
 * control; the native input stays in the document, hidden, labelled the same.
 */
export function FilePicker({ label, accept, hint, onFile }: FilePickerProps) {
  const input = useRef<HTMLInputElement>(null);
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={(e) => {
          const f = e.target.files?.[0];
          e.target.value = '';
          if (f) onFile(f);
        }}
      />
      <button type="button" aria-describedby={hintId} onClick={() => input.current?.click()}>
        {label}
      </button>
      {hint && <small id={hintId}>{hint}</small>}
    </div>
  );
}
