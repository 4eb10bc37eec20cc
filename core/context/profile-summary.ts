import type { Locale } from '../activity.ts';
import type { CatalogItem } from '../catalog/catalog-item.ts';
import type { Translate } from '../i18n.ts';
import type { Service } from '../reply.ts';
import type { ConsentState } from '../stores/consent-store.ts';
import type { IdentityLink } from '../stores/identity-store.ts';
import type { CategoryPriceLevel, CrossServiceSignal, ExplicitPreference, ShopperProfile } from './shopper-profile.ts';

/** "What do you know about me", as data: the dialog renders it with {@link formatProfileSummary} or its own way. */
export interface ProfileSummary {
  known: boolean;
  events: number;
  services: Array<{ service: Service; events: number; orders: number; since: string; topCategories: string[]; topBrands: string[] }>;
  repurchase: Array<{ service: Service; itemId: string; title: CatalogItem['title'] | undefined; everyDays: number }>;
  priceLevels: Array<{ service: Service } & Pick<CategoryPriceLevel, 'category' | 'level'>>;
  diet: { mostly: string[]; never: string[] };
  preferences: ExplicitPreference[];
  crossService: CrossServiceSignal['kind'][];
  consent?: ConsentState;
  channels?: string[];
}

/** Extra facts for the summary. */
export interface SummaryContext {
  lookup?: (service: Service, itemId: string) => CatalogItem | undefined;
  consent?: ConsentState;
  identities?: IdentityLink[];
}

const leaf = (category: string): string => category.split('/').pop() ?? category;

/** Builds the summary of a profile (undefined profile: nothing known). */
export function buildProfileSummary(profile: ShopperProfile | undefined, context: SummaryContext = {}): ProfileSummary {
  const summary: ProfileSummary = {
    known: Boolean(profile && (profile.events > 0 || profile.preferences.length > 0)),
    events: profile?.events ?? 0,
    services: [],
    repurchase: [],
    priceLevels: [],
    diet: { mostly: profile?.diet.mostly ?? [], never: profile?.diet.never ?? [] },
    preferences: profile?.preferences ?? [],
    crossService: profile?.crossService.map((s) => s.kind) ?? [],
  };
  if (context.consent) summary.consent = context.consent;
  if (context.identities) summary.channels = [...new Set(context.identities.map((i) => i.channel))];
  for (const service of Object.values(profile?.services ?? {})) {
    summary.services.push({
      service: service.service,
      events: service.events,
      orders: service.orders,
      since: service.firstEventAt,
      topCategories: service.longTerm.categories.filter((c) => c.score > 0 && c.key.includes('/')).slice(0, 3).map((c) => leaf(c.key)),
      topBrands: service.longTerm.brands.filter((b) => b.score > 0).slice(0, 3).map((b) => b.key),
    });
    for (const cycle of service.repurchase.slice(0, 3)) {
      summary.repurchase.push({
        service: service.service,
        itemId: cycle.itemId,
        title: context.lookup?.(service.service, cycle.itemId)?.title,
        everyDays: Math.max(1, Math.round(cycle.medianIntervalDays)),
      });
    }
    for (const level of service.priceLevels.slice(0, 2)) {
      summary.priceLevels.push({ service: service.service, category: leaf(level.category), level: level.level });
    }
  }
  return summary;
}

/** Options for {@link formatProfileSummary}. */
export interface FormatSummaryOptions {
  locale: Locale;
  /** Where the phrases live (default `profile:summary.`). */
  keyPrefix?: string;
}

/**
 * Renders the summary as text through `t`, one line per fact. Phrases come from the locale files
 * (`locales/<locale>/profile.json`), item titles from the catalog in the shopper's language.
 */
export function formatProfileSummary(summary: ProfileSummary, t: Translate, options: FormatSummaryOptions): string {
  const k = (key: string): string => `${options.keyPrefix ?? 'profile:summary.'}${key}`;
  if (!summary.known) return t(k('nothing'));
  const lines = [t(k('header'), { events: summary.events })];
  for (const s of summary.services) {
    lines.push(t(k('service'), {
      service: t(`common:services.${s.service}`),
      orders: s.orders,
      categories: s.topCategories.join(', ') || '—',
      brands: s.topBrands.join(', ') || '—',
    }));
  }
  for (const r of summary.repurchase) {
    const title = (options.locale === 'en' ? r.title?.en : undefined) ?? r.title?.ru ?? r.itemId;
    lines.push(t(k('repurchase'), { item: title, days: r.everyDays, count: r.everyDays }));
  }
  for (const p of summary.priceLevels) lines.push(t(k('price_level'), { category: p.category, level: t(k(`levels.${p.level}`)) }));
  if (summary.diet.mostly.length > 0) lines.push(t(k('diet_mostly'), { tags: summary.diet.mostly.map((tag) => t(k(`tags.${tag}`))).join(', ') }));
  if (summary.diet.never.length > 0) lines.push(t(k('diet_never'), { tags: summary.diet.never.map((tag) => t(k(`tags.${tag}`))).join(', ') }));
  for (const p of summary.preferences) lines.push(t(k(`preference.${p.kind}`), { value: p.kind === 'diet' || p.kind.endsWith('_tag') ? t(k(`tags.${p.value}`), { defaultValue: p.value }) : p.value }));
  for (const kind of summary.crossService) lines.push(t(k(`cross.${kind}`)));
  if (summary.consent?.personalization?.granted === false) lines.push(t(k('no_personalization')));
  if (summary.channels?.length) lines.push(t(k('channels'), { channels: summary.channels.join(', ') }));
  lines.push(t(k('footer')));
  return lines.join('\n');
}
