import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATALOG, hasTag, isAlcohol, type Item } from './support/catalog.ts';
import type { Card, Chat } from './support/client.ts';
import { History, POPULAR, regularShopper } from './support/shoppers.ts';
import { cardsOf, expectEveryCard, expectText, noAlcohol, profileWithEvents, startWorld, tagsOf, veganOk, type World } from './support/world.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.stop();
});

const mean = (cards: Card[]): number => cards.reduce((sum, c) => sum + c.price, 0) / cards.length;

/**
 * After "cheaper?": cheaper cards on average, or — only when the answer before already held the cheapest item
 * that fits (`fits`) — a plain "nothing cheaper" text.
 */
function expectCheaper(chat: Chat, before: Card[], fits: (item: Item) => boolean): void {
  const now = chat.cards();
  if (now.length > 0) {
    if (!(mean(now) < mean(before))) chat.fail('expected cheaper cards than before');
    return;
  }
  const cheapestShown = Math.min(...before.map((c) => c.price));
  const cheaperExists = CATALOG.filter((i) => i.available !== false && !isAlcohol(i.id) && fits(i)).some((i) => i.price < cheapestShown);
  if (cheaperExists) chat.fail(`"nothing cheaper" although the catalog has fitting items under ${cheapestShown} ₽`);
}
const noNuts = (card: Card): boolean => !tagsOf(card).includes('contains_nuts');

/** A shopper who eats meat and fish every week, to tempt the recommender after "I'm vegan". */
const meatEater = (id: string): History =>
  new History(id)
    .order(21, [['s-chicken', 2], ['s-steak', 1], ['s-salmon', 1]])
    .order(14, [['s-chicken', 2], ['s-steak', 1], ['s-salmon', 1]])
    .order(7, [['s-chicken', 2], ['s-steak', 1], ['s-lasagna', 1]])
    .order(1, [['s-chicken', 2], ['s-shrimp', 1], ['s-lasagna', 1]]);

/** A shopper who snacks on nuts, to tempt the recommender after "no nuts". */
const nutLover = (id: string): History =>
  new History(id)
    .order(14, [['s-nuts', 2], ['s-choc-nuts', 1], ['k-granola', 1]])
    .order(7, [['s-nuts', 2], ['s-choc-nuts', 1], ['k-almonds', 1]])
    .order(2, [['s-nuts', 2], ['s-pesto', 1], ['k-granola', 1]]);

describe('recommendations with a service, an occasion and a budget', () => {
  it('ru: dinner for two under 1000 ₽ at Samokat, then cheaper, then at Kuper', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    chat.always('no alcohol unasked', noAlcohol).always('within 1000 ₽', (c) => c.price <= 1000);
    await chat.send('что взять на ужин на двоих до 1000 рублей в Самокате?');
    const dinner = expectEveryCard(chat, 'from Samokat', (c) => c.service === 'samokat', 2);
    expect(chat.last().some((r) => r.type === 'cards')).toBe(true);
    for (const card of dinner) expect(card.reason, card.itemId).toMatch(/\S/);

    await chat.send('а подешевле?');
    expectCheaper(chat, dinner, (i) => i.service === 'samokat');

    await chat.send('а в Купере?');
    expectEveryCard(chat, 'from Kuper', (c) => c.service === 'kuper');
  });

  it('en: dinner for two under 1000 rubles at Samokat, then cheaper, then at Kuper', async () => {
    const chat = await world.shopper({ locale: 'en' });
    chat.always('no alcohol unasked', noAlcohol).always('within 1000 ₽', (c) => c.price <= 1000);
    await chat.send('what should I get for dinner for two under 1000 rubles at Samokat?');
    const dinner = expectEveryCard(chat, 'from Samokat', (c) => c.service === 'samokat', 2);
    expect(dinner.every((c) => /^[\x20-\x7E\u00A0-\u024F\u2000-\u206F₽]+$/.test(c.title)), 'English titles').toBe(true);

    await chat.send('cheaper?');
    expectCheaper(chat, dinner, (i) => i.service === 'samokat');

    await chat.send('what about Kuper?');
    expectEveryCard(chat, 'from Kuper', (c) => c.service === 'kuper');
  });

  it('ru: "до 300 рублей" is never exceeded, across follow-ups', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    chat.always('within 300 ₽', (c) => c.price <= 300).always('no alcohol unasked', noAlcohol);
    await chat.send('что-нибудь на ужин до 300 рублей');
    cardsOf(chat);
    await chat.send('а в Купере?');
    expectEveryCard(chat, 'from Kuper', (c) => c.service === 'kuper');
    await chat.send('а подешевле?');
    await chat.send('что взять на завтрак до 300 рублей?');
    cardsOf(chat);
  });

  it('en: "under 300 rubles" is never exceeded, across follow-ups', async () => {
    const chat = await world.shopper({ locale: 'en' });
    chat.always('within 300 ₽', (c) => c.price <= 300).always('no alcohol unasked', noAlcohol);
    await chat.send('something for a snack under 300 rubles');
    cardsOf(chat);
    await chat.send('what about Kuper?');
    expectEveryCard(chat, 'from Kuper', (c) => c.service === 'kuper');
    await chat.send('cheaper?');
  });
});

describe('several constraints in one message, and the quick replies', () => {
  it('ru and en: "веганский ужин до 500 рублей в Самокате" honours all three at once', async () => {
    for (const [locale, text] of [['ru', 'веганский ужин до 500 рублей в Самокате'], ['en', 'vegan dinner under 500 rubles at Samokat']] as const) {
      const chat = await world.shopper({ locale });
      chat.always('vegan, Samokat, within 500 ₽', (c) => veganOk(c) && c.service === 'samokat' && c.price <= 500);
      await chat.send(text);
      cardsOf(chat, 2);
      await chat.send(locale === 'ru' ? 'а подешевле?' : 'cheaper?');
    }
  });

  it('the budget and "cheaper" quick replies narrow the answer', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    chat.always('no alcohol unasked', noAlcohol);
    await chat.send('что взять на ужин?');
    cardsOf(chat, 2);
    await chat.press('до 500 ₽');
    const within = expectEveryCard(chat, 'within 500 ₽', (c) => c.price <= 500);
    await chat.press('Подешевле');
    expectCheaper(chat, within, () => true);
  });

  it('follow-ups with nothing shown yet get a helpful answer', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    for (const text of ['а подешевле?', 'возьми второе', 'почему?', 'оформи заказ']) {
      await chat.send(text);
      expect(chat.last()[0]!.type, text).toBe('text');
      expect(chat.cards(), text).toEqual([]);
    }
    await chat.send('а в Купере?');
    expectEveryCard(chat, 'from Kuper', (c) => c.service === 'kuper');
  });
});

describe('a stated diet is respected in every later answer', () => {
  it('ru: "без мяса" and "я не ем рыбу"; en: "I don\'t eat meat" — no meat or fish afterwards', async () => {
    const noMeatOrFish = (c: Card): boolean => !tagsOf(c).includes('meat') && !tagsOf(c).includes('fish');
    const ru = await world.shopper({ locale: 'ru', history: meatEater, name: 'no-meat' });
    await ru.send('без мяса');
    ru.always('no meat', (c) => !tagsOf(c).includes('meat'));
    await ru.send('что взять на ужин в Самокате?');
    cardsOf(ru);
    await ru.send('я не ем рыбу');
    ru.always('no meat or fish', noMeatOrFish);
    await ru.send('что посоветуешь?');
    await ru.send('что взять на ужин в Купере?');
    const en = await world.shopper({ locale: 'en' });
    await en.send("I don't eat meat");
    en.always('no meat', (c) => !tagsOf(c).includes('meat'));
    await en.send('what should I get for dinner?');
    cardsOf(en);
    await en.send('what about Kuper?');
  });

  it('ru: "я веган" — no meat, fish or non-vegan food, also after "а подешевле?" and "а в Купере?"', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('я веган');
    expectText(chat, /веган/i);
    chat.always('vegan', veganOk).always('no alcohol unasked', noAlcohol);
    await chat.send('что взять на ужин?');
    cardsOf(chat, 2);
    await chat.send('а подешевле?');
    await chat.send('а в Купере?');
    await chat.send('посоветуй что-нибудь');
    cardsOf(chat);
    await chat.send('что взять на завтрак в Самокате?');
    cardsOf(chat);
    await chat.send('найди молоко');
    expectEveryCard(chat, 'plant milk', (c) => hasTag(c.itemId, 'vegan'));
    await chat.send('найди сыр');
  });

  it('en: "I\'m vegan" then "recommend something", cheaper, another service', async () => {
    const chat = await world.shopper({ locale: 'en' });
    await chat.send("I'm vegan");
    expectText(chat, /vegan/i);
    chat.always('vegan', veganOk).always('no alcohol unasked', noAlcohol);
    await chat.send('recommend something');
    cardsOf(chat, 2);
    await chat.send('cheaper?');
    await chat.send('what about Kuper?');
    await chat.send('what should I get for dinner?');
    cardsOf(chat);
    await chat.send('find milk');
    expectEveryCard(chat, 'plant milk', (c) => hasTag(c.itemId, 'vegan'));
  });

  it('a meat-eater who says "я веган" never gets their usual meat or fish again', async () => {
    const chat = await world.shopper({ locale: 'ru', history: meatEater, name: 'meat' });
    await chat.send('что посоветуешь?');
    expect(cardsOf(chat).some((c) => ['s-chicken', 's-steak'].includes(c.itemId)), chat.transcript()).toBe(true);
    await chat.send('я веган');
    chat.always('vegan', veganOk);
    await chat.send('что посоветуешь?');
    cardsOf(chat);
    await chat.send('повтори мой обычный заказ');
    await chat.send('что взять на ужин в Самокате?');
    cardsOf(chat);
    await chat.send('а подешевле?');
  });

  it('the stated diet is saved in the profile and holds in a new conversation', async () => {
    const first = await world.shopper({ locale: 'ru', history: (id) => new History(id).order(3, [['s-bread', 1]]), name: 'saved-diet' });
    await first.send('я веган');
    const profile = await profileWithEvents(world.api, first.shopperId, 1);
    expect(JSON.stringify(profile)).toMatch(/vegan/);
    const again = await world.api.chat(first.shopperId, 'ru');
    again.always('vegan', veganOk);
    await again.send('что взять на ужин?');
    cardsOf(again);
    await again.send('найди молоко в Купере');
    expectEveryCard(again, 'Kuper plant milk', (c) => c.service === 'kuper' && hasTag(c.itemId, 'vegan'));
  });
});

describe('allergens and alcohol', () => {
  it('ru: "без орехов" — nothing with nuts, even for a shopper who always buys nuts', async () => {
    const chat = await world.shopper({ locale: 'ru', history: nutLover, name: 'nuts' });
    await chat.send('без орехов');
    expectText(chat, /орех/i);
    chat.always('no nuts', noNuts);
    await chat.send('что посоветуешь?');
    await chat.send('что взять перекусить?');
    cardsOf(chat);
    await chat.send('повтори мой обычный заказ');
    await chat.send('найди шоколад');
    expectEveryCard(chat, 'dark chocolate', (c) => c.itemId === 's-dark-choc');
    await chat.send('найди гранолу');
    await chat.send('что взять на завтрак в Купере?');
  });

  it('en: "no nuts" — nothing with nuts afterwards', async () => {
    const chat = await world.shopper({ locale: 'en' });
    await chat.send('no nuts please');
    chat.always('no nuts', noNuts);
    await chat.send('what should I get for a snack?');
    cardsOf(chat);
    await chat.send('find chocolate');
    expectEveryCard(chat, 'dark chocolate', (c) => c.itemId === 's-dark-choc');
    await chat.send('find pesto');
  });

  it('ru and en: alcohol is never offered for occasions unless the shopper asks for it', async () => {
    for (const [locale, lines] of [
      ['ru', ['что посоветуешь?', 'что взять на вечеринку?', 'что взять на ужин?', 'а в Самокате?', 'что взять на ужин на двоих до 1000 рублей в Самокате?', 'а подешевле?', 'посоветуй что-нибудь', 'что взять перекусить?']],
      ['en', ['what do you recommend?', 'what should I buy for a party?', 'what should I get for dinner at Samokat?', 'cheaper?', 'recommend something', 'something for a snack']],
    ] as const) {
      const chat = await world.shopper({ locale });
      chat.always('no alcohol unasked', noAlcohol);
      for (const line of lines) await chat.send(line);
    }
  });

  it('an explicit request for beer or wine finds it', async () => {
    const ru = await world.shopper({ locale: 'ru' });
    await ru.send('найди пиво');
    expect(cardsOf(ru).map((c) => c.itemId)).toContain('s-beer');
    const en = await world.shopper({ locale: 'en' });
    await en.send('find red wine');
    expect(cardsOf(en).map((c) => c.itemId)).toContain('s-wine');
    expect(en.cards().filter((c) => isAlcohol(c.itemId)).length).toBeGreaterThan(0);
  });
});

describe('personal recommendations', () => {
  it('ru and en: a new shopper gets what many shoppers buy, said to be popular', async () => {
    for (const [locale, text] of [['ru', 'посоветуй что-нибудь'], ['en', 'recommend something']] as const) {
      const chat = await world.shopper({ locale });
      chat.always('no alcohol unasked', noAlcohol);
      await chat.send(text);
      const popular = cardsOf(chat, 2).filter((c) => POPULAR.includes(c.itemId));
      expect(popular.length, chat.transcript()).toBeGreaterThanOrEqual(2);
      for (const card of popular) expect(card.reason, chat.transcript()).toMatch(locale === 'ru' ? /популяр|покупател/i : /popular|shoppers/i);
    }
  });

  it('ru: a regular gets what they repurchase, with a reason true to their orders', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'regular' });
    chat.always('no alcohol unasked', noAlcohol);
    await chat.send('что посоветуешь?');
    const cards = cardsOf(chat, 2);
    const milk = cards.find((c) => c.itemId === 'k-milk');
    expect(milk, chat.transcript()).toBeDefined();
    // k-milk: ordered every 7 days, last yesterday
    expect(milk!.reason).toMatch(/7 дн/);
    expect(milk!.reason).toMatch(/1 день назад|вчера/);
    const eggs = cards.find((c) => c.itemId === 'k-eggs');
    if (eggs) expect(eggs.reason).toMatch(/8 дней назад/);
  });

  it('en: a regular gets what they repurchase, with a reason true to their orders', async () => {
    const chat = await world.shopper({ locale: 'en', history: regularShopper, name: 'regular-en' });
    await chat.send('recommend something');
    const milk = cardsOf(chat, 2).find((c) => c.itemId === 'k-milk');
    expect(milk, chat.transcript()).toBeDefined();
    expect(milk!.reason).toMatch(/7 days/);
    expect(milk!.reason).toMatch(/1 day ago|yesterday/);
  });
});
