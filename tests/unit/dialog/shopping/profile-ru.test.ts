import { beforeAll, describe, expect, it } from 'vitest';
import { catalogItem, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('profile, feedback and privacy (ru)', () => {
  it('explains why an item was suggested with the grounded reason', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('что взять на ужин в Купере?');
    const shown = c.expectCards({ min: 1 });
    const bread = shown.cards.findIndex((card) => card.itemId === 'k-bread');
    expect(bread).toBeGreaterThanOrEqual(0);
    await c.send('почему это?');
    const why = c.expectCards({ count: 1 });
    expect(why.text).toMatch(/вы заказывали это в Купере \(2 раза\)/);
  });

  it('saves a stated diet in the profile and respects it from the next answer on', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('я веган');
    c.expectReply(/Запомнил: веганское/);
    const profile = await world.profiles.getProfile('u-regular');
    expect(profile?.preferences.map((p) => `${p.kind}:${p.value}`)).toContain('diet:vegan');
    await c.send('что взять на ужин?');
    c.expectCards({ min: 2, every: (card) => catalogItem(card.itemId).tags!.includes('vegan') });
    const other = world.chat({ shopperId: 'u-regular' });
    await other.send('найди молоко');
    other.expectCards({ min: 1, every: (card) => card.itemId === 's-oat' });
  });

  it('excludes nuts after "без орехов" and a disliked ingredient after "не люблю кинзу"', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-new' });
    await c.send('без орехов');
    await c.send('не люблю кинзу');
    c.expectReply(/не любите «кинзу»/);
    await c.send('что взять перекусить?');
    c.expectCards({ min: 1, every: (card) => !catalogItem(card.itemId).tags!.includes('contains_nuts') && !/кинз/i.test(card.title) });
    await c.send('что взять на ужин в Самокате?');
    c.expectCards({ min: 1, every: (card) => card.itemId !== 's-salad' && card.itemId !== 's-nuts' });
  });

  it('"это мне не подходит" drops the item and shows a replacement', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко в Самокате');
    const first = c.expectCards({ min: 2 }).cards[0]!;
    await c.send('первое мне не подходит');
    c.expectReply(new RegExp(`«${first.title}» больше предлагать не буду`));
    c.expectCards({ min: 1, every: (card) => card.itemId !== first.itemId });
  });

  it('tells what it knows, withdraws consent and erases the shopper with confirmation', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('что ты обо мне знаешь?');
    c.expectReply({ text: /Купер: заказов — 3/, quickReplies: ['Удалить мои данные'] });
    await c.send('не используй мою историю покупок');
    c.expectReply({ key: 'assistant:confirm_withdraw', quickReplies: ['Да', 'Нет'] });
    await c.send('да');
    c.expectReply({ key: 'assistant:withdrawn' });
    expect((await world.consent.current('u-regular')).personalization?.granted).toBe(false);
    await c.send('что взять на ужин в Купере?');
    c.expectCards({ min: 1, every: (card) => !/заказывали/.test(card.reason ?? '') });
    await c.send('удали мои данные');
    c.expectReply({ key: 'assistant:confirm_erase' });
    await c.send('нет');
    c.expectReply({ key: 'assistant:kept' });
    expect(await world.profiles.getProfile('u-regular')).toBeDefined();
    await c.send('удали мои данные');
    await c.press('Да');
    c.expectReply({ key: 'assistant:erased' });
    expect(await world.profiles.getProfile('u-regular')).toBeUndefined();
    expect(await world.events.listByUser('u-regular')).toEqual([]);
    await c.send('что ты обо мне знаешь?');
    c.expectReply({ key: 'assistant:know_nothing' });
  });

  it('greets, helps, switches language and says goodbye; falls back helpfully', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('привет');
    c.expectReply({ key: 'assistant:greet_new', quickReplies: ['Что на ужин?'] });
    await c.send('что ты умеешь?');
    c.expectReply(/Я умею/);
    await c.send('абырвалг');
    c.expectReply({ key: 'assistant:fallback' });
    await c.send('давай на английском');
    c.expectReply({ key: 'assistant:language_switched', locale: 'en' });
    await c.send('спасибо');
    c.expectReply({ key: 'assistant:thanks', locale: 'en' });
    await c.send('пока');
    c.expectReply({ key: 'assistant:bye', locale: 'en' });
  });
});
