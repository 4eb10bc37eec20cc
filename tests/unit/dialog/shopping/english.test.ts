import { beforeAll, describe, expect, it } from 'vitest';
import type { ProductCard } from '../../../../core/reply.ts';
import { catalogItem, expectCheaper, shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

const total = (cards: readonly ProductCard[]) => cards.reduce((s, c) => s + c.price, 0);

describe('the shopping assistant in English', () => {
  it('recommends with constraints, then resolves cheaper, another service and references', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('what should I get for dinner for two under 800 rub at Samokat?');
    const first = c.expectCards({ min: 2, every: (card) => card.service === 'samokat' && Boolean(card.reason) });
    expect(total(first.cards)).toBeLessThanOrEqual(800);
    expect(first.text).toMatch(/at Samokat, for dinner, for 2, under 800/);
    expect(first.cards[0]!.title).toMatch(/[A-Za-z]/);
    await c.send('cheaper please');
    expectCheaper(c, first.cards, (item) => item.service === 'samokat' && /Готовая еда|Мясо|Рыба|Овощи|Макароны|Сыр|Хлеб|Крупы/.test(item.category));
    await c.send('what about Kuper?');
    const kuper = c.expectCards({ min: 1, every: (card) => card.service === 'kuper' });
    await c.send('take the first one');
    c.expectReply(new RegExp(`Added “${kuper.cards[0]!.title}” × 1`));
    await c.send('two more of these');
    c.expectReply(/× 2 to the cart \(3 of it now\)/);
    await c.send('no, not two but three');
    c.expectReply(/Fixed: .* × 4/);
    await c.send("what's in my cart?");
    c.expectCards({ count: 1 });
    await c.send('check out');
    c.expectReply(/never take it[\s\S]*https:\/\/kuper\.ru\/cart\?add=/);
  });

  it('searches, explains, takes feedback and preferences', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('find lactose-free milk');
    c.expectCards({ min: 2, every: (card) => catalogItem(card.itemId).tags!.includes('lactose_free') });
    await c.send('why the second one?');
    c.expectReply({ type: 'cards', text: /matches “milk”/ });
    await c.send("I'm vegan");
    c.expectReply(/Noted: vegan/);
    c.expectCards({ min: 1, every: (card) => card.itemId === 's-oat' });
    await c.send("I don't like cilantro");
    await c.send('suggest something for dinner at Samokat');
    c.expectCards({ min: 1, every: (card) => catalogItem(card.itemId).tags!.includes('vegan') && card.itemId !== 's-salad' });
    await c.send('the first one is not for me');
    c.expectReply(/won't suggest/);
  });

  it('reorders, tells what it knows, and erases with confirmation', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular' });
    await c.send('repeat my usual order at Kuper');
    c.expectCards({ count: 2, every: (card) => card.service === 'kuper' });
    await c.press('Add all');
    c.expectReply(/Added all 2 items/);
    await c.send('same as last time');
    c.expectCards({ count: 1 });
    await c.send('what do you know about me?');
    c.expectReply(/Kuper: 3 orders/);
    await c.send('delete my data');
    c.expectReply({ key: 'assistant:confirm_erase', locale: 'en', quickReplies: ['Yes', 'No'] });
    await c.press('Yes');
    c.expectReply({ key: 'assistant:erased', locale: 'en' });
    expect(await world.profiles.getProfile('u-regular')).toBeUndefined();
  });

  it('handles interruptions, cancellation, help, language and fallback', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('hi');
    c.expectReply({ key: 'assistant:greet_new', locale: 'en' });
    await c.send('find');
    c.expectReply({ key: 'assistant:ask.search', locale: 'en' });
    await c.send("by the way, what's in my cart?");
    c.expectReply({ key: 'assistant:cart_empty', locale: 'en' });
    c.expectReply({ key: 'assistant:ask.search', locale: 'en' });
    await c.send('never mind');
    c.expectReply({ key: 'dialog:cancelled', locale: 'en' });
    await c.send('what can you do?');
    c.expectReply(/I can:/);
    await c.send('qwertyuiop');
    c.expectReply({ key: 'assistant:fallback', locale: 'en' });
    await c.send('switch to Russian');
    c.expectReply({ key: 'assistant:language_switched', locale: 'ru' });
    await c.send('bye');
    c.expectReply({ key: 'assistant:bye', locale: 'ru' });
  });
});
