import { describe, expect, it } from 'vitest';
import { createI18nextTranslator } from '../../../adapters/i18n/i18next-translator.ts';
import { loadLocaleResources } from '../../../bots/shopping-assistant/locale-resources.ts';

// Plural forms differ by language (Russian has _few and _many, English has not), so they count as one key.
const PLURAL = /_(zero|one|two|few|many|other)$/;

function keys(value: unknown, prefix = ''): string[] {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return [prefix.replace(PLURAL, '')];
  const all = Object.entries(value).flatMap(([key, child]) => keys(child, prefix ? `${prefix}.${key}` : key));
  return [...new Set(all)];
}

describe('locales', () => {
  const resources = loadLocaleResources();

  it('has the same namespaces and keys in Russian and English', () => {
    const ru = resources.ru ?? {};
    const en = resources.en ?? {};
    expect(Object.keys(en).sort()).toEqual(Object.keys(ru).sort());
    for (const ns of Object.keys(ru)) {
      expect(keys(en[ns]).sort(), `namespace ${ns}`).toEqual(keys(ru[ns]).sort());
    }
    expect(Object.keys(ru)).toEqual(expect.arrayContaining(['common', 'errors', 'shopping', 'web']));
  });

  it('translates per locale, interpolates, and reports missing keys', () => {
    const missing: string[] = [];
    const translator = createI18nextTranslator({ resources, onMissingKey: (locale, key) => missing.push(`${locale}:${key}`) });
    expect(translator.forLocale('ru')('common:quick.help')).toBe('Помощь');
    expect(translator.forLocale('en')('quick.help')).toBe('Help');
    expect(translator.forLocale('en')('errors:rate_limited', { seconds: 7 })).toMatch(/in 7 s/);
    expect(translator.forLocale('en')('shopping:no_such_key')).toBe('no_such_key');
    expect(missing.length).toBeGreaterThan(0);
  });
});
