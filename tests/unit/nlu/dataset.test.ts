import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDataset, parseDatasetLine } from '../../../core/nlu/dataset.ts';
import { ValidationError } from '../../../core/errors.ts';
import { expandAlternatives, parseMarkup } from '../../../core/nlu/markup.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/nlu/${name}`, import.meta.url), 'utf8');
const spanText = (text: string, s: { start: number; end: number }): string => text.slice(s.start, s.end);

describe('NLU data set loader', () => {
  it('reads text + span lists with offsets, values only, and other key names', () => {
    const [a, b, c] = parseDataset(fixture('spans.jsonl'));
    expect(a?.intent).toBe('add_to_cart');
    expect(a?.slots.map((s) => [s.type, spanText(a.text, s)])).toEqual([['quantity', '2'], ['product', 'овсяного молока']]);
    expect(b?.slots.map((s) => [s.type, spanText(b.text, s)])).toEqual([['product', 'oat milk'], ['budget', 'under 300 rubles']]);
    expect(c).toEqual({ text: 'привет', intent: 'greet', slots: [] });
  });

  it('reads tokens + BIO tags into space-joined text and character spans', () => {
    const [a, b, c] = parseDataset(fixture('bio.jsonl'));
    expect(a?.text).toBe('add sabrina salerno to my playlist');
    expect(a?.slots.map((s) => [s.type, spanText(a.text, s)])).toEqual([['artist', 'sabrina salerno']]);
    expect(b?.intent).toBe('atis_flight');
    expect(b?.slots.map((s) => [s.type, spanText(b.text, s)])).toEqual([['fromloc', 'boston'], ['toloc', 'new york']]);
    expect(c?.slots).toEqual([]);
  });

  it('reads MASSIVE annotated utterances with locales', () => {
    const [en, ru] = parseDataset(fixture('massive.jsonl'));
    expect(en?.text).toBe('wake me up at five am this week');
    expect(en?.slots.map((s) => [s.type, spanText(en.text, s)])).toEqual([['time', 'five am'], ['date', 'this week']]);
    expect(ru?.locale).toBe('ru-RU');
    expect(ru?.slots.map((s) => spanText(ru.text, s))).toEqual(['пять утра']);
  });

  it('reads Rasa-like rows with a label or an intent object', () => {
    const [a, b] = parseDataset(fixture('rasa.jsonl'));
    expect(a).toEqual({ text: "what's the weather like", intent: 'weather', slots: [] });
    expect(b?.intent).toBe('play_music');
    expect(b?.slots.map((s) => [s.type, spanText(b.text, s)])).toEqual([['genre', 'jazz']]);
  });

  it('fails with a message naming the line it cannot read', () => {
    expect(() => parseDataset(fixture('bad.jsonl'))).toThrow(/line 2: no intent/);
    expect(() => parseDatasetLine('{oops', 7)).toThrow(ValidationError);
    expect(() => parseDatasetLine('{oops', 7)).toThrow(/line 7: not valid JSON/);
    expect(() => parseDatasetLine('{"text":"a b","intent":"x","slots":[{"type":"t","value":"zzz"}]}')).toThrow(/not found/);
    expect(() => parseDatasetLine('{"tokens":["a","b"],"tags":["O"],"intent":"x"}')).toThrow(/2 tokens but 1 tags/);
  });
});

describe('training phrase markup', () => {
  it('parses inline slots with optional values', () => {
    const { text, slots } = parseMarkup('закажи [2](quantity) пачки [овсяного молока](product) [в купере](service:kuper)');
    expect(text).toBe('закажи 2 пачки овсяного молока в купере');
    expect(slots.map((s) => [s.type, text.slice(s.start, s.end), s.value])).toEqual([
      ['quantity', '2', undefined], ['product', 'овсяного молока', undefined], ['service', 'в купере', 'kuper']]);
  });

  it('expands alternatives and optional parts, evenly when capped', () => {
    expect(expandAlternatives('{купи|закажи} молоко{| пожалуйста}')).toEqual(
      ['купи молоко', 'купи молоко пожалуйста', 'закажи молоко', 'закажи молоко пожалуйста']);
    const capped = expandAlternatives('{a|b|c|d} {e|f|g|h}', 4);
    expect(capped).toHaveLength(4);
    expect(new Set(capped.map((p) => p[0])).size).toBe(4);
  });
});
