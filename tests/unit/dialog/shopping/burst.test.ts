import { beforeAll, describe, expect, it } from 'vitest';
import type { MessageActivity } from '../../../../core/activity.ts';
import { createBot } from '../../../../core/bot.ts';
import { createPipeline } from '../../../../core/pipeline/create-pipeline.ts';
import { createMemoryPipelineStores } from '../../../../core/pipeline/pipeline-stores.ts';
import type { Recognizer } from '../../../../core/nlu/recognizer.ts';
import { replyText } from '../../../../core/dialog/history.ts';
import { loadLocalesTranslator } from '../../../support/transcript-translator.ts';
import { shoppingRecognizer, shoppingWorld } from './fixture.ts';

beforeAll(() => {
  shoppingRecognizer();
}, 60_000);

/** The real recognizer, made slow, so that messages pile up while a turn runs. */
function slowRecognizer(ms: number): Recognizer {
  const real = shoppingRecognizer();
  return {
    async recognize(text, options) {
      await new Promise((resolve) => setTimeout(resolve, ms));
      return real.recognize(text, options);
    },
  };
}

const message = (id: string, text: string): MessageActivity => ({
  type: 'message', id, channel: 'inapp', conversationId: 'burst', text, timestamp: new Date(),
  user: { channelUserId: 'u-burst', shopperId: 'u-burst' },
});

describe('bursts through the runtime pipeline', () => {
  it('answers every message of a burst exactly once, in order, never dropping one', async () => {
    const world = await shoppingWorld({ recognizer: slowRecognizer(30) });
    const translator = loadLocalesTranslator();
    const bot = createBot({
      translator,
      handler: world.engine.handler,
      middleware: createPipeline({ stores: createMemoryPipelineStores(), translator }),
    });
    const texts = ['найди гречку', 'возьми первое', 'ещё две такие', 'что в корзине?'];
    const results = await Promise.all(texts.map((text, i) => bot.handle(message(`m${i}`, text))));
    const all = results.flat().map(replyText);
    expect(results[0]!.length).toBeGreaterThan(0);
    expect(results.filter((r) => r.length > 0).length).toBeLessThan(texts.length);
    expect(all.filter((t) => /Вот что нашёл по запросу «гречку»/.test(t))).toHaveLength(1);
    expect(all.filter((t) => /Добавил «Гречка Увелка» × 1/.test(t))).toHaveLength(1);
    expect(all.filter((t) => /Добавил «Гречка Увелка» × 2/.test(t))).toHaveLength(1);
    expect(all.filter((t) => /В корзине товаров: 3/.test(t))).toHaveLength(1);
    const order = ['гречку', '× 1', '× 2', 'В корзине'].map((needle) => all.findIndex((t) => t.includes(needle)));
    expect([...order].sort((a, b) => a - b)).toEqual(order);
  });

  it('does not answer a redelivered message twice', async () => {
    const world = await shoppingWorld();
    const translator = loadLocalesTranslator();
    const bot = createBot({
      translator, handler: world.engine.handler,
      middleware: createPipeline({ stores: createMemoryPipelineStores(), translator }),
    });
    const first = await bot.handle(message('same', 'найди гречку'));
    const again = await bot.handle(message('same', 'найди гречку'));
    expect(first.length).toBe(1);
    expect(again).toEqual([]);
  });
});
