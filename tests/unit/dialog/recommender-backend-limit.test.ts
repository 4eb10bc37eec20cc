import { describe, expect, it } from 'vitest';
import { createRecommender } from '../../../core/reco/recommender/recommender.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';
import type { ShoppingBackend, ShoppingQuery } from '../../../dialogs/shopping-assistant/ports.ts';
import { withRecommender } from '../../../dialogs/shopping-assistant/recommender-backend.ts';
import { item } from './shopping/fixture.ts';

describe('withRecommender search', () => {
  it('asks the recommender for at most its 50 results whatever the caller limit, instead of failing past 16', async () => {
    const catalog = new MemoryCatalogStore();
    await catalog.upsertMany(Array.from({ length: 30 }, (_, i) => item(`tea-${i}`, 'samokat', `Чай зелёный ${i}`, `Green tea ${i}`, 'Чай и кофе/Чай', 100 + i)));
    const recommender = createRecommender({ catalog, events: new MemoryEventStore() });
    // The lexical base finds nothing, so the recommender's meaning-based search answers.
    const base = { search: async () => [] } as unknown as ShoppingBackend;
    const backend = withRecommender({ base, recommender });
    const query: ShoppingQuery = {
      locale: 'ru', text: 'чай', requireTags: [], excludeTags: [], dislikes: [], excludeItems: [], personalize: false, limit: 20,
    };
    const found = await backend.search(query);
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((s) => s.item.title.ru.startsWith('Чай'))).toBe(true);
  });
});
