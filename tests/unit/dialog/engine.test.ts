import { describe, expect, it } from 'vitest';
import { createBot } from '../../../core/bot.ts';
import { createActionDialog } from '../../../core/dialog/action-dialog.ts';
import { createDialogEngine } from '../../../core/dialog/engine.ts';
import { createFormDialog } from '../../../core/dialog/form-dialog.ts';
import { choiceSlot, integerSlot } from '../../../core/dialog/slots.ts';
import type { IntentScore, Recognition, Recognizer } from '../../../core/nlu/recognizer.ts';
import { MemorySessionStore } from '../../../core/stores/memory-session-store.ts';
import { loadLocalesTranslator } from '../../support/transcript-translator.ts';
import { transcript } from '../../support/transcript.ts';

/** A keyword recognizer fake: the first listed pattern that matches wins; `scores` forces a ranking. */
function keywordRecognizer(patterns: Array<[string, RegExp]>, scores: Record<string, IntentScore[]> = {}): Recognizer {
  return {
    async recognize(text): Promise<Recognition> {
      const forced = scores[text];
      if (forced) return { text, language: 'en', intent: forced[0]!, intents: forced, entities: [] };
      const hit = patterns.find(([, re]) => re.test(text));
      const intent = { name: hit?.[0] ?? 'none', confidence: hit ? 0.9 : 0.2 };
      return { text, language: 'en', intent, intents: [intent], entities: [] };
    },
  };
}

const resources = {
  ru: { test: { ask_qty: 'Сколько штук?', ask_qty_again: 'Напишите число штук, например «2».', ask_size: 'Какой размер?',
    confirm: 'Заказать {{qty}} шт., размер {{size}}?', done: 'Заказано: {{qty}} шт., {{size}}.', declined: 'Не заказываю.',
    cart: 'В корзине пусто.', hi: 'Привет!', labels: { order: 'заказ', cart: 'корзина' } } },
  en: { test: { ask_qty: 'How many?', ask_qty_again: 'Please write a number, e.g. “2”.', ask_size: 'Which size?',
    confirm: 'Order {{qty}}, size {{size}}?', done: 'Ordered {{qty}}, {{size}}.', declined: 'Not ordering.',
    cart: 'Your cart is empty.', hi: 'Hi!', labels: { order: 'order', cart: 'cart' } } },
};

function setup(scores: Record<string, IntentScore[]> = {}, now: () => number = Date.now) {
  const translator = loadLocalesTranslator(resources);
  const order = createFormDialog({
    id: 'order',
    intents: ['order'],
    slots: [
      { name: 'qty', type: integerSlot({ max: 20 }), required: true, prompt: 'test:ask_qty', reprompts: ['test:ask_qty_again', 'test:ask_qty_again'] },
      { name: 'size', type: choiceSlot('size', { small: [/small|маленьк/i], large: [/large|big|больш/i] }), required: true, prompt: 'test:ask_size' },
    ],
    confirm: { prompt: (_t, v) => ({ key: 'test:confirm', vars: v }), declined: 'test:declined' },
    complete: async (turn, v) => turn.say('test:done', v),
  });
  const cart = createActionDialog({ id: 'cart', intents: ['cart'], run: async (turn) => turn.say('test:cart') });
  const hi = createActionDialog({ id: 'hi', intents: ['hi'], run: async (turn) => turn.say('test:hi') });
  const recognizer = keywordRecognizer([
    ['cancel', /cancel|never mind|отмена/i], ['cart', /cart|корзин/i], ['order', /order|закаж/i], ['hi', /^(hi|привет)/i],
  ], scores);
  const sessions = new MemorySessionStore({ now });
  const engine = createDialogEngine({
    recognizer, sessions, translator, dialogs: [order, cart, hi],
    intentLabel: (intent, t) => t(`test:labels.${intent}`),
  });
  const bot = createBot({ translator, handler: engine.handler });
  return { bot, engine, sessions, t: (l: 'ru' | 'en') => translator.forLocale(l) };
}

describe('dialog engine', () => {
  it('takes several slots from one message and asks only for what is missing', async () => {
    const { bot, t } = setup();
    const c = transcript(bot, { t });
    await c.send('order two please');
    c.expectReply({ key: 'test:ask_size', locale: 'en' });
    await c.send('large');
    c.expectReply({ text: { key: 'test:confirm', vars: { qty: 2, size: 'large' }, locale: 'en' }, quickReplies: ['Yes', 'No'] });
    await c.press('Yes');
    c.expectReply('Ordered 2, large');
  });

  it('accepts a correction of a slot already given', async () => {
    const { bot } = setup();
    const c = transcript(bot);
    await c.send('закажи две маленьких');
    c.expectReply('Заказать 2 шт., размер small?');
    await c.send('нет, не две, а три');
    c.expectReply('Заказать 3 шт., размер small?');
    await c.send('да');
    c.expectReply('Заказано: 3 шт., small.');
  });

  it('refuses to fill a slot from an unrelated answer and escalates its reprompts', async () => {
    const { bot } = setup();
    const c = transcript(bot);
    await c.send('order something');
    c.expectReply('How many?');
    await c.send('the weather is nice');
    c.expectReply('Please write a number');
    await c.send('blue');
    c.expectReply('Please write a number');
    await c.send('green');
    c.expectReply(/start over/);
    await c.send('hi');
    c.expectReply('Hi!');
  });

  it('lets the shopper interrupt with another intent and resumes the form', async () => {
    const { bot } = setup();
    const c = transcript(bot);
    await c.send('закажи большую');
    c.expectReply('Сколько штук?');
    await c.send('кстати, что в корзине?');
    c.expectReply('В корзине пусто.');
    c.expectReply('Сколько штук?');
    await c.send('4');
    c.expectReply('Заказать 4 шт., размер large?');
  });

  it('cancels cleanly and says so', async () => {
    const { bot } = setup();
    const c = transcript(bot);
    await c.send('order 2');
    await c.send('never mind');
    c.expectReply('OK, cancelled.');
    await c.send('large');
    c.expectReply(/didn't get that/);
  });

  it('declining a confirmation cancels the action', async () => {
    const { bot } = setup();
    const c = transcript(bot);
    await c.send('order 2 small');
    await c.press('No');
    c.expectReply('Not ordering.');
  });

  it('asks a clarifying question when two intents are close, then acts on the choice', async () => {
    const { bot } = setup({ 'two small, cart': [{ name: 'order', confidence: 0.5 }, { name: 'cart', confidence: 0.46 }] });
    const c = transcript(bot);
    await c.send('two small, cart');
    c.expectReply({ text: /order or cart/, quickReplies: ['order', 'cart'] });
    await c.press('order');
    c.expectReply('Order 2, size small?');
  });

  it('handles a coalesced burst line by line in one turn', async () => {
    const { bot } = setup();
    const c = transcript(bot);
    await c.send('order 2\nlarge');
    c.expectReply('Order 2, size large?');
  });

  it('keeps a bounded history of at least 50 turns in the session, with a time to live', async () => {
    let now = 1_000_000;
    const { bot, engine } = setup({}, () => now);
    const c = transcript(bot, { conversationId: 'long', channelUserId: 'u-long' });
    for (let i = 0; i < 80; i += 1) await c.send(`hi ${i}`);
    const key = 'test:u-long/test/long/dialog';
    const state = await engine.state(key);
    expect(state?.turns).toBe(80);
    const users = state!.history.filter((h) => h.role === 'user');
    expect(users.length).toBeGreaterThanOrEqual(50);
    expect(users.at(-1)?.text).toBe('hi 79');
    expect(state!.history.length).toBeLessThanOrEqual(120);
    now += 2 * 86_400_000;
    expect(await engine.state(key)).toBeUndefined();
  });
});
