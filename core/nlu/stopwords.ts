/**
 * Words that never say what a shopper wants, in folded form (lower case, ё as е): Russian and English
 * prepositions, conjunctions, particles, articles and the commonest pronouns. Small on purpose: a word belongs
 * here only if citing it alone as "what matched" would be nonsense («подходит под «на»», "matches “for”").
 */
export const STOPWORDS: ReadonlySet<string> = new Set([
  // Russian prepositions.
  'в', 'во', 'на', 'по', 'из', 'изо', 'от', 'ото', 'до', 'для', 'к', 'ко', 'с', 'со', 'о', 'об', 'обо', 'у', 'за', 'под',
  'подо', 'над', 'при', 'без', 'про', 'через', 'между', 'перед',
  // Russian conjunctions and particles.
  'и', 'или', 'а', 'но', 'да', 'же', 'ли', 'бы', 'не', 'ни', 'то', 'что', 'как',
  // Russian pronouns.
  'я', 'ты', 'вы', 'мы', 'он', 'она', 'оно', 'они', 'мне', 'меня', 'нам', 'нас', 'вам', 'вас', 'его', 'ее', 'их', 'это',
  // English articles, prepositions, conjunctions and particles.
  'a', 'an', 'the', 'for', 'with', 'of', 'to', 'in', 'on', 'at', 'by', 'from', 'into', 'about', 'and', 'or', 'but',
  'not', 'no', 'as', 'so',
  // English pronouns and auxiliaries.
  'i', 'me', 'my', 'we', 'us', 'our', 'you', 'your', 'it', 'its', 'this', 'that', 'is', 'are', 'be',
]);

/**
 * Unit abbreviations: "1 л", "500 г", "4 шт" name a quantity, not a product, so alone they explain nothing.
 */
export const UNIT_WORDS: ReadonlySet<string> = new Set([
  'г', 'гр', 'кг', 'мг', 'мл', 'л', 'шт', 'уп', 'см', 'мм', 'м',
  'g', 'gr', 'kg', 'mg', 'ml', 'l', 'pcs', 'pc', 'oz', 'lb', 'cm', 'mm',
]);

const BARE_NUMBER = /^\p{N}+$/u;

/**
 * Whether a folded word can be cited as what matched a request: a content word (noun, adjective, brand or
 * product word), not a stopword, a unit or a bare number. Digits inside a word ("x5", "500г") keep it citable.
 */
export function isContentWord(word: string): boolean {
  return word !== '' && !STOPWORDS.has(word) && !UNIT_WORDS.has(word) && !BARE_NUMBER.test(word);
}
