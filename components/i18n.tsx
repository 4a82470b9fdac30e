import { createContext, useContext, type ReactNode } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { translate, type UiKey } from '../lib/i18n/ui';
import { resolveLanguage, type Lang } from '../lib/i18n/language';
import { DEFAULT_SETTINGS, loadSettings, type Settings } from '../lib/storage/settings';
import { getDb } from './db';

interface UiContext {
  lang: Lang;
  settings: Settings;
  t(key: UiKey, params?: Record<string, string | number>): string;
}

const Ctx = createContext<UiContext | null>(null);

export function UiProvider({ children }: { children: ReactNode }) {
  const settings = useLiveQuery(() => loadSettings(getDb()), []);
  if (!settings) return null;
  const lang = resolveLanguage(settings.language, navigator.language);
  document.documentElement.lang = lang;
  const value: UiContext = { lang, settings, t: (key, params) => translate(lang, key, params) };
  return <Ctx.Provider value={value}>{children}</Ctx.Provider>;
}

export function useUi(): UiContext {
  const v = useContext(Ctx);
  if (!v) return { lang: 'th', settings: DEFAULT_SETTINGS, t: (k, p) => translate('th', k, p) };
  return v;
}
