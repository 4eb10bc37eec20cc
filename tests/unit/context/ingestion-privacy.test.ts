import { describe, expect, it } from 'vitest';
import { createI18nextTranslator } from '../../../adapters/i18n/i18next-translator.ts';
import { loadLocaleResources } from '../../../bots/shopping-assistant/locale-resources.ts';
import { ConsentService } from '../../../core/context/consent-service.ts';
import { ErasureService } from '../../../core/context/erasure-service.ts';
import { InProcessEventQueue } from '../../../core/context/event-queue.ts';
import { IdentityService } from '../../../core/context/identity-service.ts';
import { BatchTooLargeError, IngestionService } from '../../../core/context/ingestion-service.ts';
import { ProfileBuilder } from '../../../core/context/profile-builder.ts';
import { buildProfileSummary, formatProfileSummary } from '../../../core/context/profile-summary.ts';
import { createPseudonymizer } from '../../../core/context/pseudonymizer.ts';
import type { ShopEvent } from '../../../core/events/shop-event.ts';
import { MemoryCatalogStore } from '../../../core/stores/memory-catalog-store.ts';
import { MemoryConsentStore } from '../../../core/stores/memory-consent-store.ts';
import { MemoryConversationLogStore } from '../../../core/stores/memory-conversation-log-store.ts';
import { MemoryEventStore } from '../../../core/stores/memory-event-store.ts';
import { MemoryIdentityStore } from '../../../core/stores/memory-identity-store.ts';
import { MemoryProfileStore } from '../../../core/stores/memory-profile-store.ts';
import { MemorySessionStore } from '../../../core/stores/memory-session-store.ts';
import { CATALOG, event } from './fixtures.ts';

async function world(options: { pseudonymKey?: string } = {}) {
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany(CATALOG);
  const profiles = new MemoryProfileStore();
  const events = new MemoryEventStore();
  const builder = new ProfileBuilder({ profiles, catalog });
  const published: ShopEvent[][] = [];
  const queue = new InProcessEventQueue({ apply: async (batch) => (published.push([...batch]), builder.applyEvents(batch)) });
  const shopperIds = options.pseudonymKey ? createPseudonymizer({ key: options.pseudonymKey }) : undefined;
  const ingestion = new IngestionService({ events, queue, shopperIds, maxBatch: 50 });
  return { catalog, profiles, events, builder, ingestion, published, shopperIds };
}

describe('IngestionService', () => {
  it('rejects bad events alone with index and reason, keeps the valid ones, counts duplicates once', async () => {
    const { ingestion, builder, published } = await world();
    const good = event({ type: 'order', userId: 'u' });
    const result = await ingestion.ingest([
      good,
      { ...event({ type: 'view', userId: 'u' }), type: 'purchase' },
      { ...event({ type: 'order', userId: 'u' }), itemId: undefined },
      { ...event({ type: 'view', userId: 'u' }), ts: 'yesterday' },
      'not an object',
      good,
      event({ type: 'search', userId: 'u', query: 'Тофу' }),
    ]);
    expect(result.accepted).toBe(2);
    expect(result.duplicates).toBe(1);
    expect(result.rejected.map((r) => r.index)).toEqual([1, 2, 3, 4]);
    expect(result.rejected[1]!.error).toMatch(/itemId/);
    expect(result.rejected[2]!.error).toMatch(/ts/);
    expect(published.flat()).toHaveLength(2);
    expect((await builder.getProfile('u'))!.events).toBe(2);
    expect(await ingestion.ingest([good])).toEqual({ accepted: 0, duplicates: 1, rejected: [] });
    expect((await builder.getProfile('u'))!.events).toBe(2);
  });

  it('refuses batches over the limit and non-arrays', async () => {
    const { ingestion } = await world();
    await expect(ingestion.ingest(Array.from({ length: 51 }, () => event({ type: 'view' })))).rejects.toBeInstanceOf(BatchTooLargeError);
    await expect(ingestion.ingest({ events: [] })).rejects.toMatchObject({ code: 'validation_failed' });
  });

  it('forgets a batch whose publication failed, so a retry is accepted rather than called a duplicate', async () => {
    const events = new MemoryEventStore();
    let fail = true;
    const queue = new InProcessEventQueue({ apply: async () => { if (fail) throw new Error('stream down'); } });
    const ingestion = new IngestionService({ events, queue });
    const batch = [event({ type: 'view' }), event({ type: 'view' })];
    await expect(ingestion.ingest(batch)).rejects.toThrow('stream down');
    expect(await events.count()).toBe(0);
    fail = false;
    expect(await ingestion.ingest(batch)).toEqual({ accepted: 2, duplicates: 0, rejected: [] });
  });

  it('pseudonymises shopper ids with a keyed hash at the boundary', async () => {
    const { ingestion, builder, shopperIds, events } = await world({ pseudonymKey: 'k'.repeat(32) });
    await ingestion.ingest([event({ type: 'order', userId: 'phone:+79990000000' })]);
    const stored = shopperIds!('phone:+79990000000');
    expect(stored).toMatch(/^p_[\w-]{32}$/);
    expect(stored).not.toContain('7999');
    expect(await builder.getProfile(stored)).toBeDefined();
    expect(await builder.getProfile('phone:+79990000000')).toBeUndefined();
    expect(await events.listByUser(stored)).toHaveLength(1);
    expect(createPseudonymizer({ key: 'x'.repeat(32) })('phone:+79990000000')).not.toBe(stored);
  });
});

describe('privacy', () => {
  it('erasure removes the shopper from every store and every participant, and leaves others alone', async () => {
    const { ingestion, profiles, events, builder } = await world();
    const identities = new MemoryIdentityStore();
    const conversationLog = new MemoryConversationLogStore();
    const consent = new MemoryConsentStore();
    const sessions = new MemorySessionStore();
    const vectors = new Map<string, string[]>([['gone', ['v1', 'v2']], ['kept', ['v3']]]);
    const erasure = new ErasureService({
      profiles, events, identities, conversationLog, consent, sessions,
      participants: [{ name: 'vectors', erase: async (id) => { const n = vectors.get(id)?.length ?? 0; vectors.delete(id); return n; } }],
    });
    for (const id of ['gone', 'kept']) {
      await ingestion.ingest([event({ type: 'order', userId: id }), event({ type: 'view', userId: id })]);
      await builder.addPreference(id, { kind: 'dislike', value: 'кинза' });
      await identities.link({ channel: 'telegram', channelUserId: `tg-${id}`, shopperId: id, linkedAt: new Date().toISOString() });
      await conversationLog.append([{ shopperId: id, conversationId: 'c', channel: 'telegram', role: 'user', text: 'привет', at: new Date().toISOString() }]);
      await consent.record({ shopperId: id, purpose: 'analytics', granted: true, at: new Date().toISOString() });
      await sessions.set(`${id}/telegram/c`, { step: 1 });
    }
    const report = await erasure.eraseShopper('gone');
    expect(report).toEqual({
      shopperId: 'gone',
      found: true,
      removed: { profile: 1, events: 2, identities: 1, conversationLog: 1, consent: 1, sessions: 1, vectors: 2 },
    });
    expect(await profiles.get('gone')).toBeUndefined();
    expect(await events.listByUser('gone')).toEqual([]);
    expect(await identities.resolve({ channel: 'telegram', channelUserId: 'tg-gone' })).toBeUndefined();
    expect(await identities.listByShopper('gone')).toEqual([]);
    expect(await conversationLog.listByShopper('gone')).toEqual([]);
    expect(await consent.history('gone')).toEqual([]);
    expect(await sessions.get('gone/telegram/c')).toBeUndefined();
    expect(vectors.has('gone')).toBe(false);
    expect(await profiles.get('kept')).toBeDefined();
    expect(await events.listByUser('kept')).toHaveLength(2);
    expect(await sessions.get('kept/telegram/c')).toBeDefined();
    expect((await erasure.eraseShopper('gone')).found).toBe(false);
  });

  it('tries every store even when one fails, then reports the failure', async () => {
    const { profiles, events } = await world();
    const conversationLog = new MemoryConversationLogStore();
    await conversationLog.append([{ shopperId: 's', conversationId: 'c', channel: 'web', role: 'user', text: 'x', at: new Date().toISOString() }]);
    const erasure = new ErasureService({ profiles, events, identities: new MemoryIdentityStore(), conversationLog });
    erasure.register({ name: 'broken', erase: async () => { throw new Error('vector index down'); } });
    await expect(erasure.eraseShopper('s')).rejects.toThrow('vector index down');
    expect(await conversationLog.listByShopper('s')).toEqual([]);
  });

  it('links a channel with a one-time code that expires', async () => {
    let now = new Date('2026-03-01T10:00:00Z');
    const store = new MemoryIdentityStore();
    const identity = new IdentityService({ store, now: () => now });
    const { code } = await identity.issueLinkCode('shopper-1');
    expect(code).toMatch(/^\d{8}$/);
    expect(identity.extractCode(`мой код ${code.slice(0, 4)} ${code.slice(4)}`)).toBe(code);
    expect(await identity.redeem(code, { channel: 'telegram', channelUserId: '42' })).toBe('shopper-1');
    expect(await identity.resolve({ channel: 'telegram', channelUserId: '42' })).toBe('shopper-1');
    expect(await identity.redeem(code, { channel: 'slack', channelUserId: 'U' })).toBeUndefined();
    const late = await identity.issueLinkCode('shopper-1');
    now = new Date(now.getTime() + 11 * 60_000);
    expect(await identity.redeem(late.code, { channel: 'slack', channelUserId: 'U' })).toBeUndefined();
  });

  it('consent: default personalization on, analytics off; the latest decision wins', async () => {
    const consent = new ConsentService({ store: new MemoryConsentStore() });
    expect(await consent.isGranted('s', 'personalization')).toBe(true);
    expect(await consent.isGranted('s', 'analytics')).toBe(false);
    await consent.revoke('s', 'personalization', 'telegram');
    expect(await consent.isGranted('s', 'personalization')).toBe(false);
  });

  it('"what do you know about me" gives structured data and ru/en text from the locale files', async () => {
    const { ingestion, builder, catalog } = await world();
    const days = ['01', '05', '09'];
    await ingestion.ingest(days.map((d) => event({ type: 'order', userId: 'me', itemId: 'milk-oat', ts: `2026-02-${d}T08:00:00Z`, price: 120 })));
    await builder.addPreference('me', { kind: 'dislike', value: 'кинза' });
    const snapshot = await catalog.snapshot();
    const summary = buildProfileSummary(await builder.getProfile('me'), { lookup: snapshot.get });
    expect(summary.repurchase).toEqual([{ service: 'samokat', itemId: 'milk-oat', title: { ru: 'Овсяное молоко', en: 'Oat milk' }, everyDays: 4 }]);
    expect(summary.services[0]).toMatchObject({ service: 'samokat', orders: 3, topCategories: ['Молоко'], topBrands: ['Nemoloko'] });
    const missing: string[] = [];
    const translator = createI18nextTranslator({ resources: loadLocaleResources(), onMissingKey: (_l, key) => missing.push(key) });
    const ru = formatProfileSummary(summary, translator.forLocale('ru'), { locale: 'ru' });
    const en = formatProfileSummary(summary, translator.forLocale('en'), { locale: 'en' });
    expect(ru).toContain('Овсяное молоко вы покупаете примерно раз в 4 дн.');
    expect(ru).toContain('Вы не любите: кинза');
    expect(en).toContain('You buy Oat milk about every 4 days');
    expect(missing).toEqual([]);
    expect(formatProfileSummary(buildProfileSummary(undefined), translator.forLocale('en'), { locale: 'en' })).toMatch(/don't know anything/);
  });
});
