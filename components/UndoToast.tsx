import { useEffect } from 'react';
import { useUi } from './i18n';

export function UndoToast({ text, onUndo, onDismiss, ms = 10_000 }: { text: string; onUndo?(): void; onDismiss(): void; ms?: number }) {
  const { t } = useUi();
  useEffect(() => {
    const id = setTimeout(onDismiss, ms);
    return () => clearTimeout(id);
  }, [onDismiss, ms]);
  return (
    <div className="toast" role="status">
      <span>{text}</span>
      {onUndo && <button type="button" onClick={onUndo}>{t('undo')}</button>}
      <button type="button" onClick={onDismiss} aria-label={t('close')}>×</button>
    </div>
  );
}
