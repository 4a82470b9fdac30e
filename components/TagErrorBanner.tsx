import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useUi } from './i18n';

interface TagError {
  message: string;
  at: string;
}

const FRESH_MS = 5 * 60_000;

/** Why the toolbar button could not tag a page (chrome://, the Web Store…), written by the background. */
export function TagErrorBanner() {
  const { t } = useUi();
  const [error, setError] = useState<TagError | null>(null);
  useEffect(() => {
    const read = () =>
      void browser.storage.session
        .get('lastTagError')
        .then((got) => {
          const v = got.lastTagError as TagError | undefined;
          setError(v && typeof v.message === 'string' && Date.now() - Date.parse(v.at) < FRESH_MS ? v : null);
        })
        .catch(() => undefined);
    read();
    const onChange = (changes: Record<string, unknown>, area: string) => {
      if (area === 'session' && 'lastTagError' in changes) read();
    };
    browser.storage.onChanged.addListener(onChange);
    return () => browser.storage.onChanged.removeListener(onChange);
  }, []);
  if (!error) return null;
  return (
    <div className="warn" role="alert">
      {error.message}{' '}
      <button type="button" onClick={() => void browser.storage.session.remove('lastTagError')}>
        {t('close')}
      </button>
    </div>
  );
}
