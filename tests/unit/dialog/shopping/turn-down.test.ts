import { beforeAll, describe, expect, it } from 'vitest';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

describe('"not this one" turns a card down, it never adds it', () => {
  for (const [locale, ask, notThis, notSecond] of [
    ['en', 'suggest something for dinner at Samokat', 'not this one', 'not the second one'],
    ['ru', 'что взять на ужин в Самокате?', 'не это', 'не второй'],
  ] as const) {
    it(`${locale}: "${notThis}" and "${notSecond}"`, async () => {
      const world = await shoppingWorld();
      const c = world.chat({ locale, shopperId: 'u-regular' });
      await c.send(ask);
      const first = c.expectCards({ min: 2 });
      await c.send(notThis);
      c.expectReply({ key: 'assistant:noted_item', locale, vars: { title: first.cards[0]!.title } });
      expect(c.replies.some((r) => r.type === 'text' && /add|добав/i.test(r.text)), c.lastText).toBe(false);
      const replacement = c.expectCards({ min: 2 });
      await c.send(notSecond);
      c.expectReply({ key: 'assistant:noted_item', locale, vars: { title: replacement.cards[1]!.title } });
    });
  }
});
