import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inappMessageSchema, parseInappMessage } from '../../../adapters/channels/inapp/inapp-message.ts';

/** What the schema alone says about a body: the parsed value, or that it is rejected. */
function bySchema(body: unknown): { ok: true; value: unknown } | { ok: false } {
  const result = inappMessageSchema.safeParse(body);
  return result.success ? { ok: true, value: result.data } : { ok: false };
}

function byParser(body: unknown): { ok: true; value: unknown } | { ok: false } {
  try {
    return { ok: true, value: parseInappMessage(body) };
  } catch (error) {
    expect(error).toMatchObject({ code: 'validation_failed' });
    return { ok: false };
  }
}

const text = fc.oneof(fc.string(), fc.constantFrom('', ' ', '  \n', 'привет', 'x'.repeat(4096), 'x'.repeat(4097)), fc.integer(), fc.constant(null));
const locale = fc.oneof(fc.constantFrom('ru', 'en', 'de', ''), fc.integer());
const conversationId = fc.oneof(fc.string(), fc.constantFrom('conv-1', 'a.b:c_d-e', 'a b', '', 'x'.repeat(200), 'x'.repeat(201)), fc.integer());
const body = fc.oneof(
  fc.record({ text, locale, conversationId }, { requiredKeys: [] }),
  fc.record({ text, action: fc.record({ payload: fc.string() }), extra: fc.string() }, { requiredKeys: [] }),
  fc.anything(),
);

describe('parseInappMessage', () => {
  it('accepts and yields exactly what the schema does, for any body', () => {
    fc.assert(
      fc.property(body, (candidate) => {
        expect(byParser(candidate)).toEqual(bySchema(candidate));
      }),
      { numRuns: 3_000 },
    );
  });

  it('names the offending field when it rejects', () => {
    expect(() => parseInappMessage({ text: 'hi', conversationId: 'a b' })).toThrow(/conversationId/);
    expect(() => parseInappMessage({ text: 'hi', mood: 'ok' })).toThrow(/unknown field 'mood'/);
    expect(() => parseInappMessage({ text: '   ' })).toThrow(/non-blank text or an action/);
  });
});
