import type { Locale } from './activity.ts';

const CYRILLIC = /[\u0400-\u04FF]/g;
const LATIN = /[A-Za-z]/g;

/** Guesses ru or en from the script of the text; undefined when it cannot tell. */
export function localeFromText(text: string | undefined): Locale | undefined {
  if (!text) return undefined;
  const cyr = text.match(CYRILLIC)?.length ?? 0;
  const lat = text.match(LATIN)?.length ?? 0;
  if (cyr === 0 && lat === 0) return undefined;
  return cyr >= lat ? 'ru' : 'en';
}

/** Maps a channel language tag ("ru-RU", "en", "uk") to a supported locale. */
export function localeFromTag(tag: string | undefined): Locale | undefined {
  if (!tag) return undefined;
  const base = tag.toLowerCase().split(/[-_]/)[0];
  if (base === 'ru' || base === 'be' || base === 'uk' || base === 'kk') return 'ru';
  if (base === 'en') return 'en';
  return undefined;
}

/** What a turn knows about the shopper's language, strongest first. */
export interface LocaleHints {
  /** Set explicitly by the shopper (profile or "switch to English"). */
  preferred?: Locale;
  /** Requested by the client for this message. */
  requested?: Locale;
  /** The channel's language tag for the user. */
  channelLanguage?: string;
  /** The message itself. */
  text?: string;
  /** The last locale used in this conversation. */
  previous?: Locale;
  fallback?: Locale;
}

/** Chooses the locale: the shopper's setting, else the channel's language, else the text itself, else Russian. */
export function resolveLocale(hints: LocaleHints): Locale {
  return (
    hints.preferred ??
    hints.requested ??
    localeFromTag(hints.channelLanguage) ??
    localeFromText(hints.text) ??
    hints.previous ??
    hints.fallback ??
    'ru'
  );
}
