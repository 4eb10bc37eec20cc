import { describe, expect, it } from 'vitest';
import type { IntentOracle, OracleRequest } from '../../../core/nlu/intent-oracle.ts';
import { NluModel } from '../../../core/nlu/nlu-model.ts';
import { createRecognizer } from '../../../core/nlu/create-recognizer.ts';
import { shoppingModel, shoppingRecognizer } from './shopping-recognizer.ts';

const now = (): Date => new Date('2024-05-01T12:00:00Z');

class FakeOracle implements IntentOracle {
  readonly requests: OracleRequest[] = [];
  constructor(private readonly answer: { intent: string; confidence: number } | Error | 'hang') {}
  async classify(request: OracleRequest): Promise<{ intent: string; confidence: number } | undefined> {
    this.requests.push(request);
    if (this.answer === 'hang') return new Promise(() => {});
    if (this.answer instanceof Error) throw this.answer;
    return this.answer;
  }
}

describe('createRecognizer on the shopping intents', () => {
  const recognizer = shoppingRecognizer({ now });

  it('recognizes intent, language and typed entities with values', async () => {
    const r = await recognizer.recognize('посоветуй что-нибудь к чаю до 300 рублей в самокате');
    expect(r.language).toBe('ru');
    expect(r.intent.name).toBe('recommend');
    expect(r.intents[0]).toEqual(r.intent);
    const budget = r.entities.find((e) => e.type === 'budget');
    expect(budget?.text).toBe('до 300 рублей');
    expect(budget?.value).toEqual({ amount: 300, currency: 'RUB', bound: 'max' });
    expect(r.entities.find((e) => e.type === 'service')?.value).toBe('samokat');
  });

  it('reads references and quantities for the cart', async () => {
    const r = await recognizer.recognize('возьми второе');
    expect(r.intent.name).toBe('add_to_cart');
    expect(r.entities.find((e) => e.type === 'ordinal')?.value).toBe(2);
    const en = await recognizer.recognize('add 2 packs of oat milk');
    expect(en.language).toBe('en');
    expect(en.intent.name).toBe('add_to_cart');
    expect(en.entities.map((e) => e.type)).toContain('quantity');
  });

  it('resolves delivery times against the reference clock', async () => {
    const r = await recognizer.recognize('оформи доставку завтра к семи вечера');
    expect(r.intent.name).toBe('checkout');
    const date = r.entities.find((e) => e.text.includes('завтра'));
    expect((date?.value as { iso: string }).iso).toBe('2024-05-02T19:00:00+03:00');
  });

  it('answers none with low confidence for bad input and never throws', async () => {
    const inputs = ['', '   ', '👍🏽🔥🎉', 'x'.repeat(10_000), 'фывапр олдж', '\u0000\u0007\u001b', 'asdkjhqwe zxcmnb',
      'кот 🐈 cat ネコ', 'toString constructor __proto__'];
    for (const text of inputs) {
      const r = await recognizer.recognize(text);
      expect(r.intent.name, text.slice(0, 20)).toBe('none');
      expect(r.intent.confidence).toBeLessThan(0.5);
    }
    const longText = 'посоветуй молоко '.repeat(700);
    await expect(recognizer.recognize(longText)).resolves.toMatchObject({ text: longText });
  });

  it('favours expected intents only on near-ties', async () => {
    const plain = await recognizer.recognize('да');
    const hinted = await recognizer.recognize('да', { expectedIntents: ['confirm_yes', 'confirm_no'] });
    expect(plain.intent.name).toBe('confirm_yes');
    expect(hinted.intent.name).toBe('confirm_yes');
    const strong = await recognizer.recognize('покажи корзину', { expectedIntents: ['confirm_no'] });
    expect(strong.intent.name).toBe('view_cart');
  });
});

describe('IntentOracle second opinion', () => {
  it('is never called when confidence is high', async () => {
    const oracle = new FakeOracle({ intent: 'help', confidence: 0.9 });
    const r = await shoppingRecognizer({ oracle, oracleThreshold: 0.5 }).recognize('покажи корзину');
    expect(r.intent.name).toBe('view_cart');
    expect(oracle.requests).toHaveLength(0);
  });

  it('decides low-confidence messages and may only answer known intents', async () => {
    const oracle = new FakeOracle({ intent: 'help', confidence: 0.8 });
    const r = await shoppingRecognizer({ oracle, oracleThreshold: 1.01 }).recognize('ну и что дальше делать');
    expect(oracle.requests).toHaveLength(1);
    expect(oracle.requests[0]?.intents).toContain('recommend');
    expect(r.intent).toEqual({ name: 'help', confidence: 0.8 });
    const bogus = new FakeOracle({ intent: 'launch_rocket', confidence: 1 });
    const kept = await shoppingRecognizer({ oracle: bogus, oracleThreshold: 1.01 }).recognize('ну и что дальше делать');
    expect(kept.intent.name).not.toBe('launch_rocket');
  });

  it('falls back to its own answer when the oracle fails or hangs', async () => {
    const base = await shoppingRecognizer().recognize('ну и что дальше делать');
    for (const answer of [new Error('llm down'), 'hang' as const]) {
      const oracle = new FakeOracle(answer);
      const r = await shoppingRecognizer({ oracle, oracleThreshold: 1.01, oracleTimeoutMs: 50 }).recognize('ну и что дальше делать');
      expect(r.intent).toEqual(base.intent);
    }
  });
});

describe('NluModel', () => {
  it('survives serialization: the loaded model answers like the trained one', () => {
    const model = shoppingModel();
    const bytes = model.serialize();
    expect(bytes.length).toBeLessThan(20_000_000);
    const loaded = NluModel.deserialize(bytes);
    const a = createRecognizer({ model, now });
    const b = createRecognizer({ model: loaded, now });
    for (const text of ['закажи 2 пачки овсяного молока', 'what do you know about me', 'а в купере?', 'удали мои данные']) {
      const ra = a.recognizeSync(text);
      const rb = b.recognizeSync(text);
      expect(rb.intent.name).toBe(ra.intent.name);
      expect(Math.abs(rb.intent.confidence - ra.intent.confidence)).toBeLessThan(0.01);
      expect(rb.entities.map((e) => [e.type, e.start, e.end])).toEqual(ra.entities.map((e) => [e.type, e.start, e.end]));
    }
  });

  it('is deterministic for a seed', () => {
    const data = [
      { text: 'купи молоко', intent: 'buy', slots: [{ type: 'product', start: 5, end: 11 }] },
      { text: 'закажи хлеб', intent: 'buy', slots: [{ type: 'product', start: 7, end: 11 }] },
      { text: 'привет', intent: 'greet', slots: [] }, { text: 'здравствуй', intent: 'greet', slots: [] },
    ];
    const a = NluModel.train(data, { seed: 3 }).serialize();
    const b = NluModel.train(data, { seed: 3 }).serialize();
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
