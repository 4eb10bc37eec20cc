import { expect } from 'vitest';
import { CATALOG, isAlcohol, itemOf, type Item } from './catalog.ts';
import { Api, type Card, type Chat } from './client.ts';
import { startServer, type RunningServer } from './server-process.ts';
import { crowd, type History } from './shoppers.ts';

/** A running server with the acceptance catalog and a crowd of shoppers loaded over the public APIs. */
export interface World {
  server: RunningServer;
  api: Api;
  /** A fresh shopper (unique id), with their history ingested first when given. */
  shopper(options?: { locale?: 'ru' | 'en'; history?: (userId: string) => History; name?: string }): Promise<Chat>;
  stop(): Promise<void>;
}

let counter = 0;

/** Waits until the profile reflects at least `events` events (ingestion may be asynchronous). */
export async function profileWithEvents(api: Api, userId: string, events: number): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 10_000;
  let last: unknown;
  while (Date.now() < deadline) {
    const res = await api.profile(userId);
    last = res.body;
    if (res.status === 200 && (typeof res.body.events !== 'number' || res.body.events >= events)) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`the profile of ${userId} did not show ${events} events within 10 s: ${JSON.stringify(last)}`);
}

/** Starts the server and loads the catalog and the crowd whose purchases make items popular. */
export async function startWorld(): Promise<World> {
  const server = await startServer();
  const api = new Api(server);
  try {
    const put = await api.putItems(CATALOG);
    expect(put.status, put.text).toBe(200);
    expect(put.body).toEqual({ upserted: CATALOG.length });
    const people = crowd('crowd', 6);
    const posted = await api.postEvents(people.flatMap((h) => h.events));
    expect(posted.status, posted.text).toBe(202);
    expect(posted.body.rejected).toEqual([]);
    for (const person of people) await profileWithEvents(api, person.userId, person.events.length);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return {
    server,
    api,
    async shopper(options = {}) {
      counter += 1;
      const userId = `acc-${options.name ?? 'shopper'}-${process.pid}-${counter}`;
      if (options.history) {
        const history = options.history(userId);
        const res = await api.postEvents(history.events);
        expect(res.status, res.text).toBe(202);
        expect(res.body).toMatchObject({ accepted: history.events.length, duplicates: 0, rejected: [] });
        await profileWithEvents(api, userId, history.events.length);
      }
      const chat = await api.chat(userId, options.locale);
      return chat.always('an available item of the catalog, with its own service, title and price', matchesCatalog);
    },
    stop: () => server.stop(),
  };
}

/** The cards of the last turn; fails with the transcript unless there are at least `min`. */
export function cardsOf(chat: Chat, min = 1): Card[] {
  const cards = chat.cards();
  if (cards.length < min) chat.fail(`expected a cards reply with at least ${min} card(s)`);
  return cards;
}

/** Asserts every card of the last turn satisfies `holds`. */
export function expectEveryCard(chat: Chat, label: string, holds: (card: Card) => boolean, min = 1): Card[] {
  const cards = cardsOf(chat, min);
  const bad = cards.filter((c) => !holds(c));
  if (bad.length > 0) chat.fail(`expected every card to be ${label}; not: ${bad.map((c) => c.itemId).join(', ')}`);
  return cards;
}

/** Asserts the last turn's text (and cards' text) matches. */
export function expectText(chat: Chat, pattern: RegExp): void {
  if (!pattern.test(chat.text())) chat.fail(`expected the answer to match ${pattern}`);
}

/** A card shows a real, available catalog item as it is: its service, its title (ru or en) and its price. */
export function matchesCatalog(card: Card): boolean {
  let item: Item;
  try {
    item = itemOf(card.itemId);
  } catch {
    return false;
  }
  return item.available !== false && item.service === card.service && item.price === card.price && [item.title.ru, item.title.en].includes(card.title);
}

/** The catalog tags of a card. */
export const tagsOf = (card: Card): string[] => itemOf(card.itemId).tags;

/** A card the shopper did not ask for must never be alcohol or 18+. */
export const noAlcohol = (card: Card): boolean => !isAlcohol(card.itemId);

/** Vegan: no meat or fish, and food carries the vegan tag (non-food such as a charger has no diet tags). */
export const veganOk = (card: Card): boolean => {
  const tags = tagsOf(card);
  if (tags.includes('meat') || tags.includes('fish')) return false;
  const food = tags.some((t) => ['vegan', 'vegetarian', 'lactose_free', 'gluten_free', 'contains_nuts', 'alcohol'].includes(t));
  return !food || tags.includes('vegan');
};
