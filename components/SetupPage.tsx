import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { useUi } from './i18n';
import { SetupForm } from './SetupForm';
import { ReportSettingsCard } from './ReportSettingsCard';
import { CriteriaSetsCard, StorageHealthCard } from './workflow';
import { FiscalYearCard } from './fiscal-year/FiscalYearCard';
import { CriteriaEditor } from './criteria-editor/CriteriaEditor';

/** Options page: agency setup, plus the optional all-sites permission with its reason. */
export function SetupPage() {
  const { t } = useUi();
  const [allSites, setAllSites] = useState<boolean | null>(null);
  useEffect(() => {
    document.title = `${t('appName')} — ${t('setupTitle')}`;
    void browser.permissions.contains({ origins: ['<all_urls>'] }).then(setAllSites);
  }, [t]);
  return (
    <main>
      <SetupForm />
      <section className="card" aria-labelledby="all-sites">
        <h2 id="all-sites">{t('allSitesTitle')}</h2>
        <p>{t('allSitesWhy')}</p>
        {allSites ? (
          <p className="status ok">{t('allSitesGranted')}</p>
        ) : (
          <button
            type="button"
            onClick={() => void browser.permissions.request({ origins: ['<all_urls>'] }).then(setAllSites)}
          >
            {t('allSitesGrant')}
          </button>
        )}
      </section>
      <ReportSettingsCard />
      <CriteriaSetsCard />
      <CriteriaEditor />
      <FiscalYearCard />
      <StorageHealthCard />
      <p>
        <a href={browser.runtime.getURL('/sidepanel.html')}>{t('openChecklist')}</a>
      </p>
    </main>
  );
}
