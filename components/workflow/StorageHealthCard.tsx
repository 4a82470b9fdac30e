import { useCallback, useEffect, useId, useState } from 'react';
import {
  formatBytes,
  storageHealth,
  STORAGE_HEALTH_MESSAGES,
  type StorageHealth,
} from '../../lib/storage/storage-health';
import { useWorkflowT } from './useWorkflowT';
import { fillTemplate as fill } from '../../lib/i18n/template';

/** Options-page card: space used against the quota, persistent-storage request, backup reminder. */
export function StorageHealthCard() {
  const { w, lang } = useWorkflowT();
  const [health, setHealth] = useState<StorageHealth | null>(null);
  const [unsupported, setUnsupported] = useState(false);
  const id = useId();
  const refresh = useCallback(async () => {
    const storage = navigator.storage as StorageManager | undefined;
    if (!storage?.estimate) {
      setUnsupported(true);
      return;
    }
    const [estimate, persisted] = await Promise.all([
      storage.estimate(),
      storage.persisted?.() ?? Promise.resolve(false),
    ]);
    setHealth(storageHealth(estimate, persisted));
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const persist = async () => {
    await navigator.storage?.persist?.().catch(() => false);
    await refresh();
  };
  const params: Record<string, string | number> = health
    ? { used: formatBytes(health.usage, lang), quota: formatBytes(health.quota, lang), percent: health.percent }
    : {};
  return (
    <section className="card" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>{w('storageTitle')}</h2>
      {unsupported && <p className="muted">{w('storageUnknown')}</p>}
      {health && (
        <>
          <progress
            max={Math.max(health.quota, 1)}
            value={health.usage}
            aria-label={`${w('storageUsage')}: ${health.percent}%`}
          />
          <p>
            {fill(STORAGE_HEALTH_MESSAGES.ok[lang], params)} ({health.percent}%)
          </p>
          {health.level !== 'ok' && (
            <p className="warn" role="alert">
              {fill(STORAGE_HEALTH_MESSAGES[health.level][lang], params)}
            </p>
          )}
          {health.persisted ? (
            <p className="status ok">{w('storagePersisted')}</p>
          ) : (
            <>
              <p className="muted">{STORAGE_HEALTH_MESSAGES.notPersisted[lang]}</p>
              <button type="button" onClick={() => void persist()}>
                {w('storagePersist')}
              </button>
            </>
          )}
        </>
      )}
      <p className="why">{w('backupReminder')}</p>
    </section>
  );
}
