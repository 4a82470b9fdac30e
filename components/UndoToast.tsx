import { useEffect, useRef, useState } from 'react';
import { useUi } from './i18n';

/** How long a toast stays: long enough to reach Undo (WCAG 2.2.1), and paused while in use. */
export const TOAST_MS = 20_000;

/**
 * A status message with an optional Undo. It dismisses itself after `ms`, but the countdown pauses
 * while the pointer is over it or focus is inside it, and resumes with the time that was left.
 */
export function UndoToast({
  text,
  onUndo,
  onDismiss,
  ms = TOAST_MS,
}: {
  text: string;
  onUndo?(): void;
  onDismiss(): void;
  ms?: number;
}) {
  const { t } = useUi();
  const [hovered, setHovered] = useState(false);
  const [focused, setFocused] = useState(false);
  const left = useRef(ms);
  const paused = hovered || focused;
  useEffect(() => {
    if (paused) return;
    // After a pause, leave at least a few seconds to read the message again.
    left.current = Math.max(left.current, Math.min(ms, 5_000));
    const started = Date.now();
    const id = setTimeout(onDismiss, left.current);
    return () => {
      clearTimeout(id);
      left.current = Math.max(0, left.current - (Date.now() - started));
    };
  }, [paused, onDismiss, ms]);
  return (
    <div
      className="toast"
      role="status"
      onMouseEnter={() => setHovered(true)}
      onMouseLeave={() => setHovered(false)}
      onFocus={() => setFocused(true)}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget)) setFocused(false);
      }}
    >
      <span>{text}</span>
      {onUndo && (
        <button type="button" onClick={onUndo}>
          {t('undo')}
        </button>
      )}
      <button type="button" onClick={onDismiss} aria-label={t('close')}>
        ×
      </button>
    </div>
  );
}
