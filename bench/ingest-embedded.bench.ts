import { shopEventSchema } from '../core/events/shop-event.ts';
import type { Benchmark } from './harness/benchmark.ts';
import { asJson, demoData, embeddedWorld, percentile } from './ingest-support.ts';

const BATCH = 5_000;

/**
 * Ingestion into profiles in one process with the embedded stores, on the seeded demo history (300 shoppers,
 * 6 months): validation, deduplication, event log and incremental profile update, in batches as the API gets
 * them. The baseline is validation alone on the same events, so the figure reads as "how many times the cost
 * of just parsing". Then the latency until a single event shows in its profile (ingest, then a read that derives
 * the view), and profile reads: cached, and the first read after a change.
 */
export const benchmark: Benchmark = {
  name: 'ingest-embedded',
  description: 'events/s into profiles with embedded stores (demo data), event-to-profile latency, profile reads',
  targets: [
    { figure: 'ingest.eventsPerSecond', op: '>=', value: 20_000, unit: 'events/s' },
    { figure: 'visibleMs.p99', op: '<', value: 200, unit: 'ms' },
    { figure: 'profileReadMs.p99', op: '<', value: 1, unit: 'ms' },
  ],
  async run({ quick, log }) {
    log('generating demo data');
    const data = demoData();
    const raw = asJson(quick ? data.events.slice(0, 40_000) : data.events);

    log('baseline: validation only');
    let t0 = performance.now();
    for (const event of raw) shopEventSchema.safeParse(event);
    const validateSeconds = (performance.now() - t0) / 1000;

    log(`ingesting ${raw.length} events in batches of ${BATCH}`);
    const world = await embeddedWorld(data);
    t0 = performance.now();
    let accepted = 0;
    for (let i = 0; i < raw.length; i += BATCH) accepted += (await world.ingestion.ingest(raw.slice(i, i + BATCH))).accepted;
    const ingestSeconds = (performance.now() - t0) / 1000;
    const shoppers = await world.profiles.count();
    log(`${Math.round(raw.length / ingestSeconds)} events/s`);

    log('replaying the same events: every one a duplicate');
    t0 = performance.now();
    let duplicates = 0;
    for (let i = 0; i < raw.length; i += BATCH) duplicates += (await world.ingestion.ingest(raw.slice(i, i + BATCH))).duplicates;
    const replaySeconds = (performance.now() - t0) / 1000;

    log('single events until visible in the profile');
    const visible: number[] = [];
    const freshReads: number[] = [];
    const ids = data.shoppers.map((s) => s.id);
    const template = data.events.find((e) => e.type === 'order')!;
    for (let i = 0; i < (quick ? 300 : 2_000); i += 1) {
      const shopperId = ids[i % ids.length]!;
      const before = (await world.builder.getProfile(shopperId))?.events ?? 0;
      const start = performance.now();
      await world.ingestion.ingest([{ ...template, id: `live-${i}`, userId: shopperId, ts: new Date(Date.parse(template.ts) + i * 1000).toISOString() }]);
      const readStart = performance.now();
      const profile = await world.builder.profiles.getProfile(shopperId);
      const end = performance.now();
      if ((profile?.events ?? 0) !== before + 1) throw new Error('event not visible after ingest');
      visible.push(end - start);
      freshReads.push(end - readStart);
    }
    visible.sort((a, b) => a - b);
    freshReads.sort((a, b) => a - b);

    log('profile reads');
    const reads: number[] = [];
    for (let i = 0; i < (quick ? 20_000 : 200_000); i += 1) {
      const start = performance.now();
      await world.builder.profiles.getProfile(ids[(i * 7919) % ids.length]!);
      reads.push(performance.now() - start);
    }
    reads.sort((a, b) => a - b);
    return {
      events: raw.length,
      shoppers,
      accepted,
      ingest: { seconds: Math.round(ingestSeconds * 100) / 100, eventsPerSecond: Math.round(raw.length / ingestSeconds) },
      validationOnly: { eventsPerSecond: Math.round(raw.length / validateSeconds) },
      ingestCostVsValidation: Math.round((ingestSeconds / validateSeconds) * 10) / 10,
      duplicateReplay: { duplicates, eventsPerSecond: Math.round(raw.length / replaySeconds) },
      visibleMs: { p50: percentile(visible, 50), p99: percentile(visible, 99), max: percentile(visible, 100) },
      profileReadMs: { p50: percentile(reads, 50), p99: percentile(reads, 99) },
      // The first read after the profile changed derives the view (affinities, cycles, signals) once.
      firstReadAfterChangeMs: { p50: percentile(freshReads, 50), p99: percentile(freshReads, 99) },
    };
  },
};
