/**
 * Small-number words in Russian and English, in every form a shopper uses for quantities and
 * headcounts ("две", "двоих", "вдвоём", "a couple", "three"). Stems keep the table short.
 */
const RU_NUMBER_STEMS: ReadonlyArray<[RegExp, number]> = [
  [/^(?:одн(?:у|а|о|ого|ой|им)?|один|одного)$/, 1],
  [/^(?:дв(?:а|е|ух|ое|оих|ум|умя)|вдвоём|вдвоем|пар(?:а|у|очк[уа]))$/, 2],
  [/^(?:тр(?:и|ёх|ех|ое|оих|ем|ём|емя|ёмя)|втроём|втроем)$/, 3],
  [/^(?:четыр(?:е|ёх|ех|ьмя)|четвер(?:о|ых)|вчетвером)$/, 4],
  [/^(?:пят(?:ь|и|ью|ерых|еро)|впятером)$/, 5],
  [/^(?:шест(?:ь|и|ерых|еро))$/, 6],
  [/^(?:сем(?:ь|и|ерых|еро))$/, 7],
  [/^(?:восем(?:ь|и)|восьми)$/, 8],
  [/^(?:девят(?:ь|и))$/, 9],
  [/^(?:десят(?:ь|и|ок|ка))$/, 10],
  [/^(?:дюжин(?:а|у))$/, 12],
];

const EN_NUMBERS: Readonly<Record<string, number>> = {
  one: 1, single: 1, two: 2, couple: 2, pair: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9,
  ten: 10, dozen: 12, twice: 2,
};

/** The value of one word if it is a small number ("две" -> 2, "three" -> 3, "12" -> 12). */
export function wordToNumber(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d+(?:[.,]\d+)?$/.test(w)) return Number(w.replace(',', '.'));
  const en = EN_NUMBERS[w];
  if (en !== undefined) return en;
  for (const [re, value] of RU_NUMBER_STEMS) if (re.test(w)) return value;
  return undefined;
}

/** Splits text into word tokens with their offsets (letters, digits, and the decimal point inside numbers). */
export function tokenize(text: string): Array<{ word: string; start: number; end: number }> {
  const tokens: Array<{ word: string; start: number; end: number }> = [];
  const re = /\d+(?:[.,]\d+)?|[\p{L}]+/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    tokens.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  }
  return tokens;
}

/** Every number in the text, digits or words, in order. */
export function numbersIn(text: string): Array<{ value: number; start: number; end: number }> {
  const found: Array<{ value: number; start: number; end: number }> = [];
  for (const token of tokenize(text.replace(/(\d)\s(?=\d{3}\b)/g, '$1'))) {
    const value = wordToNumber(token.word);
    if (value !== undefined) found.push({ value, start: token.start, end: token.end });
  }
  return found;
}
