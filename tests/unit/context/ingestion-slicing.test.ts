import { describe, expect, it } from 'vitest';
import { generateDemoData } from '../../../bots/demo-data/index.ts';
import { InProcessEventQueue } from '../../../core/context/event-queue.ts';
import { IngestionService } from '../../../core/context/ingestion-service.ts';
import { ProfileBuilder } from '../../../core/context/profile-builder.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';
import { MemoryProfileStore } from '../../../core/stores/memory-profile-store.ts';

describe('ingestion of a full batch', () => {
  it('lets timers run while it validates and applies 10,000 events, and applies them all', async () => {
    const data = generateDemoData({ seed: 5, shoppers: 60 });
    const catalog = new MemoryCatalogStore();
    await catalog.upsertMany(data.items);
    const profiles = new MemoryProfileStore();
    const builder = new ProfileBuilder({ profiles, catalog });
    const queue = new InProcessEventQueue({ apply: (batch) => builder.applyEvents(batch) });
    const ingestion = new IngestionService({ events: new MemoryEventStore(), queue });
    const batch = data.events.slice(0, 10_000);
    let ticks = 0;
    const heartbeat = setInterval(() => { ticks += 1; }, 1);
    const result = await ingestion.ingest(batch).finally(() => clearInterval(heartbeat));
    expect(result.accepted).toBe(batch.length);
    expect(ticks).toBeGreaterThan(1);
    const shoppers = new Set(batch.map((e) => e.userId));
    for (const shopperId of shoppers) expect(await builder.getProfile(shopperId)).toBeDefined();
  });
});
