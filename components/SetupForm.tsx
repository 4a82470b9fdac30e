import { useId, useState } from 'react';
import { browser } from 'wxt/browser';
import { useUi } from './i18n';
import { getDb } from './db';
import { saveSettings, type UiLanguage } from '../lib/storage/settings';
import { sendToBackground } from '../lib/platform/messaging';
import { validateSetup, type SetupInput } from './setup-validation';
import type { UiKey } from '../lib/i18n/ui';
import { Field } from './Field';
import { thaiLang } from './lang-attr';

export function SetupForm() {
  const { t, lang, settings } = useUi();
  const [input, setInput] = useState<SetupInput>({
    agencyName: settings.agencyName,
    homeUrl: settings.homeUrl,
    fiscalYear: String(settings.fiscalYear),
    units: settings.units.join('\n'),
    urlCap: String(settings.urlCap),
  });
  const [language, setLanguage] = useState<UiLanguage>(settings.language);
  const [errors, setErrors] = useState<Partial<Record<keyof SetupInput, string>>>({});
  // Kept as a key, so that the message follows a language change made by this very save.
  const [status, setStatus] = useState<{ key: UiKey; detail?: string; kind: 'ok' | 'error' } | null>(null);
  const langId = useId();
  const bind = (k: keyof SetupInput) => ({
    value: input[k],
    onChange: (v: string) => setInput({ ...input, [k]: v }),
    error: errors[k],
  });

  const onSave = () => {
    const result = validateSetup(input);
    if (!result.ok) {
      setErrors(Object.fromEntries(Object.entries(result.errors).map(([k, v]) => [k, t(v)])));
      setStatus(null);
      return;
    }
    setErrors({});
    // permissions.request must run inside the click's user gesture: call it before any await.
    const granted = browser.permissions.request({ origins: result.patterns }).catch(() => false);
    void (async () => {
      try {
        await saveSettings(getDb(), { ...result.value, language });
        const ok = await granted;
        await sendToBackground('settings/apply', {});
        setStatus(ok ? { key: 'settingsSaved', kind: 'ok' } : { key: 'permissionDenied', kind: 'error' });
      } catch (e) {
        setStatus({ key: 'errorGeneric', detail: e instanceof Error ? e.message : String(e), kind: 'error' });
      }
    })();
  };

  return (
    <form
      className="card"
      aria-labelledby="setup-title"
      onSubmit={(e) => {
        e.preventDefault();
        onSave();
      }}
      noValidate
    >
      <h1 id="setup-title">{t('setupTitle')}</h1>
      <p>{t('setupIntro')}</p>
      <Field label={t('agencyName')} lang={thaiLang(input.agencyName, lang)} {...bind('agencyName')} />
      <Field label={t('homeUrl')} hint={t('homeUrlHint')} type="url" {...bind('homeUrl')} />
      <Field label={t('fiscalYear')} inputMode="numeric" {...bind('fiscalYear')} />
      <Field label={t('units')} multiline lang={thaiLang(input.units, lang)} {...bind('units')} />
      <Field label={t('urlCap')} inputMode="numeric" {...bind('urlCap')} />
      <div className="field">
        <label htmlFor={langId}>{t('language')}</label>
        <select id={langId} value={language} onChange={(e) => setLanguage(e.target.value as UiLanguage)}>
          <option value="auto">{t('langAuto')}</option>
          <option value="th" lang="th">
            {t('langTh')}
          </option>
          <option value="en">{t('langEn')}</option>
        </select>
      </div>
      <p className="why">{t('permissionWhy')}</p>
      <button type="submit" className="primary">
        {t('saveSettings')}
      </button>
      <div role="status" className={`status ${status?.kind ?? ''}`}>
        {status && t(status.key, { detail: status.detail ?? '' })}
      </div>
    </form>
  );
}
