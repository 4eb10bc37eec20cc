import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { RedisEventStream } from '../../../adapters/stores/redis/event-stream.ts';
import { RedisEventStreamConsumer } from '../../../adapters/stores/redis/event-stream-consumer.ts';
import { RedisEventStreamFollower } from '../../../adapters/stores/redis/event-stream-follower.ts';
import { IngestionService } from '../../../core/context/ingestion-service.ts';
import { ProfileBuilder } from '../../../core/context/profile-builder.ts';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';
import { MemoryProfileStore } from '../../../core/stores/memory-profile-store.ts';
import { CATALOG } from '../../unit/context/fixtures.ts';

const connections: Redis[] = [];
function connect(): Redis {
  const client = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 1 });
  connections.push(client);
  return client;
}

function makeEvents(n: number, prefix: string, shoppers = 5): ShopEvent[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `${prefix}-${i}`,
    userId: `shopper-${i % shoppers}`,
    service: 'samokat',
    type: i % 3 === 0 ? 'order' : 'view',
    itemId: CATALOG[i % 5]!.id,
    ts: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
  }) as ShopEvent);
}

async function world() {
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany(CATALOG);
  const profiles = new MemoryProfileStore();
  const builder = new ProfileBuilder({ profiles, catalog });
  const stream = `test:${randomUUID()}:events`;
  return { profiles, builder, stream };
}

async function totalEvents(builder: ProfileBuilder, shoppers: number): Promise<number> {
  let total = 0;
  for (let s = 0; s < shoppers; s += 1) total += (await builder.getProfile(`shopper-${s}`))?.events ?? 0;
  return total;
}

async function until(condition: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not reached in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('Redis Stream ingestion', () => {
  let admin: Redis;
  beforeAll(() => {
    admin = connect();
  });
  afterAll(async () => {
    for (const client of connections) client.disconnect();
  });

  it('POST-style ingestion publishes to the stream; a consumer group applies every event once and acknowledges', async () => {
    const { builder, stream } = await world();
    const ingestion = new IngestionService({ events: new MemoryEventStore(), queue: new RedisEventStream({ client: admin, stream }) });
    const consumer = new RedisEventStreamConsumer({ client: connect(), stream, group: 'profiles', consumer: 'w1', handler: (e) => builder.applyEvents(e), blockMs: 100 });
    await consumer.ensureGroup();
    const events = makeEvents(300, 'a');
    expect(await ingestion.ingest([...events, events[0]])).toEqual({ accepted: 300, duplicates: 1, rejected: [] });
    expect(await admin.xlen(stream)).toBe(300);
    consumer.start();
    await until(async () => (await totalEvents(builder, 5)) === 300);
    await consumer.stop();
    expect(await admin.xpending(stream, 'profiles')).toEqual([0, null, null, null]);
    expect(consumer.stats).toMatchObject({ applied: 300, deadLettered: 0 });
  });

  it('two workers share the group: each entry is delivered to one of them', async () => {
    const { builder, stream } = await world();
    await new RedisEventStream({ client: admin, stream }).publish(makeEvents(400, 'b'));
    const seen: string[] = [];
    const make = (name: string) => new RedisEventStreamConsumer({
      client: connect(), stream, group: 'profiles', consumer: name, batchSize: 50, blockMs: 50,
      handler: async (e) => { seen.push(...e.map((x) => x.id)); return builder.applyEvents(e); },
    });
    const [w1, w2] = [make('w1'), make('w2')];
    await w1.ensureGroup();
    w1.start();
    w2.start();
    await until(async () => (await totalEvents(builder, 5)) === 400);
    await Promise.all([w1.stop(), w2.stop()]);
    expect(seen).toHaveLength(400);
    expect(new Set(seen).size).toBe(400);
    expect(w1.stats.applied).toBeGreaterThan(0);
    expect(w2.stats.applied).toBeGreaterThan(0);
  });

  it('a consumer killed mid-batch: its pending entries are reclaimed by another and applied exactly once', async () => {
    const { builder, stream } = await world();
    const events = makeEvents(200, 'c', 4);
    await new RedisEventStream({ client: admin, stream }).publish(events);
    const doomedClient = connect();
    let appliedBeforeDeath = 0;
    const doomed = new RedisEventStreamConsumer({
      client: doomedClient, stream, group: 'profiles', consumer: 'doomed', batchSize: 200, claimIdleMs: 300,
      handler: async (batch) => {
        // Half of the batch reaches the profiles, then the worker dies: no XACK, connection gone, never returns.
        const half = batch.slice(0, 100);
        appliedBeforeDeath = (await builder.applyEvents(half)).applied;
        doomedClient.disconnect();
        return new Promise(() => {});
      },
    });
    await doomed.ensureGroup();
    void doomed.poll({ block: false });
    await until(async () => appliedBeforeDeath === 100);
    expect(await totalEvents(builder, 4)).toBe(100);
    const [pendingCount] = (await admin.xpending(stream, 'profiles')) as [number];
    expect(pendingCount).toBe(200);

    const rescuer = new RedisEventStreamConsumer({ client: connect(), stream, group: 'profiles', consumer: 'rescuer', claimIdleMs: 300, blockMs: 50, handler: (batch) => builder.applyEvents(batch) });
    await new Promise((r) => setTimeout(r, 350));
    expect(await rescuer.reclaim()).toBe(200);
    expect(rescuer.stats.reclaimed).toBe(200);
    expect(await totalEvents(builder, 4)).toBe(200);
    expect(await admin.xpending(stream, 'profiles')).toEqual([0, null, null, null]);
    for (let s = 0; s < 4; s += 1) {
      expect((await builder.getProfile(`shopper-${s}`))!.events).toBe(events.filter((e) => e.userId === `shopper-${s}`).length);
    }
  });

  it('moves entries that keep failing, and unreadable entries, to the dead-letter stream; the rest are applied', async () => {
    const { builder, stream } = await world();
    const events = makeEvents(10, 'd');
    const poison = { ...events[3]!, id: 'poison' };
    await new RedisEventStream({ client: admin, stream }).publish([...events, poison]);
    await admin.xadd(stream, '*', 'e', '{not json');
    const consumer = new RedisEventStreamConsumer({
      client: connect(), stream, group: 'profiles', consumer: 'w', claimIdleMs: 50, maxAttempts: 3, blockMs: 20,
      handler: async (batch) => {
        if (batch.some((e) => e.id === 'poison')) throw new Error('cannot apply');
        return builder.applyEvents(batch);
      },
    });
    await consumer.ensureGroup();
    await consumer.poll({ block: false });
    expect(await totalEvents(builder, 5)).toBe(10);
    for (let attempt = 0; attempt < 4; attempt += 1) {
      await new Promise((r) => setTimeout(r, 60));
      await consumer.reclaim();
    }
    const dead = (await admin.xrange(`${stream}:dead`, '-', '+')).map(([, fields]) => fields);
    expect(dead).toHaveLength(2);
    expect(dead[0]).toEqual(['id', expect.any(String), 'reason', 'entry is not JSON', 'e', '{not json']);
    expect(dead[1]!.slice(2, 4)).toEqual(['reason', 'failed 3 times']);
    expect(JSON.parse(dead[1]![5]!).id).toBe('poison');
    expect(await admin.xpending(stream, 'profiles')).toEqual([0, null, null, null]);
    expect(consumer.stats.deadLettered).toBe(2);
  });

  it('erasure notices: the group acknowledges them without dead-lettering; a follower sees them in order with the events', async () => {
    const { builder, stream } = await world();
    const queue = new RedisEventStream({ client: admin, stream });
    const [before, after] = [makeEvents(4, 'f1', 2), makeEvents(2, 'f2', 2)];
    await queue.publish(before);
    await queue.publishErasure('shopper-0');
    await queue.publish(after);
    const consumer = new RedisEventStreamConsumer({ client: connect(), stream, group: 'profiles', consumer: 'w', blockMs: 20, handler: (e) => builder.applyEvents(e) });
    await consumer.ensureGroup();
    await consumer.poll({ block: false });
    expect(consumer.stats).toMatchObject({ applied: 6, deadLettered: 0 });
    expect(await admin.xpending(stream, 'profiles')).toEqual([0, null, null, null]);
    const log: string[] = [];
    const follower = new RedisEventStreamFollower({
      client: connect(), stream, batchSize: 3, blockMs: 20,
      onEvents: (events) => void log.push(...events.map((e) => e.id)),
      onErase: (shopperId) => void log.push(`erase ${shopperId}`),
    });
    expect(await follower.caughtUp()).toBe(false);
    while ((await follower.poll({ block: false })) > 0);
    expect(log).toEqual([...before.map((e) => e.id), 'erase shopper-0', ...after.map((e) => e.id)]);
    expect(await follower.caughtUp()).toBe(true);
    expect(follower.stats).toMatchObject({ observed: 6, erasures: 1, skipped: 0, failures: 0 });
  });
});
