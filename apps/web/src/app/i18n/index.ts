import { createInstance } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en';
import { zhCN } from './zh-CN';

export type AppLocale = 'zh-CN' | 'en';
export const LOCALE_STORAGE_KEY = 'shuzhi.locale';

const readStoredLocale = (): AppLocale => {
  try {
    return localStorage.getItem(LOCALE_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
};

/** The one i18next instance of the app; zh-CN unless the user chose English before. */
export const i18n = createInstance();

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: readStoredLocale(),
  fallbackLng: 'zh-CN',
  supportedLngs: ['zh-CN', 'en'],
  interpolation: { escapeValue: false },
  initAsync: false,
  returnNull: false,
});

const syncDocument = (lng: string) => {
  document.documentElement.lang = lng;
  document.title = i18n.t('app.title');
};
syncDocument(i18n.language);
i18n.on('languageChanged', syncDocument);

/** The active locale, narrowed to the two the platform ships. */
export const currentLocale = (): AppLocale => (i18n.language === 'en' ? 'en' : 'zh-CN');

/** Switches language and remembers the choice for the next visit. */
export const setLocale = async (locale: AppLocale) => {
  try {
    localStorage.setItem(LOCALE_STORAGE_KEY, locale);
  } catch {
    // Private mode may forbid storage; the switch still applies to this tab.
  }
  await i18n.changeLanguage(locale);
};
