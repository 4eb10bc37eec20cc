import type { Service } from '../../core/reply.ts';
import { numbersIn, wordToNumber } from '../../core/dialog/numbers.ts';
import { budgetSlot } from '../../core/dialog/slots.ts';
import { withoutNeed } from './needs.ts';
import { WORD_END as E, WORD_START as B } from './word-bounds.ts';

// `\b` only knows ASCII letters: Russian words get Unicode-aware boundaries.
const re = (source: string) => new RegExp(source, 'iu');

const SERVICES: ReadonlyArray<[Service, RegExp]> = [
  ['samokat', re(`${B}(?:самокат\\p{L}*|samokat)`)],
  ['megamarket', re(`${B}(?:мега\\s?маркет\\p{L}*|megamarket|mega\\s?market)`)],
  ['kuper', re(`${B}(?:купер\\p{L}*|kuper|сбер\\s?маркет\\p{L}*|sbermarket)`)],
];

/** The service a message names ("в Самокате", "on Megamarket"). */
export function extractService(text: string): Service | undefined {
  let best: { service: Service; index: number } | undefined;
  for (const [service, pattern] of SERVICES) {
    const m = pattern.exec(text);
    if (m && (!best || m.index < best.index)) best = { service, index: m.index };
  }
  return best?.service;
}

/** Every service a message names, in order. */
export function servicesIn(text: string): Service[] {
  return SERVICES.map(([service, pattern]) => ({ service, m: pattern.exec(text) }))
    .filter((x) => x.m).sort((a, b) => a.m!.index - b.m!.index).map((x) => x.service);
}

/**
 * "post-run", "after my workout", "после пробежки", "перед тренировкой": when the food is for, a snack's occasion and
 * never product words (a "post-run snack" is no scratching post).
 */
const AROUND_WORKOUT = `(?:post|pre|after|before)[- ]?(?:run(?:ning)?|jog(?:ging)?|workout|training|gym|exercise)${E}`
  + `|(?:after|before)\\s+(?:a\\s+|an\\s+|my\\s+|the\\s+)?(?:run|jog|workout|training|gym|exercise|practice|race|marathon)${E}`
  + `|(?:после|перед|до)\\s+(?:пробежк\\p{L}*|тренировк\\p{L}*|зала|спортзала|бега|забега|марафона|фитнеса|йоги)`;
const AROUND_WORKOUT_G = new RegExp(`${B}(?:${AROUND_WORKOUT})`, 'giu');

const OCCASIONS: ReadonlyArray<[string, RegExp]> = [
  ['dinner', re(`${B}(?:ужин\\p{L}*|dinner|supper)`)],
  ['breakfast', re(`${B}(?:завтрак\\p{L}*|breakfast)`)],
  ['lunch', re(`${B}(?:обед\\p{L}*|lunch)`)],
  ['party', re(`${B}(?:вечеринк\\p{L}*|праздник\\p{L}*|гост(?:ей|ям|и)${E}|party|guests|celebration)`)],
  ['picnic', re(`${B}(?:пикник\\p{L}*|шашлык\\p{L}*|picnic|bbq|barbecue)`)],
  ['snack', re(`${B}(?:перекус\\p{L}*|snack\\p{L}*|${AROUND_WORKOUT})`)],
];

/** The occasion of a request ("на ужин" -> dinner). */
export function extractOccasion(text: string): string | undefined {
  return OCCASIONS.find(([, pattern]) => pattern.test(text))?.[0];
}

const PEOPLE_RU = re(`${B}(?:на\\s+(двоих|двух|троих|трех|трёх|четверых|четырех|пятерых|шестерых|\\d+)(?:\\s+(?:человек|персон\\p{L}*|гостей))?|(вдво[её]м|втро[её]м|вчетвером|впятером))${E}`);
const PEOPLE_EN = /\bfor\s+(one|two|three|four|five|six|ten|\d+)(?:\s+(?:people|persons|of\s+us|guests))?\b(?!\s*(?:rub|₽|roubles?|k\b))/i;

/** How many people the request is for ("на двоих", "for four"). */
export function extractPeople(text: string): number | undefined {
  const ru = PEOPLE_RU.exec(text);
  const word = ru?.[1] ?? ru?.[2] ?? PEOPLE_EN.exec(text)?.[1];
  if (!word) return undefined;
  if (/^\d+$/.test(word) && ru && !/человек|персон|гост/i.test(ru[0])) return undefined;
  const n = wordToNumber(word);
  return n !== undefined && n >= 1 && n <= 50 ? n : undefined;
}

/** The price bound of a request, in roubles. */
export function extractBudget(text: string, asked = false): number | undefined {
  return budgetSlot.extract({ text, entities: [], locale: 'ru', asked });
}

/** Diet and safety facts a shopper can require. */
const REQUIRE: ReadonlyArray<[string, RegExp]> = [
  ['vegan', re(`${B}(?:веган\\p{L}*|vegan|plant[- ]based|растительн\\p{L}*)`)],
  ['vegetarian', re(`${B}(?:вегетариан\\p{L}*|vegetarian|без\\s+мяса|не\\s+ем\\s+мяс\\p{L}*|no\\s+meat|meat[- ]free|don'?t\\s+eat\\s+meat)`)],
  ['lactose_free', re(`${B}(?:безлактозн\\p{L}*|без\\s+лактоз\\p{L}*|непереносим\\p{L}*\\s+лактоз\\p{L}*|не\\s+переношу\\s+лактоз\\p{L}*|lactose[- ]free|no\\s+lactose|without\\s+lactose|lactose[- ]intoleran\\p{L}*)`)],
  ['gluten_free', re(`${B}(?:безглютенов\\p{L}*|без\\s+глютен\\p{L}*|gluten[- ]free|no\\s+gluten|without\\s+gluten)`)],
  ['sugar_free', re(`${B}(?:без\\s+сахара|sugar[- ]free|no\\s+sugar|without\\s+sugar)`)],
  ['halal', re(`${B}(?:халял\\p{L}*|халал\\p{L}*|halal)`)],
  ['organic', re(`${B}(?:органическ\\p{L}*|organic)`)],
];

/** Tags a shopper wants to avoid. */
const EXCLUDE: ReadonlyArray<[string, RegExp]> = [
  ['contains_nuts', re(`${B}(?:без\\s+орех\\p{L}*|аллерги\\p{L}*\\s+на\\s+орех\\p{L}*|не\\s+ем\\s+орех\\p{L}*|no\\s+nuts|nut[- ]free|without\\s+nuts|nothing\\s+with\\s+nuts|ничего\\s+с\\s+орех\\p{L}*|allergic\\s+to\\s+nuts|(?:don'?t|do\\s+not)\\s+eat\\s+nuts)`)],
  ['alcohol', re(`${B}(?:без\\s+алкогол\\p{L}*|не\\s+пью|безалкогольн\\p{L}*|no\\s+alcohol|alcohol[- ]free|non[- ]alcoholic|(?:don'?t|do\\s+not)\\s+drink)`)],
  ['spicy', re(`${B}(?:не\\s*остр\\p{L}*|без\\s+остр\\p{L}*|not\\s+spicy|no\\s+spicy|mild)`)],
  ['meat', re(`${B}(?:без\\s+мяса|не\\s+ем\\s+мяс\\p{L}*|no\\s+meat|meat[- ]free|don'?t\\s+eat\\s+meat)`)],
  ['fish', re(`${B}(?:без\\s+рыбы|не\\s+ем\\s+рыб\\p{L}*|no\\s+fish|don'?t\\s+eat\\s+fish)`)],
];

/** Words after "без"/"without" that are a known fact (a tag above) or no product at all ("без проблем"). */
const NOT_AVOIDED = `(?:лактоз|глютен|сахар|мяс|рыб|орех|алкогол|остр|разниц|проблем|понятия|очеред|lactose|gluten|sugar|meat|fish|nuts?${E}|alcohol|spic|more${E}|thanks|problem|way${E}|idea|need)`;
const AVOID_SOURCE = `${B}(?:без|without|no)\\s+(?!${NOT_AVOIDED})([\\p{L}-]{3,})`;
const AVOID_G = new RegExp(AVOID_SOURCE, 'giu');

/**
 * Product words a request rules out ("корм для кошек без курицы" -> ["курицы"], "cat food without chicken"), beyond the
 * known facts of {@link extractExcludedTags}: items whose title has the word are left out of this request.
 */
export function extractAvoidedWords(text: string): string[] {
  return [...text.matchAll(AVOID_G)].map((m) => m[1]!.toLowerCase().replace(/ё/g, 'е'));
}

/** Diet facts the message asks for ("безлактозное", "vegan"). */
export function extractRequiredTags(text: string): string[] {
  return REQUIRE.filter(([, pattern]) => pattern.test(text)).map(([tag]) => tag);
}

/** Tags the message rules out ("без орехов", "no alcohol"). */
export function extractExcludedTags(text: string): string[] {
  return EXCLUDE.filter(([, pattern]) => pattern.test(text)).map(([tag]) => tag);
}

const DISLIKE = [
  re(`${B}(?:не\\s+люблю|терпеть\\s+не\\s+могу|ненавижу|не\\s+ем|не\\s+переношу|убери\\s+все\\s+с|без)\\s+([\\p{L}-]{3,})`),
  /\b(?:i\s+)?(?:don'?t|do\s+not)\s+(?:like|eat|want)\s+([a-z-]{3,})/i,
  /\b(?:i\s+)?(?:hate|dislike|can'?t\s+stand)\s+([a-z-]{3,})/i,
  /\bno\s+more\s+([a-z-]{3,})/i,
];
const NOT_A_DISLIKE = /^(?:это|этот|эту|так|такое|сахара|лактоз\p{L}*|глютен\p{L}*|мяса|рыбы|орех\p{L}*|алкогол\p{L}*|остр\p{L}*|it|this|that|them|these|those|meat|fish|nuts|alcohol|sugar|gluten|lactose|spicy)$/iu;

const RU_ENDINGS = /(?:ами|ями|ого|его|ому|ему|ыми|ими|ой|ей|ую|юю|ая|яя|ое|ее|ые|ие|ов|ев|ам|ям|ах|ях|ом|ем|у|ю|а|я|ы|и|е|о|ь)$/u;

/** The comparable root of a disliked word: "кинзу" -> "кинз", "onions" -> "onion". */
export function dislikeRoot(word: string): string {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  if (/[а-я]/.test(w)) {
    const cut = w.replace(RU_ENDINGS, '');
    return cut.length >= 3 ? cut : w;
  }
  return w.length > 4 && w.endsWith('s') ? w.slice(0, -1) : w;
}

/** A product word the shopper says they dislike, as written and lower-cased ("не люблю кинзу" -> "кинзу"). */
export function extractDislike(text: string): string | undefined {
  for (const pattern of DISLIKE) {
    const word = pattern.exec(text)?.[1];
    if (word && !NOT_A_DISLIKE.test(word)) return word.toLowerCase().replace(/ё/g, 'е');
  }
  return undefined;
}

const QUANTITY_UNIT = re(`(\\d+|\\p{L}+)\\s*(?:шт\\p{L}*|пач\\p{L}*|бутыл\\p{L}*|упаков\\p{L}*|банк\\p{L}*|кг|pcs|pieces?|packs?|bottles?|cans?|x)${E}`);

/** A quantity for the cart ("две", "3 штуки", "two of them"), ignoring prices, headcounts and ordinals. */
export function extractQuantity(text: string): number | undefined {
  const unit = QUANTITY_UNIT.exec(text);
  if (unit?.[1]) {
    const n = wordToNumber(unit[1]);
    if (n !== undefined && Number.isInteger(n) && n > 0 && n <= 99) return n;
  }
  const priceFree = text.replace(/\d[\d\s]*(?:₽|руб\p{L}*|rub\p{L}*|р\.)/giu, ' ')
    .replace(/(?:№|#|номер\s*|number\s*)\d+/giu, ' ');
  const n = numbersIn(priceFree).find((x) => Number.isInteger(x.value) && x.value > 0 && x.value <= 99);
  return n?.value;
}

const SEARCH_NOISE = re(
  `${B}(?:найди(?:те)?|найти|поищи(?:те)?|поиск|ищу|добавь(?:те)?|возьми(?:те)?|возьму|беру|берём|берем|давай(?:те)?|лучше|положи(?:те)?|закинь|докинь|кинь|ещё|еще|i'?ll|i\\s+will|в\\s+корзину|add|put|take|to\\s+(?:the\\s+|my\\s+)?cart|покажи(?:те)?|есть\\s+ли|есть|у\\s+вас|хочу|хотел\\p{L}*|мне|нужн\\p{L}*|нуж[её]н|надо|купить|куплю|купи(?:те)?|закажи|сам(?:ый|ая|ое|ые|ую|ого|ой)|(?:по)?деш[её]в\\p{L}*|недорог\\p{L}*|бюджетн\\p{L}*|cheapest|cheap|cheaper|inexpensive|budget|low[- ]cost|заказать|подбери|посоветуй\\p{L}*|пожалуйста|какой-нибудь|какое-нибудь|какую-нибудь|какие-нибудь|что-нибудь|find|search(?:\\s+for)?|look(?:ing)?\\s+for|show\\s+me|i\\s+need|i\\s+want|do\\s+you\\s+have|have\\s+you\\s+got|please|some|any|a|an|the|me)${E}`,
);

const RECOMMEND_NOISE = re(
  `${B}(?:что|чего|чем|взять|брать|купить|заказать|приготовить|порекомендуй\\p{L}*|посоветуй\\p{L}*|подскажи\\p{L}*|предложи\\p{L}*|подбери|можно|бы|на|для|к|нам|мне|вечер\\p{L}*|семь[яиеюё]|семей\\p{L}*|семейн\\p{L}*|family|дет(?:ей|ям|и)|реб[её]н(?:ка|ку|ок)|малыш(?:а|у|ей)?|kids?|children|child|what|should|could|can|shall|i|we|get|buy|cook|have|recommend|suggest|something|anything|for|to|us|tonight)${E}`,
);

/**
 * Words that never name a product: pronouns, question and function words, auxiliaries, politeness. What is left
 * of a request after them is what the shopper asked for, or nothing.
 */
const FUNCTION_WORDS = new Set([
  'что', 'чего', 'чем', 'чём', 'как', 'какой', 'какая', 'какое', 'какие', 'какую', 'где', 'когда', 'куда', 'зачем', 'почему',
  'я', 'ты', 'вы', 'мы', 'он', 'она', 'они', 'мне', 'меня', 'мной', 'тебе', 'тебя', 'вам', 'вас', 'нам', 'нас', 'себе', 'свой', 'мой', 'моя', 'мои', 'наш',
  'в', 'во', 'на', 'по', 'из', 'от', 'до', 'для', 'к', 'ко', 'с', 'со', 'о', 'об', 'у', 'за', 'под', 'над', 'при', 'без',
  'и', 'или', 'а', 'но', 'же', 'ли', 'бы', 'ну', 'вот', 'это', 'этот', 'эту', 'то', 'так', 'там', 'тут', 'еще', 'ещё', 'уже', 'тоже', 'также', 'очень',
  'есть', 'быть', 'будет', 'можно', 'нужно', 'надо', 'нужен', 'нужна', 'нужны', 'хочу', 'хотим', 'хочется', 'давай', 'давайте', 'пожалуйста', 'плиз',
  'сегодня', 'завтра', 'сейчас', 'вечером', 'нибудь', 'что-нибудь', 'что-то', 'чего-нибудь', 'какой-нибудь', 'какое-нибудь', 'какие-нибудь', 'какую-нибудь',
  'посоветуешь', 'посоветуете', 'порекомендуешь', 'порекомендуете', 'предложишь', 'предложите', 'подскажешь', 'подскажете',
  // Greetings and politeness around a request ("Здравствуйте! Подскажите, что взять на завтрак").
  'здравствуйте', 'здравствуй', 'привет', 'приветик', 'добрый', 'доброе', 'доброго', 'день', 'утро', 'подскажите', 'скажите',
  'спасибо', 'hello', 'hi', 'hey', 'thanks', 'thank', 'диета', 'диете', 'диету', 'диеты', 'diet', 'дела', 'поживаешь', 'поживаете',
  'what', 'which', 'who', 'how', 'where', 'when', 'why', 'i', 'you', 'he', 'she', 'we', 'they', 'me', 'us', 'my', 'your', 'our', 'it', 'its', 'this', 'that',
  'a', 'an', 'the', 'to', 'for', 'of', 'in', 'on', 'at', 'with', 'from', 'by', 'about', 'and', 'or', 'but', 'so', 'some', 'any', 'something', 'anything',
  'do', 'does', 'did', 'am', 'is', 'are', 'be', 'can', 'could', 'would', 'should', 'shall', 'will', 'may', 'might', 'must', 'have', 'has', 'had',
  'get', 'got', 'buy', 'order', 'cook', 'eat', 'need', 'want', 'like', 'please', 'tonight', 'today', 'now', 'good', 'nice', 'great', 'best', 'there', 'here',
]);

/**
 * Request verbs in any form ("посоветуешь", "рекомендуете", "suggested", "advise"), and praise that names no product
 * ("что-нибудь вкусненькое", "something tasty"): asking, never the thing asked for.
 */
const REQUEST_VERB = /^(?:по)?(?:совет|рекоменд|подска|предлаг|предлож|подбер|подобр|выбер|выбир)|^(?:recommend|suggest|advis|propos|pick|choos)|^(?:вкусн|вкусненьк|интересн|необычн|особенн|хорош|классн|tasty|delicious|yummy|interesting|special)/iu;

/** "I'm over 18", "мне есть 18", "я совершеннолетний": an age, never a product or a price. */
const AGE_STATEMENT_G = new RegExp(
  `${B}(?:i'?m|i\\s+am)\\s+(?:over\\s+|above\\s+|older\\s+than\\s+)?\\d{1,2}\\s*\\+?(?:\\s*(?:years?\\s+old|y\\.?o\\.?))?|${B}i'?m\\s+(?:an?\\s+)?(?:adult|of\\s+age)|${B}мне\\s+(?:уже\\s+)?(?:есть\\s+)?(?:больше\\s+)?\\d{1,2}\\s*\\+?(?:\\s*(?:лет|год\\p{L}*))?|${B}я\\s+(?:уже\\s+)?совершеннолет\\p{L}*|${B}\\d{2}\\s*\\+`,
  'giu',
);

/** Drops an age statement and English contractions ("I'm" -> "I"), which would leave stray letters behind. */
function withoutAgeAndContractions(text: string): string {
  return text.replace(AGE_STATEMENT_G, ' ').replace(/(\p{L})['’](?:m|s|re|ve|ll|d)(?!\p{L})/giu, '$1');
}

/** Whether a word can name a product: not a function word, a request verb or a number. */
function meaningful(word: string): boolean {
  const w = word.toLowerCase().replace(/ё/g, 'е');
  return w.length >= 2 && !FUNCTION_WORDS.has(w) && !REQUEST_VERB.test(w) && wordToNumber(w) === undefined && !UNIT.test(w);
}

// Global versions of the patterns, compiled once: extraction runs on every message.
const global = (pattern: RegExp) => new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`);
const OCCASIONS_G = OCCASIONS.map(([, pattern]) => global(pattern));
const PEOPLE_G = [global(PEOPLE_RU), global(PEOPLE_EN)];
const RECOMMEND_NOISE_G = global(RECOMMEND_NOISE);

/** The product words of a recommendation request, after its occasion, need, headcount, age and filler words. */
export function extractRecommendText(text: string): string | undefined {
  let rest = withoutNeed(withoutAgeAndContractions(text));
  for (const pattern of [...OCCASIONS_G, ...PEOPLE_G]) rest = rest.replace(pattern, ' ');
  rest = extractProductText(rest) ?? '';
  let previous = '';
  while (previous !== rest) {
    previous = rest;
    rest = rest.replace(RECOMMEND_NOISE_G, ' ').replace(/\s+/g, ' ').trim();
  }
  rest = rest.split(' ').filter(meaningful).join(' ');
  return rest.length >= 3 ? rest : undefined;
}

const TAG_PATTERNS_G = [...REQUIRE, ...EXCLUDE].map(([, pattern]) => new RegExp(pattern.source, 'giu'));
const SERVICE_PHRASES_G = SERVICES.map(([, pattern]) => new RegExp(`(?:${B}(?:в|на|из|in|on|at|from)\\s+)?(?:${pattern.source})`, 'giu'));
const SEARCH_NOISE_G = new RegExp(SEARCH_NOISE.source, 'giu');
/** Words that name no product on their own ("продукты", "food"): a request made only of them is a recommendation. */
const GENERIC_SOURCE = `${B}(?:продукт\\p{L}*|товар\\p{L}*|еда|еду|еды|покупк\\p{L}*|вещ\\p{L}*|что-нибудь|что-то|чего-нибудь|food|products?|items?|stuff|things|groceries|grocery|something|anything)${E}`;
const GENERIC_G = new RegExp(GENERIC_SOURCE, 'giu');
const GENERIC_WORD = new RegExp(`^${GENERIC_SOURCE}$`, 'iu');
const UNIT = /^(?:шт\.?|штук\p{L}*|пач\p{L}*|упаков\p{L}*|pcs|pieces?|packs?|of)$/iu;
/** Food as such ("продукты", "еда", "groceries"): the answer is food, not medicine or electronics. */
const FOOD_WORDS = re(`${B}(?:продукт(?:ы|ов|ами)?|еда|еду|еды|поесть|продуктов\\p{L}*|groceries|grocery|(?<!(?:cat|dog|pet|kitten|puppy|baby|bird|fish)\\s+)food)${E}`);

/** "самая дешёвая пицца", "недорогие наушники", "cheapest milk": the lowest prices first. */
const CHEAPEST = re(`${B}(?:(?:самы|сама|само)\\p{L}*\\s+деш[её]в\\p{L}*|недорог\\p{L}*|бюджетн\\p{L}*|подешевле|cheapest|inexpensive|cheap|low[- ]cost)${E}`);

/** Whether the message asks for the cheapest of something, not for a price bound. */
export function asksForCheapest(text: string): boolean {
  return CHEAPEST.test(text);
}

/** Whether the message asks for food as such ("безглютеновые продукты", "gluten-free groceries"). */
export function asksForFood(text: string): boolean {
  return FOOD_WORDS.test(text);
}

// Upper price bounds in every common wording, with or without a currency ("до 1000р", "max 500 rub", "under 300").
const BOUND_WORDS = `(?:до|не\\s+дороже|не\\s+больше|не\\s+более|не\\s+выше|в\\s+пределах|в\\s+рамках|максимум|макс\\.?|дешевле|бюджет(?:ом)?|under|below|up\\s+to|within|max(?:imum)?|at\\s+most|no\\s+more\\s+than|not\\s+more\\s+than|less\\s+than|cheaper\\s+than|budget(?:\\s+of)?)`;
const AMOUNT = `\\d+(?:\\s\\d{3})*(?:[.,]\\d+)?(?:(?:к|k)(?!\\p{L})|\\s*(?:тыс\\.?|тысяч\\p{L}*))?`;
const CURRENCY = `(?:₽|руб\\p{L}*\\.?|rub\\p{L}*|roubles?|р\\.?(?!\\p{L}))`;
const PRICE_PHRASES_G = [
  new RegExp(`${B}${BOUND_WORDS}\\s*(?:₽\\s*)?${AMOUNT}\\s*${CURRENCY}?`, 'giu'),
  new RegExp(`${B}${AMOUNT}\\s*${CURRENCY}`, 'giu'),
];

/** The product words of a search ("найди безлактозное молоко в Купере" -> "молоко"). */
export function extractProductText(text: string): string | undefined {
  // A need ("что-нибудь сладкое к чаю", "от головной боли") says what it is for, never which product.
  let rest = withoutNeed(withoutAgeAndContractions(text)).replace(AROUND_WORKOUT_G, ' ');
  for (const pattern of TAG_PATTERNS_G) rest = rest.replace(pattern, ' ');
  rest = rest.replace(AVOID_G, ' ');
  for (const pattern of SERVICE_PHRASES_G) rest = rest.replace(pattern, ' ');
  for (const pattern of PRICE_PHRASES_G) rest = rest.replace(pattern, ' ');
  let previous = '';
  while (previous !== rest) {
    previous = rest;
    rest = rest.replace(SEARCH_NOISE_G, ' ');
  }
  // "корм для кошек" keeps its words; "cat food" keeps "food" too, but "vegan food" alone names no product.
  const words = (text: string) => text.replace(/[?!.,;:«»"'“”]/g, ' ').split(/\s+/).filter((w) => w && wordToNumber(w) === undefined && !UNIT.test(w));
  const specific = words(rest.replace(GENERIC_G, ' '));
  const kept = specific.some(meaningful) ? words(rest) : specific;
  // "cheese for" / "for cheese": a function word at either end belongs to the request, not the product.
  while (kept.length > 0 && !meaningful(kept[0]!) && !GENERIC_WORD.test(kept[0]!)) kept.shift();
  while (kept.length > 0 && !meaningful(kept[kept.length - 1]!) && !GENERIC_WORD.test(kept[kept.length - 1]!)) kept.pop();
  const cleaned = kept.join(' ');
  return cleaned.length >= 2 ? cleaned : undefined;
}

/** Words a short follow-up is made of besides what it adds ("а есть такие же …?", "and … ones?", "what about …?"). */
const FOLLOW_UP_FILLER = new Set([
  'а', 'и', 'ну', 'есть', 'ли', 'у', 'вас', 'такие', 'такой', 'такая', 'такое', 'такую', 'же', 'тоже', 'только', 'бы', 'мне', 'нужны', 'нужен',
  'нужна', 'покажи', 'пожалуйста', 'найдутся', 'найдется', 'найдётся', 'варианты', 'вариант', 'самые', 'самый', 'самая', 'самое',
  'and', 'what', 'about', 'how', 'any', 'ones', 'one', 'the', 'do', 'you', 'have', 'there', 'are', 'is', 'please', 'only', 'some', 'in', 'got',
]);

/** Adjectives that name no property of the last product but another list ("а другие?") or a product ("а мороженое?"). */
const NOT_A_PROPERTY = /^(?:перв|втор|трет|четв|пят|послед|друг|остальн|следующ|похож|люб|все|разн|какие|каких|мороженое|пирожное|жаркое|шампанское|горячее|первое|второе|сладкое|насекомое)/u;

/** A Russian adjective by its ending ("беспроводные", "красный", "синие"), not a noun in -ние ("оборудование"). */
const RU_ADJECTIVE = /^\p{L}{2,}(?:ые|ый|ий|ой|ая|яя|ое|ее|ую|юю|ие|ого|его|ых|их)$/u;

/** English words that describe a product rather than name one. */
const EN_PROPERTY = /^(?:wireless|wired|bluetooth|waterproof|portable|smaller|small|bigger|big|larger|large|lighter|light|mini|compact|red|black|white|blue|green|pink|grey|gray|silver|gold|yellow|purple|beige|brown|orange|transparent|noise-cancelling|kids?)$/iu;

// Compiled and listed once: these run on every message.
const CHEAPEST_G = new RegExp(CHEAPEST.source, 'giu');
const PROPERTY_NOISE_G = [...TAG_PATTERNS_G, ...SERVICE_PHRASES_G, ...PRICE_PHRASES_G, ...OCCASIONS_G];

/**
 * What a short follow-up adds to the last request when it names no product of its own: "а беспроводные?" ->
 * "беспроводные", "а подешевле есть красные?" -> "красные", "and wireless ones?" -> "wireless", "а с шумоподавлением?"
 * -> "с шумоподавлением". Undefined when it names a product ("а чайник?"), refers to a card or adds nothing.
 */
export function extractProperties(text: string): string | undefined {
  let rest = text.toLowerCase().replace(/ё/g, 'е');
  for (const pattern of PROPERTY_NOISE_G) rest = rest.replace(pattern, ' ');
  rest = rest.replace(CHEAPEST_G, ' ').replace(/(?:по)?деш[её]вле|cheaper/giu, ' ');
  const words = rest.replace(/[?!.,;:«»"'“”]/g, ' ').split(/\s+/).filter((w) => w && !FOLLOW_UP_FILLER.has(w));
  if (words.length === 0 || words.length > 4) return undefined;
  const kept: string[] = [];
  for (let i = 0; i < words.length; i += 1) {
    const word = words[i]!;
    // "с шумоподавлением", "with a case": what it comes with is a property too.
    if ((word === 'с' || word === 'со' || word === 'with') && words[i + 1]) {
      kept.push(`${word} ${words[i + 1]}`);
      i += 1;
    } else if (RU_ADJECTIVE.test(word) && !NOT_A_PROPERTY.test(word)) kept.push(word);
    else if (EN_PROPERTY.test(word)) kept.push(word);
    else return undefined;
  }
  return kept.join(' ');
}

/** "к нему", "для неё", "for it": an accessory for the item just talked about. */
const FOR_IT = re(`${B}(?:(?:к|для|под)\\s+(?:нему|ней|ним|него|нее|неё|этому|этой|этим|этих|них)|for\\s+(?:it|them|this(?:\\s+one)?|that(?:\\s+one)?|these|those))${E}`);

/** The product asked for to go with the item just talked about ("а чехол к нему есть?" -> "чехол"), or undefined. */
export function extractAccessoryForIt(text: string): string | undefined {
  if (!FOR_IT.test(text)) return undefined;
  return extractProductText(text.replace(FOR_IT_G, ' '));
}

const FOR_IT_G = new RegExp(FOR_IT.source, 'giu');
