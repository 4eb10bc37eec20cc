import { Redis } from 'ioredis';
import { RedisEventStream } from '../adapters/stores/redis/event-stream.ts';
import { RedisEventStreamConsumer } from '../adapters/stores/redis/event-stream-consumer.ts';
import type { Benchmark } from './harness/benchmark.ts';
import { asJson, demoData, embeddedWorld, percentile, redisForBench } from './ingest-support.ts';

const BATCH = 5_000;

/**
 * Ingestion through a real Redis Stream (a local redis-server): the API side validates, deduplicates and XADDs;
 * a consumer-group worker in the same process reads, applies to the embedded profiles and XACKs. Throughput is
 * measured end to end (first XADD to last event applied); latency from the ingest call until the event shows
 * in a profile read. The in-process path of ingest-embedded is the peer to compare with.
 */
export const benchmark: Benchmark = {
  name: 'ingest-redis',
  description: 'events/s through a Redis Stream consumer group into profiles, and event-to-profile latency',
  targets: [
    { figure: 'stream.eventsPerSecond', op: '>=', value: 5_000, unit: 'events/s' },
    { figure: 'visibleMs.p99', op: '<', value: 200, unit: 'ms' },
  ],
  async run({ quick, log }) {
    log('generating demo data');
    const data = demoData();
    const raw = asJson(quick ? data.events.slice(0, 30_000) : data.events.slice(0, 100_000));
    const server = await redisForBench();
    const publisher = new Redis(server.url);
    const reader = new Redis(server.url);
    const stream = `bench:${process.pid}:events`;
    try {
      const world = await embeddedWorld(data, () => new RedisEventStream({ client: publisher, stream }));
      const consumer = new RedisEventStreamConsumer({
        client: reader, stream, group: 'profiles', consumer: 'bench-1', batchSize: 1_000, blockMs: 200,
        handler: (events) => world.builder.applyEvents(events),
      });
      await consumer.ensureGroup();
      consumer.start();

      log(`publishing ${raw.length} events in batches of ${BATCH} while the consumer applies them`);
      const t0 = performance.now();
      for (let i = 0; i < raw.length; i += BATCH) await world.ingestion.ingest(raw.slice(i, i + BATCH));
      const publishSeconds = (performance.now() - t0) / 1000;
      while (consumer.stats.applied < raw.length) await new Promise((r) => setTimeout(r, 5));
      const seconds = (performance.now() - t0) / 1000;
      log(`${Math.round(raw.length / seconds)} events/s end to end`);

      log('single events until visible in the profile');
      const visible: number[] = [];
      const ids = data.shoppers.map((s) => s.id);
      const template = data.events.find((e) => e.type === 'order')!;
      for (let i = 0; i < (quick ? 200 : 1_000); i += 1) {
        const shopperId = ids[i % ids.length]!;
        const before = (await world.builder.profiles.getProfile(shopperId))?.events ?? 0;
        const start = performance.now();
        await world.ingestion.ingest([{ ...template, id: `live-${i}`, userId: shopperId, ts: new Date(Date.parse(template.ts) + i * 1000).toISOString() }]);
        while (((await world.builder.profiles.getProfile(shopperId))?.events ?? 0) < before + 1) {
          await new Promise((r) => setImmediate(r));
        }
        visible.push(performance.now() - start);
      }
      visible.sort((a, b) => a - b);
      await consumer.stop();
      const [pending] = (await publisher.xpending(stream, 'profiles')) as [number];
      return {
        events: raw.length,
        stream: { seconds: Math.round(seconds * 100) / 100, eventsPerSecond: Math.round(raw.length / seconds), publishEventsPerSecond: Math.round(raw.length / publishSeconds) },
        consumer: consumer.stats,
        pendingAfter: pending,
        visibleMs: { p50: percentile(visible, 50), p99: percentile(visible, 99), max: percentile(visible, 100) },
      };
    } finally {
      await publisher.del(stream);
      publisher.disconnect();
      reader.disconnect();
      server.stop();
    }
  },
};
