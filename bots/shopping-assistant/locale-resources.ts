import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Resource } from 'i18next';
import { LOCALES } from '../../core/activity.ts';
import { ConfigError } from '../../core/errors.ts';

/** The repository's `locales/` folder. */
export const LOCALES_DIR = join(import.meta.dirname, '..', '..', 'locales');

/** Reads `locales/<locale>/<namespace>.json` for every supported locale, once at start-up. */
export function loadLocaleResources(dir: string = LOCALES_DIR): Resource {
  const resources: Resource = {};
  for (const locale of LOCALES) {
    const bundle: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(join(dir, locale)).filter((name) => name.endsWith('.json'))) {
      const path = join(dir, locale, file);
      try {
        bundle[basename(file, '.json')] = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      } catch (error) {
        throw new ConfigError(`cannot read locale file ${path}: ${(error as Error).message}`, { cause: error });
      }
    }
    resources[locale] = bundle;
  }
  return resources;
}
