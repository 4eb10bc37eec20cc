import { beforeAll, describe, expect, it } from 'vitest';
import { createBot } from '../../../../core/bot.ts';
import { ErasureService } from '../../../../core/context/erasure-service.ts';
import { ProfileBuilder } from '../../../../core/context/profile-builder.ts';
import { MemoryCatalogStore } from '../../../../core/stores/memory-catalog-store.ts';
import { MemoryConsentStore } from '../../../../core/stores/memory-consent-store.ts';
import { MemoryConversationLogStore } from '../../../../core/stores/memory-conversation-log-store.ts';
import { MemoryEventStore } from '../../../../core/stores/memory-event-store.ts';
import { MemoryIdentityStore } from '../../../../core/stores/memory-identity-store.ts';
import { MemoryProfileStore } from '../../../../core/stores/memory-profile-store.ts';
import { MemorySessionStore } from '../../../../core/stores/memory-session-store.ts';
import { createShoppingHandler } from '../../../../dialogs/shopping-assistant/handler.ts';
import { loadLocalesTranslator } from '../../../support/transcript-translator.ts';
import { transcript } from '../../../support/transcript.ts';
import { CATALOG, catalogItem, shoppingRecognizer } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('erasure that does not start in the chat', () => {
  it('forgets the stated diet too: after the API erasure "найди молоко" is no longer vegan-only', async () => {
    const catalog = new MemoryCatalogStore();
    await catalog.upsertMany(CATALOG);
    const events = new MemoryEventStore();
    const profiles = new MemoryProfileStore();
    const consent = new MemoryConsentStore();
    const sessions = new MemorySessionStore();
    const builder = new ProfileBuilder({ profiles, catalog });
    const erasure = new ErasureService({
      profiles, events, consent, sessions, identities: new MemoryIdentityStore(), conversationLog: new MemoryConversationLogStore(),
    });
    const translator = loadLocalesTranslator();
    const shopping = createShoppingHandler({
      translator, sessions, catalog, events, profiles, consent, profileBuilder: builder, recognizer: shoppingRecognizer(),
      erase: async (id) => void (await erasure.eraseShopper(id)), erasure,
    });
    await shopping.ready;
    const bot = createBot({ translator, handler: shopping.handler });
    const c = transcript(bot, { shopperId: 'u-erased', locale: 'ru' });
    const vegan = (id: string) => (catalogItem(id).tags ?? []).includes('vegan');

    await c.send('я веган');
    await c.send('найди молоко');
    expect(c.expectCards().cards.every((card) => vegan(card.itemId))).toBe(true);

    // What DELETE /api/v1/users/{id} does: the one erasure service, never the chat's own flow.
    await erasure.eraseShopper('u-erased');
    await c.send('найди молоко');
    expect(c.expectCards().cards.some((card) => !vegan(card.itemId))).toBe(true);
  });
});
