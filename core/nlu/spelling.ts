import { deletes, editDistance } from './edit-distance.ts';
import { stem } from './text.ts';
import type { Token } from './text.ts';

/**
 * English chat words typed in Cyrillic letters ("хелп", "сенкс", "плиз"), mapped to the Russian word they stand for.
 * Russian rather than English: the message is Cyrillic, so it is Russian to language id and to the Russian phrases
 * the classifier learned ("найди молоко плиз" is "найди молоко пожалуйста", not an English message). Only spellings
 * that are not also ordinary Russian words: "хай" (also "пусть") and "фри" (картошка фри) stay as written.
 */
export const CYRILLIC_ENGLISH: ReadonlyMap<string, string> = new Map([
  ['хелп', 'помощь'], ['хэлп', 'помощь'],
  ['хелло', 'привет'], ['хело', 'привет'], ['хеллоу', 'привет'], ['хелоу', 'привет'], ['хэлло', 'привет'], ['хэллоу', 'привет'],
  ['хэлоу', 'привет'],
  ['сенкс', 'спасибо'], ['сэнкс', 'спасибо'], ['сенкью', 'спасибо'], ['сэнкью', 'спасибо'], ['тенкс', 'спасибо'], ['фенкс', 'спасибо'],
  ['плиз', 'пожалуйста'], ['плз', 'пожалуйста'], ['плис', 'пожалуйста'],
  ['окей', 'ок'], ['окэй', 'ок'], ['оке', 'ок'], ['окс', 'ок'], ['йес', 'да'], ['ноу', 'нет'], ['гуд', 'хорошо'], ['найс', 'отлично'],
  ['гудбай', 'пока'], ['байбай', 'пока'],
  // "Sorry" must not be read as a typo of "сотри" (erase my data).
  ['сорри', 'извини'], ['сори', 'извини'],
  ['чекаут', 'оформить'],
]);

/**
 * Chat spellings of everyday words, mapped to the written form (one word to one word). Applied to training phrases
 * and messages alike, so "чё", "че" and "что" are one feature and "pls" is "please".
 */
export const COLLOQUIAL: ReadonlyMap<string, string> = new Map([
  ...CYRILLIC_ENGLISH,
  ['чё', 'что'], ['че', 'что'], ['чо', 'что'], ['шо', 'что'], ['што', 'что'], ['чтоли', 'что'], ['щас', 'сейчас'], ['щя', 'сейчас'],
  ['сча', 'сейчас'], ['скока', 'сколько'], ['скоко', 'сколько'], ['стока', 'столько'], ['тока', 'только'], ['ток', 'только'],
  ['пжлст', 'пожалуйста'], ['пжл', 'пожалуйста'], ['пж', 'пожалуйста'],
  ['пожалста', 'пожалуйста'], ['пасиб', 'спасибо'], ['спасиб', 'спасибо'], ['спс', 'спасибо'], ['пасибо', 'спасибо'],
  ['спасибки', 'спасибо'], ['конеш', 'конечно'], ['канеш', 'конечно'], ['конешно', 'конечно'], ['кнчн', 'конечно'],
  ['норм', 'нормально'], ['оч', 'очень'], ['мб', 'может'], ['щаз', 'сейчас'], ['ваще', 'вообще'], ['вапще', 'вообще'],
  ['ничо', 'ничего'], ['ниче', 'ничего'], ['чето', 'что-то'], ['чтото', 'что-то'], ['чтонибудь', 'что-нибудь'], ['инфу', 'информацию'],
  ['инфа', 'информация'], ['лан', 'ладно'], ['ладн', 'ладно'],
  ['pls', 'please'], ['plz', 'please'], ['pleas', 'please'], ['pleaz', 'please'], ['thx', 'thanks'], ['thnx', 'thanks'],
  ['thanx', 'thanks'], ['ty', 'thanks'], ['tnx', 'thanks'], ['u', 'you'], ['ya', 'yes'], ['ye', 'yes'], ['yea', 'yes'], ['r', 'are'],
  ['ur', 'your'], ['smth', 'something'], ['sth', 'something'], ['smthng', 'something'], ['nvm', 'nevermind'], ['tmrw', 'tomorrow'],
  ['tmr', 'tomorrow'], ['2moro', 'tomorrow'], ['wat', 'what'], ['wot', 'what'], ['whats', "what's"], ['im', "i'm"], ['dont', "don't"],
  ['didnt', "didn't"], ['doesnt', "doesn't"], ['cant', "can't"], ['thats', "that's"], ['ive', "i've"], ['ill', "i'll"], ['wanna', 'want'],
  ['gimme', 'give'], ['gonna', 'going'], ['abt', 'about'], ['bc', 'because'], ['cuz', 'because'], ['rn', 'now'],
  ['k', 'ok'], ['kk', 'ok'], ['okey', 'ok'], ['okay', 'ok'], ['y', 'why'], ['info', 'information'], ['recs', 'recommendations'],
  ['lang', 'language'], ['ppl', 'people'], ['cya', 'see'], ['thru', 'through'],
]);

/** The written form of a chat spelling ("чё" -> "что", "плиииз" -> "пожалуйста"), or the word itself. */
export function colloquial(norm: string): string {
  return COLLOQUIAL.get(norm) ?? stretched(norm) ?? norm;
}

// A chat spelling with a letter held down ("хеееелп", "плииз"). Squeezed to three letters at least: shorter keys
// ("u", "ty", "оч") are too easily the squeeze of something else.
function stretched(norm: string): string | undefined {
  const squeezed = norm.replace(/(.)\1+/gu, '$1');
  return squeezed !== norm && squeezed.length >= 3 ? COLLOQUIAL.get(squeezed) : undefined;
}

/** Tokens with chat spellings replaced by their written form (same offsets, so entities still point at the text). */
export function normalizeColloquial(tokens: readonly Token[]): Token[] {
  return tokens.map((t) => {
    if (t.kind !== 'word') return t;
    const norm = colloquial(t.norm);
    return norm === t.norm ? t : { ...t, norm, stem: stem(norm) };
  });
}

const LATIN_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const CYRILLIC_KEYS = 'йцукенгшщзхъфывапролджэячсмитьбюё';
const TO_CYRILLIC = new Map<string, string>();
const TO_LATIN = new Map<string, string>();
for (let i = 0; i < LATIN_KEYS.length; i++) {
  const latin = LATIN_KEYS[i] as string;
  const cyrillic = CYRILLIC_KEYS[i] as string;
  TO_CYRILLIC.set(latin, cyrillic);
  TO_LATIN.set(cyrillic, latin);
  if (latin.toUpperCase() !== latin) TO_CYRILLIC.set(latin.toUpperCase(), cyrillic.toUpperCase());
  TO_LATIN.set(cyrillic.toUpperCase(), latin.toUpperCase());
}

/**
 * The text as if typed with the other keyboard layout ("ghbdtn" -> "привет", "руддщ" -> "hello"): one character
 * for one character, so offsets stay valid. Only for text in a single script; undefined otherwise.
 */
export function switchLayout(text: string): string | undefined {
  const latin = /[a-z]/i.test(text);
  const cyrillic = /[\u0400-\u04FF]/.test(text);
  if (latin === cyrillic) return undefined;
  const map = latin ? TO_CYRILLIC : TO_LATIN;
  let out = '';
  for (const ch of text) out += map.get(ch) ?? ch;
  return out;
}

// Russian typed in Latin letters ("hochu moloko"): the common chat transliteration, longest letter groups first.
const TRANSLIT: readonly [string, string][] = [
  ['shch', 'щ'], ['sch', 'щ'], ['yo', 'ё'], ['zh', 'ж'], ['kh', 'х'], ['ts', 'ц'], ['ch', 'ч'], ['sh', 'ш'], ['yu', 'ю'], ['ya', 'я'],
  ['ju', 'ю'], ['ja', 'я'], ['a', 'а'], ['b', 'б'], ['v', 'в'], ['g', 'г'], ['d', 'д'], ['e', 'е'], ['z', 'з'], ['i', 'и'], ['j', 'й'],
  ['k', 'к'], ['l', 'л'], ['m', 'м'], ['n', 'н'], ['o', 'о'], ['p', 'п'], ['r', 'р'], ['s', 'с'], ['t', 'т'], ['u', 'у'], ['f', 'ф'],
  ['h', 'х'], ['c', 'ц'], ['y', 'ы'], ['w', 'в'], ['x', 'кс'], ['q', 'к'], ["'", 'ь'],
];

/** A Latin-letter word read as transliterated Russian ("moloko" -> "молоко"); undefined for anything else. */
export function transliterate(word: string): string | undefined {
  if (!/^[a-z']+$/.test(word)) return undefined;
  let out = '';
  let i = 0;
  while (i < word.length) {
    const match = TRANSLIT.find(([latin]) => word.startsWith(latin, i));
    if (!match) return undefined;
    out += match[1];
    i += match[0].length;
  }
  return out;
}

const RU_SOUNDS: readonly [RegExp, string][] = [
  [/[ьъ]/g, ''], [/о/g, 'а'], [/[еэияы]/g, 'и'], [/ю/g, 'у'], [/б/g, 'п'], [/д/g, 'т'], [/г/g, 'к'], [/з/g, 'с'], [/в/g, 'ф'],
  [/[жщ]/g, 'ш'], [/тс|ц/g, 'ц'], [/(.)\1+/g, '$1'],
];
const EN_SOUNDS: readonly [RegExp, string][] = [
  [/ph/g, 'f'], [/ck/g, 'k'], [/(.)\1+/g, '$1'], [/(?!^)[aeiouy]/g, ''],
];

/**
 * What a word sounds like, roughly: Russian unstressed vowels and devoiced consonants folded ("малако" and "молоко",
 * "хлеп" and "хлеб"), English inner vowels and doubled letters dropped ("brekfast" and "breakfast").
 */
export function soundKey(word: string): string {
  const rules = /[\u0400-\u04FF]/.test(word) ? RU_SOUNDS : EN_SOUNDS;
  let key = word;
  for (const [pattern, replacement] of rules) key = key.replace(pattern, replacement);
  return key;
}

interface Candidate {
  word: string;
  count: number;
}

/**
 * Corrects a word the model never saw to a known one: same sound (within two edits) or one edit away (SymSpell
 * deletion index). Ties go to the same sound, then the more frequent word, then the alphabetically first, so the
 * answer is deterministic.
 */
export class SpellingCorrector {
  private readonly counts: ReadonlyMap<string, number>;
  private readonly byDelete = new Map<string, string[]>();
  private readonly bySound = new Map<string, string[]>();
  private readonly cache = new Map<string, string | null>();

  constructor(counts: ReadonlyMap<string, number>) {
    this.counts = counts;
    for (const word of [...counts.keys()].sort()) {
      if (word.length < 3 || !/^\p{L}+$/u.test(word)) continue;
      for (const key of deletes(word, 1)) push(this.byDelete, key, word);
      push(this.bySound, soundKey(word), word);
    }
  }

  /** Whether the word was seen (in the training phrases or the catalog). */
  has(word: string): boolean {
    return this.counts.has(word);
  }

  /** The known word meant by an unknown one, or undefined when there is none close enough (or the word is known). */
  correct(word: string): string | undefined {
    if (this.counts.has(word) || word.length < 3 || !/^\p{L}+$/u.test(word)) return undefined;
    const cached = this.cache.get(word);
    if (cached !== undefined) return cached ?? undefined;
    const found = this.search(word);
    if (this.cache.size >= 20_000) this.cache.clear();
    this.cache.set(word, found ?? null);
    return found;
  }

  private search(word: string): string | undefined {
    // Stretched words ("heyy", "спасибооо", "cooool") are the known word with a letter held down.
    for (const squeezed of [word.replace(/(.)\1{2,}/gu, '$1$1'), word.replace(/(.)\1+/gu, '$1')]) {
      if (squeezed !== word && this.counts.has(squeezed)) return squeezed;
    }
    const sound = soundKey(word);
    const candidates: Candidate[] = [];
    const seen = new Set<string>();
    const consider = (candidate: string, max: number): void => {
      // People rarely mistype the first letter; a different one usually means a different word ("super", "kuper").
      if (seen.has(candidate) || candidate[0] !== word[0]) return;
      seen.add(candidate);
      if (editDistance(word, candidate, max) <= max) candidates.push({ word: candidate, count: this.counts.get(candidate) ?? 0 });
    };
    // A sound match may be two edits away ("пасаветуй"); a short sound key says too little to trust.
    if (sound.length >= 3) for (const c of this.bySound.get(sound) ?? []) consider(c, 2);
    // One edit on a short word is too easy a match ("кока" is not "пока"): only sound matches fix those.
    if (word.length >= 5) for (const key of deletes(word, 1)) for (const c of this.byDelete.get(key) ?? []) consider(c, 1);
    candidates.sort((a, b) => rank(a, b, sound));
    return candidates[0]?.word;
  }
}

function rank(a: Candidate, b: Candidate, sound: string): number {
  const soundA = soundKey(a.word) === sound ? 0 : 1;
  const soundB = soundKey(b.word) === sound ? 0 : 1;
  if (soundA !== soundB) return soundA - soundB;
  if (a.count !== b.count) return b.count - a.count;
  return a.word < b.word ? -1 : a.word > b.word ? 1 : 0;
}

function push(map: Map<string, string[]>, key: string, word: string): void {
  const list = map.get(key);
  if (list) list.push(word);
  else map.set(key, [word]);
}
