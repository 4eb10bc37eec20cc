import { afterAll, beforeAll, describe, it } from 'vitest';
import { regularShopper } from './support/shoppers.ts';
import { expectText, startWorld, type World } from './support/world.ts';

/** Product failures the acceptance runs found, each kept here once fixed. */
let world: World;

beforeAll(async () => {
  world = await startWorld();
});

afterAll(async () => {
  await world?.stop();
});

describe('regressions', () => {
  it('F3: "что ты обо мне знаешь?" counts orders, not order lines (6 Kuper orders, 2 Samokat orders)', async () => {
    const chat = await world.shopper({ locale: 'ru', history: regularShopper, name: 'f3' });
    await chat.send('что ты обо мне знаешь?');
    expectText(chat, /Купер: заказов — 6/);
    expectText(chat, /Самокат: заказов — 2/);
  });
});
