// Shared set-up of the ingestion benchmarks: demo data, embedded context stores, a throw-away redis-server.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import { generateDemoData, type DemoData } from '../bots/demo-data/index.ts';
import type { EventQueue } from '../core/context/event-queue.ts';
import { InProcessEventQueue } from '../core/context/event-queue.ts';
import { IngestionService } from '../core/context/ingestion-service.ts';
import { ProfileBuilder } from '../core/context/profile-builder.ts';
import { MemoryCatalogStore } from '../core/stores/memory-catalog-store.ts';
import { MemoryEventStore } from '../core/stores/memory-event-store.ts';
import { MemoryProfileStore } from '../core/stores/memory-profile-store.ts';

/** The seeded demo data (about 4,000 items and 140,000 events of 300 shoppers over 6 months). */
export function demoData(): DemoData {
  return generateDemoData({ seed: 20261101 });
}

/** Embedded context stores with the demo catalog loaded. */
export async function embeddedWorld(data: DemoData, queue?: (builder: ProfileBuilder) => EventQueue) {
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany(data.items);
  const profiles = new MemoryProfileStore();
  const events = new MemoryEventStore();
  const builder = new ProfileBuilder({ profiles, catalog });
  const ingestion = new IngestionService({
    events,
    queue: queue ? queue(builder) : new InProcessEventQueue({ apply: (batch) => builder.applyEvents(batch) }),
  });
  return { catalog, profiles, events, builder, ingestion };
}

/** The p-th percentile of sorted numbers, rounded to microseconds. */
export function percentile(sorted: readonly number[], p: number): number {
  return Math.round((sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? 0) * 1000) / 1000;
}

/** Plain JSON copies, as they arrive over HTTP (validation runs on them). */
export function asJson<T>(values: readonly T[]): unknown[] {
  return JSON.parse(JSON.stringify(values)) as unknown[];
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

/** REDIS_URL, or a throw-away redis-server on a free port. */
export async function redisForBench(): Promise<{ url: string; stop(): void }> {
  if (process.env.REDIS_URL) return { url: process.env.REDIS_URL, stop: () => {} };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'sovetnik-ingest-redis-'));
  const child: ChildProcess = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: 'ignore' });
  const url = `redis://127.0.0.1:${port}`;
  for (let tries = 0; ; tries += 1) {
    const probe = new Redis(url, { lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => {});
    try {
      await probe.connect();
      probe.disconnect();
      break;
    } catch (error) {
      probe.disconnect();
      if (tries > 100) throw new Error('redis-server did not start', { cause: error });
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return { url, stop: () => (child.kill('SIGTERM'), rmSync(dir, { recursive: true, force: true })) };
}
