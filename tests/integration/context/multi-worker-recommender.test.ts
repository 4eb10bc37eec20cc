import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { Redis } from 'ioredis';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { parseConfig } from '../../../bots/shopping-assistant/config.ts';
import { createContextServices, type ContextServices, type ContextStores } from '../../../bots/shopping-assistant/context-services.ts';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { createRecommender, type Recommender } from '../../../core/reco/recommender/recommender.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryConsentStore } from '../../../core/stores/memory-consent-store.ts';
import { MemoryConversationLogStore } from '../../../core/stores/memory-conversation-log-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';
import { MemoryIdentityStore } from '../../../core/stores/memory-identity-store.ts';
import { MemoryProfileStore } from '../../../core/stores/memory-profile-store.ts';
import { MemorySessionStore } from '../../../core/stores/memory-session-store.ts';
import { CATALOG } from '../../unit/context/fixtures.ts';

// DESIGN.md: several stateless workers share one Redis and one database. The consumer group hands each event to
// one worker, yet every worker's recommender statistics must learn from every event, once.

const silent = pino({ level: 'silent' }, new Writable({ write: (_c, _e, done) => done() }));
const prefix = `mw-${randomUUID().slice(0, 8)}:`;

/** One database shared by every worker (MongoDB in production). */
const stores: ContextStores = {
  catalog: new MemoryCatalogStore(),
  events: new MemoryEventStore(),
  rawProfiles: new MemoryProfileStore(),
  identities: new MemoryIdentityStore(),
  consent: new MemoryConsentStore(),
  conversationLog: new MemoryConversationLogStore(),
};

interface Worker {
  context: ContextServices;
  recommender: Recommender;
  /** How often this worker's listener heard each event id. */
  heard: Map<string, number>;
  close(): Promise<void>;
}

/** A worker wired like bots/shopping-assistant/app-services.ts wires the recommender. */
async function startWorker(): Promise<Worker> {
  const redis = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 2 });
  const closers: (() => Promise<void>)[] = [];
  const config = parseConfig({ LOG_LEVEL: 'silent', DEMO_DATA: 'off', REDIS_URL: inject('redisUrl'), REDIS_KEY_PREFIX: prefix });
  const context = await createContextServices({ config, logger: silent, sessions: new MemorySessionStore(), redis, health: [], closers, stores });
  const recommender = createRecommender({ catalog: context.catalog, events: context.events, profiles: context.profiles, rebuildIntervalMs: 0 });
  context.erasure.register({ name: 'recommender', erase: (shopperId) => recommender.erase(shopperId) });
  const heard = new Map<string, number>();
  context.onEventsApplied((events) => {
    for (const e of events) heard.set(e.id, (heard.get(e.id) ?? 0) + 1);
    recommender.observe(events);
  });
  return {
    context, recommender, heard,
    async close() {
      for (const close of closers.reverse()) await close();
      redis.disconnect();
    },
  };
}

let admin: Redis;
const running: Worker[] = [];
async function worker(): Promise<Worker> {
  const w = await startWorker();
  running.push(w);
  return w;
}

/** Polls until every given worker has read the whole stream (bounded). */
async function caughtUp(...workers: Worker[]): Promise<void> {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const done = await Promise.all(workers.map((w) => w.context.follower!.caughtUp(admin)));
    if (done.every(Boolean)) return;
    if (Date.now() > deadline) throw new Error('workers did not catch up with the event stream within 10 s');
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function until(condition: () => boolean | Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`${what}: not reached within 10 s`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

async function picks(w: Worker, shopperId: string): Promise<Array<{ itemId: string; reason: string }>> {
  const list = await w.recommender.recommend({ shopperId, limit: 5, locale: 'ru' });
  return list.map((r) => ({ itemId: r.item.id, reason: r.reason }));
}

function order(id: string, userId: string, service: ShopEvent['service'], itemId: string, day: number): ShopEvent {
  return { id, userId, service, type: 'order', itemId, ts: `2026-03-0${day}T10:00:00Z` };
}

describe('several workers on one Redis', () => {
  let a: Worker;
  let b: Worker;
  beforeAll(async () => {
    admin = new Redis(inject('redisUrl'), { maxRetriesPerRequest: 2 });
    await stores.catalog.upsertMany(CATALOG);
    a = await worker();
    b = await worker();
    // Worker b takes no part in the group: every event is applied to profiles by a, so whatever b's
    // recommender knows it learnt from its own reading of the stream.
    await b.context.consumer!.stop();
    const shoppers = Array.from({ length: 6 }, (_, u) => [
      order(`t${u}`, `u${u}`, 'samokat', 'tofu', u + 1), order(`a${u}`, `u${u}`, 'kuper', 'apples', u + 1),
    ]);
    // Half of the shoppers' events are posted to each worker; the newcomer's only to b.
    expect((await a.context.ingestion.ingest(shoppers.slice(0, 3).flat())).accepted).toBe(6);
    expect((await b.context.ingestion.ingest(shoppers.slice(3).flat())).accepted).toBe(6);
    expect((await b.context.ingestion.ingest([order('n1', 'newbie', 'samokat', 'tofu', 9)])).accepted).toBe(1);
    await caughtUp(a, b);
  });
  afterAll(async () => {
    for (const w of running.reverse()) await w.close();
    await admin.del(`${prefix}events`);
    admin.disconnect();
  });

  it('both workers give the same recommendations, learnt from every event, whichever worker took or applied it', async () => {
    await until(() => a.context.consumer!.stats.applied === 13, 'a applied every event to profiles');
    expect((await b.context.profiles.getProfile('newbie'))?.events).toBe(1);
    expect(b.context.consumer!.stats.applied).toBe(0);
    const newbieOnA = await picks(a, 'newbie');
    expect(await picks(b, 'newbie')).toEqual(newbieOnA);
    expect(newbieOnA.find((p) => p.itemId === 'apples')?.reason).toMatch(/6 покупател/);
    const freshOnB = await picks(b, 'fresh');
    expect(freshOnB.slice(0, 2).map((p) => p.itemId).sort()).toEqual(['apples', 'tofu']);
    expect(freshOnB.find((p) => p.itemId === 'tofu')?.reason).toMatch(/7 покупател/);
    expect(await picks(a, 'fresh')).toEqual(freshOnB);
  });

  it('each worker hears each event exactly once, also the worker that applied it to profiles', () => {
    for (const w of [a, b]) {
      expect(w.heard.size).toBe(13);
      expect([...w.heard.values()].every((n) => n === 1)).toBe(true);
    }
  });

  it('a restarted worker rebuilds the same statistics from the stream', async () => {
    const c = await worker();
    await caughtUp(c);
    expect(c.heard.size).toBe(13);
    expect(await picks(c, 'newbie')).toEqual(await picks(a, 'newbie'));
    expect(await picks(c, 'fresh')).toEqual(await picks(b, 'fresh'));
  });

  it('an erasure on one worker is forgotten by every worker, and stays forgotten after a restart', async () => {
    await a.context.erasure.eraseShopper('u0');
    await until(() => b.context.follower!.stats.erasures === 1, 'erasure notice reached b');
    await caughtUp(a, b);
    for (const w of [a, b]) {
      const fresh = await picks(w, 'fresh');
      expect(fresh.find((p) => p.itemId === 'tofu')?.reason).toMatch(/6 покупател/);
      expect(fresh.find((p) => p.itemId === 'apples')?.reason).toMatch(/5 покупател/);
    }
    const d = await worker();
    await caughtUp(d);
    expect(await picks(d, 'fresh')).toEqual(await picks(b, 'fresh'));
    // A shopper who comes back after the erasure counts again everywhere.
    expect((await b.context.ingestion.ingest([order('t0-again', 'u0', 'samokat', 'tofu', 8)])).accepted).toBe(1);
    await caughtUp(a, b, d);
    for (const w of [a, b, d]) expect((await picks(w, 'fresh')).find((p) => p.itemId === 'tofu')?.reason).toMatch(/7 покупател/);
  });
});
