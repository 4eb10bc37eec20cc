import { describe, expect, it } from 'vitest';
import { MessageReader } from '../../../core/nlu/message-reader.ts';
import { colloquial, CYRILLIC_ENGLISH, soundKey, SpellingCorrector, switchLayout, transliterate } from '../../../core/nlu/spelling.ts';
import { shoppingModel, shoppingRecognizer } from './shopping-recognizer.ts';

const vocabulary = new Map([['молоко', 3], ['хочу', 5], ['хлеб', 2], ['привет', 4], ['breakfast', 2], ['something', 3], ['пока', 6],
  ['help', 5], ['hello', 2], ['посоветуй', 4], ['kuper', 0]]);

describe('chat spellings', () => {
  it('maps colloquial Russian and English to the written form', () => {
    expect(['чё', 'че', 'щас', 'спс', 'pls', 'thx', 'smth', 'u'].map(colloquial))
      .toEqual(['что', 'что', 'сейчас', 'спасибо', 'please', 'thanks', 'something', 'you']);
    expect(colloquial('молоко')).toBe('молоко');
  });

  it('maps English chat words typed in Cyrillic to the Russian word they stand for', () => {
    expect(['хелп', 'хэлп', 'хеллоу', 'хелло', 'сенкс', 'сэнкс', 'сенкью', 'плиз', 'плз', 'окей', 'оке', 'гудбай', 'йес', 'ноу', 'сорри']
      .map(colloquial))
      .toEqual(['помощь', 'помощь', 'привет', 'привет', 'спасибо', 'спасибо', 'спасибо', 'пожалуйста', 'пожалуйста', 'ок', 'ок', 'пока',
        'да', 'нет', 'извини']);
  });

  it('keeps Cyrillic spellings that are also ordinary Russian words', () => {
    expect(['хай', 'фри', 'бай'].map(colloquial)).toEqual(['хай', 'фри', 'бай']);
    // Every key is a Cyrillic word and every value a single Russian word, so one token stays one token.
    for (const [key, value] of CYRILLIC_ENGLISH) {
      expect(key).toMatch(/^[а-яё]+$/u);
      expect(value).toMatch(/^[а-яё]+$/u);
    }
  });

  it('reads a chat spelling with a letter held down ("хеееелп", "плииз"), not a short key squeezed out of a word', () => {
    expect(['хеееелп', 'плииииз', 'хеллооооу', 'сенксс', 'plzzz'].map(colloquial))
      .toEqual(['помощь', 'пожалуйста', 'привет', 'спасибо', 'please']);
    expect(['uu', 'yy', 'tty', 'оччч'].map(colloquial)).toEqual(['uu', 'yy', 'tty', 'оччч']);
  });
});

describe('keyboard layout', () => {
  it('re-types single-script text in the other layout, one character for one', () => {
    expect(switchLayout('ghbdtn')).toBe('привет');
    expect(switchLayout('Ghbdtn rfr ltkf')).toBe('Привет как дела');
    expect(switchLayout(',fyfys')).toBe('бананы');
    expect(switchLayout('руддщ')).toBe('hello');
    expect(switchLayout('хочу iPhone')).toBeUndefined();
  });
});

describe('transliteration', () => {
  it('reads Latin-letter Russian', () => {
    expect(['hochu', 'moloko', 'shchi', 'podeshevle', "est'"].map(transliterate)).toEqual(['хочу', 'молоко', 'щи', 'подешевле', 'есть']);
    expect(transliterate('iPhone15')).toBeUndefined();
  });
});

describe('spelling corrector', () => {
  const corrector = new SpellingCorrector(vocabulary);

  it('folds what sounds alike into one key', () => {
    expect(soundKey('малако')).toBe(soundKey('молоко'));
    expect(soundKey('хлеп')).toBe(soundKey('хлеб'));
    expect(soundKey('brekfast')).toBe(soundKey('breakfast'));
    expect(soundKey('кока')).not.toBe(soundKey('пока'));
  });

  it('corrects by sound (Russian vowels and devoicing, English vowels) and by one edit', () => {
    expect(corrector.correct('малако')).toBe('молоко');
    expect(corrector.correct('хачу')).toBe('хочу');
    expect(corrector.correct('хлеп')).toBe('хлеб');
    expect(corrector.correct('пасаветуй')).toBe('посоветуй');
    expect(corrector.correct('brekfast')).toBe('breakfast');
    expect(corrector.correct('somethng')).toBe('something');
  });

  it('squeezes stretched letters back to a known word', () => {
    expect(corrector.correct('хочуууу')).toBe('хочу');
    expect(corrector.correct('helllo')).toBe('hello');
    expect(corrector.correct('пакааа')).toBeUndefined();
  });

  it('corrects short words by sound only ("helo" could be hello or help)', () => {
    expect(corrector.correct('helo')).toBeUndefined();
    expect(corrector.correct('хлеп')).toBe('хлеб');
  });

  it('leaves known, short, unrelated and first-letter-changed words alone', () => {
    expect(corrector.correct('молоко')).toBeUndefined();
    expect(corrector.correct('кока')).toBeUndefined();
    expect(corrector.correct('пармезан')).toBeUndefined();
    expect(corrector.correct('super')).toBeUndefined();
    expect(corrector.correct('ab')).toBeUndefined();
  });
});

describe('message reader', () => {
  const reader = new MessageReader(vocabulary);

  it('keeps offsets while normalizing: layout, chat spelling, typos', () => {
    const read = reader.read('ghbdtn');
    expect(read.text).toBe('привет');
    expect(read.tokens.map((t) => [t.norm, t.start, t.end])).toEqual([['привет', 0, 6]]);
    const typo = reader.read('хачу малако');
    expect(typo.text).toBe('хачу малако');
    expect(typo.tokens.map((t) => [t.norm, t.start, t.end])).toEqual([['хочу', 0, 4], ['молоко', 5, 11]]);
  });

  it('reads Russian typed in Latin letters and says so', () => {
    const read = reader.read('hochu moloko');
    expect(read.tokens.map((t) => t.norm)).toEqual(['хочу', 'молоко']);
    expect(read.transliterated).toBe(true);
    expect(reader.read('hello moloko').transliterated).toBe(false);
  });

  it('reads Cyrillic-typed English words as their Russian meaning, offsets and raw tokens as written', () => {
    const read = reader.read('хелп плиз');
    expect(read.text).toBe('хелп плиз');
    expect(read.tokens.map((t) => [t.norm, t.start, t.end])).toEqual([['помощь', 0, 4], ['пожалуйста', 5, 9]]);
    expect(read.raw.map((t) => t.norm)).toEqual(['хелп', 'плиз']);
    expect(read.transliterated).toBe(false);
  });

  it('does not switch the layout when the original makes as much sense', () => {
    expect(reader.read('хочу пармезан').text).toBe('хочу пармезан');
  });
});

describe('recognizer on colloquial and misspelled messages', () => {
  const recognizer = shoppingRecognizer();

  it.each([
    ['ghbdtn', 'greet'], ['хачу малако', 'search_product'], ['smth for brekfast', 'recommend'], ['nah cheaper pls', 'cheaper'],
    ['че посоветуешь к пиву', 'recommend'], ['чё по скидкам', 'cheaper'], ['hochu moloko', 'search_product'], ['privet', 'greet'],
    ['хелп', 'help'], ['хеееелп', 'help'], ['хеллоу', 'greet'], ['сенкс', 'feedback_positive'], ['гудбай', 'goodbye'],
    ['найди молоко плиз', 'search_product'], ['подешевле плииз', 'cheaper'], ['чекаут', 'checkout'],
  ])('%s -> %s', (text, intent) => {
    expect(recognizer.recognizeSync(text).intent.name).toBe(intent);
  });

  it('answers in Russian to a wrong layout and to Latin-letter Russian', () => {
    expect(recognizer.recognizeSync('ghbdtn').language).toBe('ru');
    expect(recognizer.recognizeSync('spasibo').language).toBe('ru');
    expect(recognizer.recognizeSync('thanks').language).toBe('en');
    expect(recognizer.recognizeSync('super').language).toBe('en');
  });

  it('keeps a Russian message with Cyrillic-typed English words Russian', () => {
    for (const text of ['хелп', 'сенкс', 'найди молоко плиз', 'хеллоу, хочу сыр']) expect(recognizer.recognizeSync(text).language).toBe('ru');
  });

  it('does not read "сорри" as a typo of "сотри" (erase my data)', () => {
    expect(recognizer.recognizeSync('сорри').intent.name).not.toBe('erase_data');
    expect(recognizer.recognizeSync('сори').intent.name).not.toBe('erase_data');
  });

  it('reports entities at the offsets of the text as written', () => {
    const r = recognizer.recognizeSync('хачу малако');
    const product = r.entities.find((e) => e.type === 'product');
    expect(product && r.text.slice(product.start, product.end)).toBe('малако');
  });

  it('keeps entity offsets in a message with a Cyrillic-typed English word before the product', () => {
    const r = recognizer.recognizeSync('плиз найди малако');
    const product = r.entities.find((e) => e.type === 'product');
    expect(product && r.text.slice(product.start, product.end)).toBe('малако');
  });

  it('serializes the vocabulary with the model', async () => {
    const { NluModel } = await import('../../../core/nlu/nlu-model.ts');
    const loaded = NluModel.deserialize(shoppingModel().serialize());
    expect(loaded.vocabulary.size).toBe(shoppingModel().vocabulary.size);
    expect(loaded.reader().read('хачу').tokens[0]?.norm).toBe('хочу');
  });
});
