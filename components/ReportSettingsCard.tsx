import { useId, useState } from 'react';
import { saveSettings, type ReportSigners } from '../lib/storage/settings';
import type { UiKey } from '../lib/i18n/ui';
import { getDb } from './db';
import { useUi } from './i18n';
import { thaiLang } from './lang-attr';
import { errorText } from './error-text';

const ROLES: [keyof ReportSigners, UiKey][] = [
  ['preparer', 'signPreparer'],
  ['reviewer', 'signReviewer'],
  ['certifier', 'signCertifier'],
];

/** Options-page card: who signs report.html (names and positions, or blank lines) and its digits. */
export function ReportSettingsCard() {
  const { t, lang, settings } = useUi();
  const [signers, setSigners] = useState<ReportSigners>(settings.reportSigners);
  const [thaiDigits, setThaiDigits] = useState(settings.reportThaiDigits);
  const [msg, setMsg] = useState<{ text: string; error: boolean } | null>(null);
  const id = useId();
  const set = (role: keyof ReportSigners, field: 'name' | 'position', value: string) =>
    setSigners({ ...signers, [role]: { ...signers[role], [field]: value } });
  const save = async () => {
    try {
      await saveSettings(getDb(), { reportSigners: signers, reportThaiDigits: thaiDigits });
      setMsg({ text: t('reportSaved'), error: false });
    } catch (e) {
      setMsg({ text: errorText(e, t), error: true });
    }
  };
  return (
    <form
      className="card"
      aria-labelledby={`${id}-h`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h2 id={`${id}-h`}>{t('reportTitle')}</h2>
      <p className="muted">{t('reportIntro')}</p>
      {ROLES.map(([role, key]) => (
        <fieldset key={role}>
          <legend>{t(key)}</legend>
          <div className="field">
            <label htmlFor={`${id}-${role}-n`}>{t('signerName')}</label>
            <input
              id={`${id}-${role}-n`}
              type="text"
              lang={thaiLang(signers[role].name, lang)}
              value={signers[role].name}
              onChange={(e) => set(role, 'name', e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-${role}-p`}>{t('signerPosition')}</label>
            <input
              id={`${id}-${role}-p`}
              type="text"
              lang={thaiLang(signers[role].position, lang)}
              value={signers[role].position}
              onChange={(e) => set(role, 'position', e.target.value)}
            />
          </div>
        </fieldset>
      ))}
      <label className="check">
        <input type="checkbox" checked={thaiDigits} onChange={(e) => setThaiDigits(e.target.checked)} />{' '}
        {t('reportThaiDigits')}
      </label>
      <div className="toolbar">
        <button type="submit" className="primary">
          {t('saveReport')}
        </button>
      </div>
      <div role="status" className={`status ${msg ? (msg.error ? 'error' : 'ok') : ''}`}>
        {msg?.text}
      </div>
    </form>
  );
}
