// Interface languages. English is the source; every other locale has exactly its keys (a test checks).
// The choice is stored with the user (so it follows them to another browser) and, before sign-in,
// in this browser; without either the browser's languages decide. Dates and numbers are formatted
// per language in utils/format.ts.
import { createI18n } from 'vue-i18n';
import en from './locales/en';
import zhCN from './locales/zh-CN';

export const SUPPORTED_LOCALES = ['en', 'zh-CN'] as const;
export type AppLocale = (typeof SUPPORTED_LOCALES)[number];
export type MessageSchema = typeof en;

/** Each language named in itself, for the language switcher. */
export const LOCALE_NAMES: Record<AppLocale, string> = { en: 'English', 'zh-CN': '简体中文' };

export const LOCALE_STORAGE_KEY = 'amicus.locale';

export function isAppLocale(value: unknown): value is AppLocale {
  return typeof value === 'string' && (SUPPORTED_LOCALES as readonly string[]).includes(value);
}

/** The first of the browser's languages Amicus offers (any Chinese → zh-CN), else English. */
export function localeFromBrowser(languages: readonly string[]): AppLocale {
  for (const tag of languages) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function initialLocale(): AppLocale {
  const stored = globalThis.localStorage?.getItem(LOCALE_STORAGE_KEY);
  if (isAppLocale(stored)) return stored;
  return localeFromBrowser(globalThis.navigator?.languages ?? []);
}

export function createAppI18n(locale: AppLocale = initialLocale()) {
  return createI18n<[MessageSchema], AppLocale, false>({
    legacy: false,
    locale,
    fallbackLocale: 'en',
    messages: { en, 'zh-CN': zhCN },
    missingWarn: false,
    fallbackWarn: false,
  });
}

export type AppI18n = ReturnType<typeof createAppI18n>;

/** Switches the interface language at once (html lang included) and remembers it in this browser. */
export function applyLocale(i18n: AppI18n, locale: AppLocale): void {
  i18n.global.locale.value = locale;
  globalThis.localStorage?.setItem(LOCALE_STORAGE_KEY, locale);
  if (globalThis.document) document.documentElement.lang = locale;
}
