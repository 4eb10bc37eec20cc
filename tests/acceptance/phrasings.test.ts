import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemOf } from './support/catalog.ts';
import type { Chat } from './support/client.ts';
import { regularShopper } from './support/shoppers.ts';
import { startWorld, type World } from './support/world.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.stop();
});

/** One way a shopper may say something: what they said before, what they say, and what must hold of the answer. */
interface Phrasing {
  locale: 'ru' | 'en';
  before?: string[];
  say: string;
  expect: string;
  holds: (chat: Chat) => boolean;
  /** The shopper is the regular Kuper shopper (usual order: milk, bread, eggs; last: milk, bread, buckwheat). */
  regular?: boolean;
}

const tags = (chat: Chat): string[][] => chat.cards().map((c) => itemOf(c.itemId).tags);
const within = (max: number, service?: string) => (chat: Chat) =>
  chat.cards().length > 0 && chat.cards().every((c) => c.price <= max && (!service || c.service === service));
const withoutTags = (...banned: string[]) => (chat: Chat) => chat.cards().length > 0 && tags(chat).every((t) => !banned.some((b) => t.includes(b)));
const exactly = (...ids: string[]) => (chat: Chat) => JSON.stringify(chat.cards().map((c) => c.itemId).sort()) === JSON.stringify([...ids].sort());
const cartLines = (n: number) => (chat: Chat) => chat.cards().length === n;
const says = (pattern: RegExp) => (chat: Chat) => pattern.test(chat.text());
const USUAL = ['k-bread', 'k-eggs', 'k-milk'];
const LAST = ['k-bread', 'k-buckwheat', 'k-milk'];

const PHRASINGS: Phrasing[] = [
  { locale: 'ru', say: 'что взять на ужин на двоих до 1000 ₽ в Самокате', expect: 'Samokat, ≤ 1000 ₽', holds: within(1000, 'samokat') },
  { locale: 'ru', say: 'ужин до тысячи рублей в Самокате', expect: 'Samokat, ≤ 1000 ₽', holds: within(1000, 'samokat') },
  { locale: 'ru', say: 'ужин в Самокате не дороже 500 рублей', expect: 'Samokat, ≤ 500 ₽', holds: within(500, 'samokat') },
  { locale: 'en', say: 'dinner for two under 1000 RUB at Samokat', expect: 'Samokat, ≤ 1000 ₽', holds: within(1000, 'samokat') },
  { locale: 'ru', say: 'что взять на ужин в Мегамаркете?', expect: 'Megamarket only', holds: (c) => c.cards().every((x) => x.service === 'megamarket') },
  { locale: 'ru', before: ['я веганка'], say: 'что взять на ужин?', expect: 'no meat or fish', holds: withoutTags('meat', 'fish') },
  { locale: 'ru', before: ['я не ем мясо'], say: 'что взять на ужин?', expect: 'no meat', holds: withoutTags('meat') },
  { locale: 'ru', before: ['я вегетарианка'], say: 'что взять на ужин?', expect: 'no meat or fish', holds: withoutTags('meat', 'fish') },
  { locale: 'en', before: ['i am a vegan'], say: 'what should I get for dinner?', expect: 'no meat or fish', holds: withoutTags('meat', 'fish') },
  { locale: 'ru', before: ['у меня аллергия на орехи'], say: 'что взять перекусить?', expect: 'no nuts', holds: withoutTags('contains_nuts') },
  { locale: 'ru', before: ['без орехов, пожалуйста'], say: 'что взять перекусить?', expect: 'no nuts', holds: withoutTags('contains_nuts') },
  { locale: 'en', before: ['nut-free please'], say: 'something for a snack', expect: 'no nuts', holds: withoutTags('contains_nuts') },
  { locale: 'en', before: ["I'm allergic to nuts"], say: 'something for a snack', expect: 'no nuts', holds: withoutTags('contains_nuts') },
  { locale: 'ru', regular: true, say: 'повтори заказ в Купере', expect: 'the usual Kuper order', holds: exactly(...USUAL) },
  { locale: 'ru', regular: true, say: 'закажи как в прошлый раз', expect: 'the last order', holds: exactly(...LAST) },
  { locale: 'en', regular: true, say: 'repeat my last order', expect: 'the last order', holds: exactly(...LAST) },
  { locale: 'en', regular: true, say: 'order the usual from Kuper', expect: 'the usual Kuper order', holds: exactly(...USUAL) },
  { locale: 'ru', before: ['найди молоко в Самокате', 'добавь второе в корзину'], say: 'что у меня в корзине?', expect: 'one cart line', holds: cartLines(1) },
  { locale: 'ru', before: ['найди молоко в Самокате', 'положи в корзину первое'], say: 'покажи корзину', expect: 'one cart line', holds: cartLines(1) },
  { locale: 'en', before: ['find milk at Samokat', 'add the 2nd'], say: 'show my cart', expect: 'one cart line', holds: cartLines(1) },
  { locale: 'en', before: ['find milk at Samokat', 'add number 2'], say: 'show my cart', expect: 'one cart line', holds: cartLines(1) },
  { locale: 'en', before: ['find milk at Samokat', 'put the first one in my cart'], say: 'show my cart', expect: 'one cart line', holds: cartLines(1) },
  { locale: 'ru', before: ['найди молоко в Самокате', 'возьми первое', 'возьми второе', 'убери всё из корзины'], say: 'что в корзине?', expect: 'an empty cart', holds: cartLines(0) },
  { locale: 'ru', before: ['найди молоко в Самокате', 'возьми 2 штуки первого'], say: 'что в корзине?', expect: '2 of it', holds: says(/2 ×/) },
  { locale: 'en', before: ['find milk at Samokat', 'add 3 of the first one'], say: 'show my cart', expect: '3 of it', holds: says(/3 ×/) },
  { locale: 'ru', before: ['найди молоко в Самокате', 'возьми первое'], say: 'оформить', expect: 'a Samokat link', holds: says(/https?:\/\/\S*samokat/i) },
  { locale: 'en', before: ['find milk at Samokat', 'add the first one'], say: 'go to checkout', expect: 'a Samokat link', holds: says(/https?:\/\/\S*samokat/i) },
  { locale: 'ru', regular: true, before: ['что посоветуешь?'], say: 'почему?', expect: 'one explained card', holds: cartLines(1) },
  { locale: 'ru', regular: true, before: ['что посоветуешь?'], say: 'зачем ты это предложил?', expect: 'one explained card', holds: cartLines(1) },
  { locale: 'en', regular: true, before: ['recommend something'], say: 'why did you suggest that?', expect: 'one explained card', holds: cartLines(1) },
  { locale: 'ru', regular: true, say: 'какие данные ты обо мне хранишь?', expect: 'a summary', holds: says(/Купер/) },
  { locale: 'en', regular: true, say: 'what data do you have on me?', expect: 'a summary', holds: says(/Kuper/) },
  { locale: 'ru', regular: true, say: 'забудь меня', expect: 'an erasure question', holds: says(/удал/i) },
  { locale: 'en', regular: true, say: 'delete everything you know about me', expect: 'an erasure question', holds: says(/erase|delete/i) },
  { locale: 'ru', say: 'давай по-английски', expect: 'English', holds: (c) => !/[а-яё]/i.test(c.text()) },
  { locale: 'en', say: 'speak English please', expect: 'English', holds: (c) => !/[а-яё]/i.test(c.text()) },
  { locale: 'en', before: ['switch to English'], say: 'in Russian please', expect: 'Russian', holds: (c) => /[а-яё]/i.test(c.text()) },
  { locale: 'ru', say: 'найди гречку', expect: 'buckwheat', holds: (c) => c.cards().some((x) => x.itemId === 'k-buckwheat') },
  { locale: 'ru', say: 'найди корм для кошек', expect: 'cat food first', holds: (c) => c.cards()[0]?.itemId === 'm-cat-food' },
  { locale: 'ru', say: 'найди наушники', expect: 'headphones first', holds: (c) => c.cards()[0]?.itemId === 'm-headphones' },
  { locale: 'ru', say: 'найди вегетарианскую пиццу', expect: 'the pizza first', holds: (c) => c.cards()[0]?.itemId === 's-pizza' },
];

describe('the same request in other words', () => {
  for (const phrasing of PHRASINGS) {
    const before = phrasing.before?.length ? `[${phrasing.before.join(' / ')}] ` : '';
    it(`${phrasing.locale}: ${before}"${phrasing.say}" -> ${phrasing.expect}`, async () => {
      const chat = await world.shopper({ locale: phrasing.locale, ...(phrasing.regular ? { history: regularShopper, name: 'regular' } : {}) });
      for (const line of phrasing.before ?? []) await chat.send(line);
      await chat.send(phrasing.say);
      expect(phrasing.holds(chat), chat.transcript()).toBe(true);
    });
  }
});
