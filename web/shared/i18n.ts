import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Language = 'pl' | 'en';
export const LANGUAGES: readonly Language[] = ['pl', 'en'];

const LANGUAGE_KEY = 'helpdesk.language';

export type Messages = Record<string, string>;

export interface Translator {
  language: Language;
  /** The message in the current language, `{name}` replaced by `params.name`. */
  t: (key: string, params?: Record<string, string | number>) => string;
  /** A date and time in the agent's language and time zone. */
  dateTime: (iso: string) => string;
}

export const I18n = createContext<Translator>(translator('en', { en: {}, pl: {} }));
export const useI18n = () => useContext(I18n);

/** The zone dates are shown in when the agent chose none: the browser's. */
export const browserTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone;

export function translator(language: Language, dictionaries: Record<Language, Messages>, timeZone?: string): Translator {
  const messages = dictionaries[language];
  const format = new Intl.DateTimeFormat(language, { dateStyle: 'medium', timeStyle: 'short', ...(timeZone ? { timeZone } : {}) });
  return {
    language,
    t: (key, params = {}) =>
      (messages[key] ?? dictionaries.en[key] ?? key).replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? `{${name}}`)),
    dateTime: (iso) => format.format(new Date(iso)),
  };
}

/**
 * The language to show before the agent's saved preferences arrive: the last one this browser
 * showed, otherwise the browser's language when it is one of ours.
 */
export function preferredLanguage(): Language {
  const stored = localStorage.getItem(LANGUAGE_KEY);
  if (stored === 'pl' || stored === 'en') return stored;
  return navigator.language.toLowerCase().startsWith('pl') ? 'pl' : 'en';
}

export function rememberLanguage(language: Language): void {
  localStorage.setItem(LANGUAGE_KEY, language);
}
