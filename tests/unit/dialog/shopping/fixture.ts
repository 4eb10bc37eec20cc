import { createBot, type Bot } from '../../../../core/bot.ts';
import type { CatalogItem } from '../../../../core/catalog/catalog-item.ts';
import { ProfileBuilder } from '../../../../core/context/profile-builder.ts';
import type { DialogEngine } from '../../../../core/dialog/engine.ts';
import type { ShopEvent } from '../../../../core/events/shop-event.ts';
import { createRecognizer, type NluRecognizer } from '../../../../core/nlu/index.ts';
import type { Recognizer } from '../../../../core/nlu/recognizer.ts';
import { MemoryCatalogStore } from '../../../../core/stores/memory-catalog-store.ts';
import { MemoryConsentStore } from '../../../../core/stores/memory-consent-store.ts';
import { MemoryEventStore } from '../../../../core/stores/memory-event-store.ts';
import { MemoryProfileStore } from '../../../../core/stores/memory-profile-store.ts';
import type { ProfileStore } from '../../../../core/stores/profile-store.ts';
import { MemorySessionStore } from '../../../../core/stores/memory-session-store.ts';
import { createShoppingAssistant } from '../../../../dialogs/shopping-assistant/assistant.ts';
import { createCatalogBackend } from '../../../../dialogs/shopping-assistant/catalog-backend.ts';
import type { ShoppingBackend } from '../../../../dialogs/shopping-assistant/ports.ts';
import { withRecommender } from '../../../../dialogs/shopping-assistant/recommender-backend.ts';
import { createRecommender } from '../../../../core/reco/recommender/recommender.ts';
import { SHOPPING_ASSISTANT_INTENTS } from '../../../../dialogs/shopping-assistant/intents/index.ts';
import { loadLocalesTranslator } from '../../../support/transcript-translator.ts';
import { transcript, type Transcript, type TranscriptOptions } from '../../../support/transcript.ts';

/** A catalog item in one line (tests add their own on top of {@link CATALOG}). */
export const item = (
  id: string, service: CatalogItem['service'], ru: string, en: string, category: string, price: number, tags: string[] = [],
): CatalogItem => ({ id, service, title: { ru, en }, category, price, currency: 'RUB', tags });

/**
 * Orders of one item on a day of October 2026 at 09:00, priced from `items` (else `fallbackPrice`); ids start with
 * `idPrefix`, orders are one per shopper and day.
 */
export function dailyOrders(items: readonly CatalogItem[], idPrefix: string, fallbackPrice: number) {
  const prices = new Map(items.map((i) => [i.id, i.price]));
  return (n: number, userId: string, service: CatalogItem['service'], itemId: string, day: number): ShopEvent => ({
    id: `${idPrefix}${userId}${n}`, userId, service, type: 'order', itemId, orderId: `o${userId}${day}`,
    ts: `2026-10-${String(day).padStart(2, '0')}T09:00:00Z`, quantity: 1, price: prices.get(itemId) ?? fallbackPrice,
  });
}

/** A small catalog of the three services with diet and safety tags. */
export const CATALOG: CatalogItem[] = [
  item('s-milk', 'samokat', 'Молоко Простоквашино 3,2%', 'Prostokvashino milk 3.2%', 'Молочные продукты/Молоко', 89, ['vegetarian']),
  item('s-milk-lf', 'samokat', 'Молоко безлактозное Parmalat', 'Parmalat lactose-free milk', 'Молочные продукты/Молоко', 129, ['vegetarian', 'lactose_free']),
  item('s-oat', 'samokat', 'Овсяное молоко Alpro', 'Alpro oat milk', 'Молочные продукты/Растительное молоко', 159, ['vegan', 'lactose_free']),
  item('s-chicken', 'samokat', 'Куриное филе', 'Chicken fillet', 'Мясо и птица/Курица', 349, ['meat']),
  item('s-pasta', 'samokat', 'Спагетти Barilla', 'Barilla spaghetti', 'Бакалея/Макароны', 119, ['vegan']),
  item('s-tomato', 'samokat', 'Томаты черри', 'Cherry tomatoes', 'Овощи и фрукты/Овощи', 199, ['vegan']),
  item('s-salad', 'samokat', 'Салат с кинзой и огурцом', 'Cucumber salad with cilantro', 'Готовая еда/Салаты', 249, ['vegan']),
  item('s-pizza', 'samokat', 'Пицца Маргарита', 'Pizza Margherita', 'Готовая еда/Пицца', 399, ['vegetarian']),
  item('s-salmon', 'samokat', 'Филе лосося', 'Salmon fillet', 'Рыба и морепродукты/Рыба', 799, ['fish']),
  item('s-nuts', 'samokat', 'Смесь орехов', 'Nut mix', 'Снеки/Орехи', 299, ['vegan', 'contains_nuts']),
  item('s-cheese', 'samokat', 'Сыр Российский', 'Rossiysky cheese', 'Молочные продукты/Сыр', 259, ['vegetarian']),
  item('s-beer', 'samokat', 'Пиво светлое', 'Lager beer', 'Напитки/Пиво', 120, ['alcohol', '18+']),
  item('s-lasagna', 'samokat', 'Лазанья с говядиной', 'Beef lasagna', 'Готовая еда/Горячее', 459, ['meat']),
  item('k-milk', 'kuper', 'Молоко Домик в деревне 2,5%', 'Domik v derevne milk 2.5%', 'Молочные продукты/Молоко', 95, ['vegetarian']),
  item('k-milk-lf', 'kuper', 'Молоко безлактозное Valio', 'Valio lactose-free milk', 'Молочные продукты/Молоко', 139, ['vegetarian', 'lactose_free']),
  item('k-buckwheat', 'kuper', 'Гречка Увелка', 'Uvelka buckwheat', 'Бакалея/Крупы', 89, ['vegan', 'gluten_free']),
  item('k-tofu', 'kuper', 'Тофу классический', 'Classic tofu', 'Вегетарианские продукты/Тофу', 189, ['vegan']),
  item('k-chicken', 'kuper', 'Куриные бёдра', 'Chicken thighs', 'Мясо и птица/Курица', 289, ['meat']),
  item('k-bread', 'kuper', 'Хлеб Бородинский', 'Borodinsky bread', 'Хлеб и выпечка/Хлеб', 65, ['vegan']),
  item('k-pasta', 'kuper', 'Макароны Макфа', 'Makfa pasta', 'Бакалея/Макароны', 79, ['vegan']),
  item('m-phone', 'megamarket', 'Смартфон Xiaomi Redmi Note', 'Xiaomi Redmi Note smartphone', 'Электроника/Смартфоны', 12990),
  item('m-charger', 'megamarket', 'Зарядное устройство USB-C 20 Вт', 'USB-C charger 20 W', 'Электроника/Аксессуары', 990),
  item('m-kettle', 'megamarket', 'Чайник электрический Polaris', 'Polaris electric kettle', 'Бытовая техника/Чайники', 2490),
];

const order = (id: string, userId: string, service: CatalogItem['service'], itemId: string, orderId: string, ts: string, quantity = 1): ShopEvent =>
  ({ id, userId, service, type: 'order', itemId, orderId, ts, quantity, price: CATALOG.find((i) => i.id === itemId)?.price });

/** A regular Kuper shopper: milk and bread in every order, buckwheat in the last one; pasta once at Samokat. */
export const REGULAR_EVENTS: ShopEvent[] = [
  order('e1', 'u-regular', 'kuper', 'k-milk', 'o1', '2026-10-01T10:00:00Z', 2),
  order('e2', 'u-regular', 'kuper', 'k-bread', 'o1', '2026-10-01T10:00:00Z'),
  order('e3', 'u-regular', 'kuper', 'k-milk', 'o2', '2026-10-08T10:00:00Z', 2),
  order('e4', 'u-regular', 'kuper', 'k-bread', 'o2', '2026-10-08T10:00:00Z'),
  order('e5', 'u-regular', 'kuper', 'k-buckwheat', 'o3', '2026-10-15T10:00:00Z', 3),
  order('e6', 'u-regular', 'samokat', 's-pasta', 'o4', '2026-10-16T10:00:00Z'),
  order('e7', 'u-regular', 'samokat', 's-pasta', 'o5', '2026-10-20T10:00:00Z'),
];

let shared: NluRecognizer | undefined;

/** The real shopping recognizer, trained once per test file. */
export function shoppingRecognizer(): NluRecognizer {
  shared ??= createRecognizer({ definitions: SHOPPING_ASSISTANT_INTENTS });
  return shared;
}

/** A whole shopping assistant on in-memory stores, with the real recognizer and locales. */
export interface ShoppingWorld {
  bot: Bot;
  engine: DialogEngine;
  catalog: MemoryCatalogStore;
  events: MemoryEventStore;
  /** Profiles as readers see them (views derived on read). */
  profiles: ProfileStore;
  consent: MemoryConsentStore;
  sessions: MemorySessionStore;
  builder: ProfileBuilder;
  chat(options?: TranscriptOptions): Transcript;
}

/** Builds the world; `recognizer` defaults to the trained shopping recognizer. */
export async function shoppingWorld(
  options: { recognizer?: Recognizer; events?: ShopEvent[]; backend?: 'catalog' | 'recommender'; items?: CatalogItem[] } = {},
): Promise<ShoppingWorld> {
  const catalog = new MemoryCatalogStore();
  await catalog.upsertMany([...CATALOG, ...(options.items ?? [])]);
  const events = new MemoryEventStore();
  const profiles = new MemoryProfileStore();
  const consent = new MemoryConsentStore();
  const sessions = new MemorySessionStore();
  const builder = new ProfileBuilder({ profiles, catalog });
  const history = options.events ?? REGULAR_EVENTS;
  await events.appendMany(history);
  await builder.applyEvents(history);
  const translator = loadLocalesTranslator();
  const base = createCatalogBackend({
    catalog, events, profiles: builder.profiles, consent,
    savePreference: async (shopperId, p) => {
      await builder.addPreference(shopperId, p);
    },
    removePreference: async (shopperId, p) => {
      await builder.removePreference(shopperId, p);
    },
  });
  let backend: ShoppingBackend = base;
  if (options.backend === 'recommender') {
    const recommender = createRecommender({ catalog, events, profiles: builder.profiles, now: () => Date.parse('2026-11-01T00:00:00Z') });
    recommender.observe(history);
    backend = withRecommender({ base, recommender });
  }
  const engine = createShoppingAssistant({ recognizer: options.recognizer ?? shoppingRecognizer(), sessions, translator, backend });
  const bot = createBot({ translator, handler: engine.handler });
  return {
    bot, engine, catalog, events, profiles: builder.profiles, consent, sessions, builder,
    chat: (o = {}) => transcript(bot, { t: (l) => translator.forLocale(l), ...o }),
  };
}

/**
 * After "cheaper": every new card costs less than anything shown before, or — only when the answer before already
 * held the cheapest item that fits the request — the plain "nothing cheaper" answer.
 */
export function expectCheaper(c: Transcript, before: readonly { price: number }[], fitting: (item: CatalogItem) => boolean): void {
  const min = Math.min(...before.map((card) => card.price));
  const cards = c.replies.flatMap((r) => (r.type === 'cards' ? r.cards : []));
  if (cards.length > 0) {
    for (const card of cards) if (card.price >= min) throw new Error(`"cheaper" showed ${card.title} at ${card.price} ₽, not under ${min} ₽`);
    return;
  }
  c.expectReply({ key: 'assistant:no_cheaper' });
  const cheaper = CATALOG.filter((item) => fitting(item) && item.price < min);
  if (cheaper.length > 0) throw new Error(`"nothing cheaper" although ${cheaper.map((i) => i.id).join(', ')} fit under ${min} ₽`);
}

/** The item of a card, from the fixture catalog. */
export function catalogItem(itemId: string): CatalogItem {
  const found = CATALOG.find((i) => i.id === itemId);
  if (!found) throw new Error(`no item ${itemId}`);
  return found;
}
