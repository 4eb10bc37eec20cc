import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemOf } from './support/catalog.ts';
import type { Chat } from './support/client.ts';
import { regularShopper } from './support/shoppers.ts';
import { cardsOf, expectText, noAlcohol, startWorld, type World } from './support/world.ts';

let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.stop();
});

const CYRILLIC = /[а-яё]/i;
/** The assistant's own words of the last turn (texts of replies, not product titles). */
const ownWords = (chat: Chat): string => chat.last().map((r) => (r.type === 'text' ? r.text : r.type === 'cards' ? r.text ?? '' : '')).join('\n');
const PERSONAL_RU = /вы берёте|заказывали|вашем обычном|вашего прошлого/;
const PERSONAL_EN = /you buy|you ordered|your usual|your last order/i;

describe('privacy', () => {
  it('ru: "что ты обо мне знаешь?" gives a readable summary of their services and categories', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'know' });
    await chat.send('что ты обо мне знаешь?');
    expectText(chat, /Купер/);
    expectText(chat, /Самокат/);
    expectText(chat, /Молочные продукты/);
    expect(chat.quickReplies().length).toBeGreaterThan(0);
    expect(chat.text()).not.toMatch(/[{}[\]"]/);
  });

  it('ru: withdrawing consent (with confirmation) — answers stop using the history', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'withdraw' });
    await chat.send('что посоветуешь?');
    expect(chat.cards().map((c) => c.reason ?? '').join(' '), chat.transcript()).toMatch(PERSONAL_RU);
    await chat.send('не используй мою историю покупок');
    expect(chat.quickReplies()).toEqual(expect.arrayContaining(['Да', 'Нет']));
    await chat.press('Да');
    chat.always('no alcohol unasked', noAlcohol);
    await chat.send('что посоветуешь?');
    expect(chat.cards().map((c) => c.reason ?? '').join(' ')).not.toMatch(PERSONAL_RU);
    const later = await world.api.chat(chat.shopperId, 'ru');
    await later.send('что взять на ужин в Купере?');
    expect(later.cards().map((c) => c.reason ?? '').join(' ')).not.toMatch(PERSONAL_RU);
  });

  it('ru: "удали мои данные" asks first; "нет" keeps them, "да" erases them (profile 404)', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'erase' });
    await chat.send('удали мои данные');
    expect(chat.quickReplies()).toEqual(expect.arrayContaining(['Да', 'Нет']));
    await chat.send('нет');
    expect((await world.api.profile(chat.shopperId)).status).toBe(200);
    await chat.send('удали мои данные');
    await chat.send('да');
    expectText(chat, /удален/i);
    expect((await world.api.profile(chat.shopperId)).status).toBe(404);
    await chat.send('что ты обо мне знаешь?');
    expect(chat.text()).not.toMatch(/Купер: заказ/);
    await chat.send('повтори мой обычный заказ в Купере');
    expect(chat.cards()).toEqual([]);
    await chat.send('что посоветуешь?');
    expect(chat.cards().map((c) => c.reason ?? '').join(' ')).not.toMatch(PERSONAL_RU);
  });

  it('en: what you know, stop using my history, delete my data', async () => {
    const chat = await world.shopper({ locale: 'en', history: regularShopper, name: 'privacy-en' });
    await chat.send('what do you know about me?');
    expectText(chat, /Kuper/);
    await chat.send('stop using my purchase history');
    await chat.send('yes');
    await chat.send('recommend something');
    expect(chat.cards().map((c) => c.reason ?? '').join(' ')).not.toMatch(PERSONAL_EN);
    await chat.send('delete my data');
    await chat.press(/^yes$/i);
    expectText(chat, /erased|deleted/i);
    expect((await world.api.profile(chat.shopperId)).status).toBe(404);
  });

  it('ru: after "удали мои данные" the stated diet is forgotten too', async () => {
    const viaChat = await world.shopper({ locale: 'ru', name: 'f12-chat' });
    await viaChat.send('я веган');
    await viaChat.send('удали мои данные');
    await viaChat.send('да');
    await viaChat.send('найди молоко');
    expect(viaChat.cards().some((c) => !itemOf(c.itemId).tags.includes('vegan')), viaChat.transcript()).toBe(true);
  });
  it('DELETE /api/v1/users/{id} also empties the cart of an open conversation', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'erase-cart' });
    await chat.send('найди бананы');
    await chat.send('возьми первое');
    await chat.send('что в корзине?');
    expect(chat.cards().map((c) => c.itemId)).toEqual(['s-bananas']);
    expect((await world.api.deleteUser(chat.shopperId)).status).toBe(200);
    await chat.send('что в корзине?');
    expect(chat.cards()).toEqual([]);
  });
});

describe('language, greetings, help and fallback', () => {


  it('ru: hello, help, nonsense, bye', async () => {
    const chat = await world.shopper();
    await chat.send('привет');
    expect(ownWords(chat)).toMatch(CYRILLIC);
    expect(chat.quickReplies().length).toBeGreaterThan(0);
    await chat.send('что ты умеешь?');
    expectText(chat, /корзин/i);
    await chat.send('абырвалг');
    expect(chat.last()[0]!.type).toBe('text');
    expect(chat.quickReplies().length, 'a fallback offers what to do next').toBeGreaterThan(0);
    await chat.send('помощь');
    expect(chat.quickReplies().length).toBeGreaterThan(0);
    await chat.send('пока');
    expect(ownWords(chat)).toMatch(CYRILLIC);
  });

  it('en: hello, help, nonsense, bye', async () => {
    const chat = await world.shopper();
    await chat.send('hello');
    expect(ownWords(chat)).not.toMatch(CYRILLIC);
    expect(chat.quickReplies().length).toBeGreaterThan(0);
    await chat.send('help');
    expectText(chat, /cart/i);
    await chat.send('asdkjh qwe zzz');
    expect(ownWords(chat)).not.toMatch(CYRILLIC);
    expect(chat.quickReplies().length).toBeGreaterThan(0);
    await chat.send('bye');
    expect(ownWords(chat)).not.toMatch(CYRILLIC);
  });

  it('English answers are English through and through, card reasons included', async () => {
    const chat = await world.shopper({ locale: 'en' });
    for (const text of ['recommend something at Megamarket', 'what should I get for dinner at Samokat?', 'what should I get for dinner at Kuper?', 'something for a snack', 'find milk']) {
      await chat.send(text);
      expect(ownWords(chat).replace(/[«“].*?[»”]/g, ''), text).not.toMatch(CYRILLIC);
      const russian = chat.cards().filter((c) => CYRILLIC.test(`${c.title} ${c.reason ?? ''}`));
      expect(russian, chat.transcript()).toEqual([]);
    }
  });

  it('"switch to English" keeps English even for Russian messages; "говори по-русски" switches back', async () => {
    const chat = await world.shopper();
    await chat.send('привет');
    expect(ownWords(chat)).toMatch(CYRILLIC);
    await chat.send('switch to English');
    expect(ownWords(chat)).not.toMatch(CYRILLIC);
    await chat.send('найди безлактозное молоко');
    expect(ownWords(chat).replace(/[«“].*?[»”]/g, '')).not.toMatch(CYRILLIC);
    expect(cardsOf(chat).every((c) => !CYRILLIC.test(c.title))).toBe(true);
    await chat.send('говори по-русски');
    expect(ownWords(chat)).toMatch(CYRILLIC);
    await chat.send('find milk');
    expect(cardsOf(chat).some((c) => CYRILLIC.test(c.title))).toBe(true);
  });

  it('the message locale field decides the reply language', async () => {
    const token = await world.api.token('acc-locale');
    const en = await world.api.message(token, { text: 'привет', locale: 'en' });
    expect(en.status).toBe(200);
    expect(JSON.stringify(en.body.replies)).not.toMatch(CYRILLIC);
    const ru = await world.api.message(token, { text: 'hello', locale: 'ru' });
    expect(JSON.stringify(ru.body.replies)).toMatch(CYRILLIC);
  });

  it('a quick reply of the greeting works as a button press', async () => {
    const chat = await world.shopper({ locale: 'ru' });
    await chat.send('привет');
    await chat.press('Что на ужин?');
    cardsOf(chat);
  });
});
