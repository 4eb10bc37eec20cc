import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { shoppingRecognizer } from './shopping-recognizer.ts';

describe('recognize never throws', () => {
  const recognizer = shoppingRecognizer();
  const words = fc.constantFrom('купи', 'молоко', 'до', '500', 'рублей', 'второе', 'завтра', 'к', 'семи', 'add', 'two', 'the',
    'first', 'one', '$', '₽', 'полтора', 'литра', 'через', 'в', 'пятницу', 'at', '7', 'pm', '-', 'й', 'от', '1 000', ',', 'constructor');

  it('on arbitrary strings', async () => {
    await fc.assert(fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 300 }), async (text) => {
      const r = await recognizer.recognize(text);
      expect(typeof r.intent.name).toBe('string');
      for (const e of r.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    }), { numRuns: 300 });
  });

  it('on shopping-like word salad', async () => {
    await fc.assert(fc.asyncProperty(fc.array(words, { maxLength: 20 }), async (parts) => {
      const text = parts.join(' ');
      const r = await recognizer.recognize(text);
      expect(r.intent.confidence).toBeGreaterThanOrEqual(0);
      expect(r.intent.confidence).toBeLessThanOrEqual(1);
      for (const e of r.entities) expect(text.slice(e.start, e.end)).toBe(e.text);
    }), { numRuns: 300 });
  });
});
