import { beforeAll, describe, it } from 'vitest';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

/** "сорри", "извини", "прости": a friendly acknowledgement, never "I did not understand" or a product search. */
beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('an apology', () => {
  it.each([
    ['ru', 'сорри'], ['ru', 'извини'], ['ru', 'прости'], ['ru', 'Простите!'], ['ru', 'извини, я ошибся'], ['ru', 'ой, сори, не то написал'],
    ['ru', 'пардон'], ['en', 'sorry'], ['en', 'my bad'], ['en', 'oops, wrong button'],
  ] as const)('%s "%s" is acknowledged kindly, with the starting buttons', async (locale, text) => {
    const world = await shoppingWorld();
    const c = world.chat({ locale });
    await c.send(text);
    c.expectReply({ key: 'assistant:apology_ok', quickReplies: [{ key: 'assistant:buttons.reorder' }] });
    c.expectNoCards();
  });

  it('keeps the conversation: after "извини" "возьми второе" still means the second card shown', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('найди молоко');
    const second = c.expectCards({ min: 2 }).cards[1]!;
    await c.send('извини');
    c.expectReply({ key: 'assistant:apology_ok' });
    await c.send('возьми второе');
    c.expectReply(new RegExp(`Добавил «${second.title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}»`));
  });

  it('an apology in front of a request answers the request', async () => {
    const world = await shoppingWorld();
    const c = world.chat();
    await c.send('извините, найдите гречку');
    c.expectCards({ min: 1, titles: ['Гречка'] });
  });
});
