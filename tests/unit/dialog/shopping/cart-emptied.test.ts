import { beforeAll, describe, expect, it } from 'vitest';
import type { SerializableReply } from '../../../../core/reply.ts';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

const payloads = (replies: SerializableReply[]) => replies.flatMap((r) => ('quickReplies' in r ? r.quickReplies ?? [] : [])).map((q) => q.payload);

/** Removing the last line leaves nothing to check out: the reply says the cart is empty and offers what fills it. */
describe('removing the last item from the cart', () => {
  it('says the cart is empty and offers suggestions or the usual order, not checkout (ru)', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular', locale: 'ru' });
    await c.send('найди молоко');
    await c.send('добавь первый');
    const replies = await c.send('убери молоко из корзины');
    const text = replies.map((r) => ('text' in r ? r.text : '')).join('\n');
    expect(text).toMatch(/^Убрал «[^»]+» из корзины — теперь она пуста\./u);
    expect(text).not.toMatch(/Осталось товаров: 0|0 ₽/u);
    expect(payloads(replies)).not.toContain('intent:checkout');
    expect(payloads(replies)).toEqual(['intent:recommend', 'intent:reorder']);
  });

  it('says the cart is empty and offers suggestions or the usual order, not checkout (en)', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular', locale: 'en' });
    await c.send('find milk');
    await c.send('add the first one');
    const replies = await c.send('remove it from the cart');
    const text = replies.map((r) => ('text' in r ? r.text : '')).join('\n');
    expect(text).toMatch(/^Removed “[^”]+” from the cart — it is empty now\./u);
    expect(text).not.toMatch(/Items left: 0/u);
    expect(payloads(replies)).not.toContain('intent:checkout');
  });

  it('with items still in the cart, says what is left and keeps checkout', async () => {
    const world = await shoppingWorld();
    const c = world.chat({ shopperId: 'u-regular', locale: 'en' });
    await c.send('find milk');
    await c.send('add the first one');
    await c.send('add the second one');
    const replies = await c.send('remove the first one from the cart');
    expect(replies.map((r) => ('text' in r ? r.text : '')).join('\n')).toMatch(/Items left: 1/u);
    expect(payloads(replies)).toContain('intent:checkout');
  });
});
