import { readdirSync, readFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import i18next from 'i18next';
import type { Locale } from '../../core/activity.ts';
import type { Translator } from '../../core/i18n.ts';

const ROOT = path.resolve(import.meta.dirname, '../../locales');

/**
 * An i18next translator over every namespace file in `locales/<lng>/*.json`, for transcript tests
 * that run dialogs without the HTTP server. Extra resources (per namespace) can be layered on top.
 */
export function loadLocalesTranslator(extra: Partial<Record<Locale, Record<string, object>>> = {}): Translator {
  const resources: Record<string, Record<string, object>> = {};
  for (const lng of ['ru', 'en'] as const) {
    const dir = path.join(ROOT, lng);
    const namespaces: Record<string, object> = {};
    if (existsSync(dir)) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith('.json'))) {
        namespaces[file.slice(0, -5)] = JSON.parse(readFileSync(path.join(dir, file), 'utf8')) as object;
      }
    }
    resources[lng] = { ...namespaces, ...(extra[lng] ?? {}) };
  }
  const instance = i18next.createInstance();
  void instance.init({
    resources, lng: 'ru', fallbackLng: 'ru', ns: Object.keys(resources.ru ?? {}), defaultNS: 'common',
    interpolation: { escapeValue: false }, initAsync: false, showSupportNotice: false,
  } as Parameters<typeof instance.init>[0]);
  return { forLocale: (lng) => instance.getFixedT(lng) as unknown as (key: string, vars?: Record<string, unknown>) => string };
}
