import type { Locale } from './activity.ts';

/** Translates a key of the locale resources, interpolating `vars`. */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** The i18n port: every fixed phrase the bot says comes through it, from `locales/`. */
export interface Translator {
  forLocale(locale: Locale): Translate;
}
