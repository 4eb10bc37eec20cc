import i18next, { type Resource } from 'i18next';
import { LOCALES, type Locale } from '../../core/activity.ts';
import type { Translate, Translator } from '../../core/i18n.ts';

/** Options for {@link createI18nextTranslator}. */
export interface I18nextTranslatorOptions {
  /** `{ ru: { common: {...}, errors: {...} }, en: {...} }`, as loaded from `locales/`. */
  resources: Resource;
  /** The namespace of keys without a `ns:` prefix (default `common`). */
  defaultNamespace?: string;
  /** The locale whose phrase is used when a key is missing in another (default `ru`). */
  fallbackLocale?: Locale;
  /** Told about every key that is missing, so gaps show up in logs and tests. */
  onMissingKey?: (locale: string, key: string) => void;
}

/**
 * The Translator port on i18next. One instance is initialized synchronously at start-up, and one
 * fixed `t` per locale is made once, so a turn never pays for i18n set-up.
 */
export function createI18nextTranslator(options: I18nextTranslatorOptions): Translator {
  const instance = i18next.createInstance();
  const namespaces = [...new Set(Object.values(options.resources).flatMap((bundle) => Object.keys(bundle)))];
  void instance.init({
    resources: options.resources,
    lng: options.fallbackLocale ?? 'ru',
    fallbackLng: options.fallbackLocale ?? 'ru',
    supportedLngs: [...LOCALES],
    ns: namespaces,
    defaultNS: options.defaultNamespace ?? 'common',
    initAsync: false,
    interpolation: { escapeValue: false },
    saveMissing: options.onMissingKey !== undefined,
    missingKeyHandler: (lngs, _ns, key) => {
      for (const lng of lngs) options.onMissingKey?.(lng, key);
    },
  });
  const fixed = new Map<Locale, Translate>(
    LOCALES.map((locale) => {
      const t = instance.getFixedT(locale);
      // Resources never change after start-up, so a phrase without variables is looked up once.
      const plain = new Map<string, string>();
      const translate: Translate = (key, vars) => {
        if (vars !== undefined) return t(key, vars) as string;
        let phrase = plain.get(key);
        if (phrase === undefined) {
          phrase = t(key) as string;
          plain.set(key, phrase);
        }
        return phrase;
      };
      return [locale, translate];
    }),
  );
  return {
    forLocale(locale) {
      return fixed.get(locale) ?? (fixed.get('ru') as Translate);
    },
  };
}
