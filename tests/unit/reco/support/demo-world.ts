import { generateDemoData } from '../../../../bots/demo-data/index.ts';
import type { DemoData } from '../../../../bots/demo-data/index.ts';
import { ProfileBuilder } from '../../../../core/context/profile-builder.ts';
import type { ShopEvent } from '../../../../core/events/shop-event.ts';
import type { RecommenderOptions } from '../../../../core/reco/recommender/recommender.ts';
import { createRecommender } from '../../../../core/reco/recommender/recommender.ts';
import { MemoryCatalogStore } from '../../../../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../../../../core/stores/memory-event-store.ts';
import { MemoryProfileStore } from '../../../../core/stores/memory-profile-store.ts';

/** The end of the demo histories: "now" for every test, so day counts are stable. */
export const NOW = Date.parse('2026-11-01T09:00:00.000Z');

/** A recommender over the seeded demo catalogs and shoppers, with real in-memory stores. */
export async function demoWorld(options: { shoppers?: number; extraEvents?: ShopEvent[] } & Partial<RecommenderOptions> = {}) {
  const data: DemoData = generateDemoData({ seed: 1, shoppers: options.shoppers ?? 60 });
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany(data.items);
  const events = new MemoryEventStore();
  const all = [...data.events, ...(options.extraEvents ?? [])];
  await events.appendMany(all);
  const profiles = new MemoryProfileStore();
  const builder = new ProfileBuilder({ profiles, catalog, now: () => new Date(NOW) });
  const recommender = createRecommender({ catalog, events, profiles, now: () => NOW, ...options });
  recommender.observe(all);
  await recommender.refresh();
  return { data, catalog, events, profiles, builder, recommender, allEvents: all };
}

/** Order events for one shopper: each entry is one order of the given item ids, `daysAgo` before NOW. */
export function orders(shopperId: string, service: ShopEvent['service'],
  entries: { daysAgo: number; items: string[] }[]): ShopEvent[] {
  return entries.flatMap((entry, n) => entry.items.map((itemId, k) => ({
    id: `${shopperId}-o${n}-${k}`, userId: shopperId, service, type: 'order' as const, itemId,
    orderId: `${shopperId}-order-${n}`, ts: new Date(NOW - entry.daysAgo * 86_400_000).toISOString(),
  })));
}
