import type { Locale } from './activity.ts';

/** Guesses ru or en from the script of the text; undefined when it cannot tell. */
export function localeFromText(text: string | undefined): Locale | undefined {
  if (!text) return undefined;
  // Counted by char code rather than with global regex matches: this runs on every turn, and `match` would
  // allocate a string per letter.
  let cyr = 0;
  let lat = 0;
  for (let i = 0; i < text.length; i += 1) {
    const c = text.charCodeAt(i);
    if (c >= 0x0400 && c <= 0x04ff) cyr += 1;
    else if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) lat += 1;
  }
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
