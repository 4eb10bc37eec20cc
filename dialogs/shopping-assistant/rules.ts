import type { Locale } from '../../core/activity.ts';
import { isCorrection } from '../../core/dialog/corrections.ts';
import { numbersIn } from '../../core/dialog/numbers.ts';
import { findItemReference } from '../../core/dialog/references.ts';
import type { IntentScore } from '../../core/nlu/recognizer.ts';
import {
  extractAccessoryForIt, extractAvoidedWords, extractBudget, extractExcludedTags, extractOccasion, extractPeople, extractProductText, extractRecommendText, extractProperties,
  extractRequiredTags, extractService,
} from './extract.ts';
import { namedProducts } from './compare-names.ts';
import { asksWhatGoesWith } from './goes-with-words.ts';
import { WHICH_CHEAPER } from './flows/cheapest-shown.ts';
import { WHICH_BETTER } from './flows/compare-verdict.ts';
import { extractNeed } from './needs.ts';
import { petChange } from './pets.ts';
import { SET_QUANTITY } from './quantity-change.ts';
import type { ShopMemory } from './shop-memory.ts';
import { allExceptPart, namedShown, withoutPart } from './shown-refs.ts';
// `\b` only knows ASCII letters, so every pattern gets Unicode-aware word boundaries.
import { unicodeWordPattern as w } from './word-bounds.ts';

const WHICH_BETTER_G = new RegExp(WHICH_BETTER.source, 'giu');

type Rule = [intent: string, pattern: RegExp, confidence: number];

/** High-precision phrasings, checked in order. The recognizer still wins when it is more confident. */
const RULES: readonly Rule[] = [
  // Before cancel and erasure: "забудь, что я веган" takes one preference back, it forgets nothing else. Decisive (1):
  // the recognizer reads "я теперь ем мясо" as stating a diet, however sure it is.
  ['forget_preference', w('\\bзабудь\\p{L}*,?\\s+(?:(?:что|про|о|об)(?![\\p{L}])(?!\\s+(?:этом|том|всём|всем|мне)(?![\\p{L}]))|мои\\s+(?:предпочтени|ограничени))|\\bя\\s+(?:больше|уже)\\s+не\\s+(?:веган|вегетариан|соблюдаю|на\\s+диете)|\\bне\\s+учитывай\\p{L}*,?\\s+(?:что|мо)|\\b(?:удали|убери|сотри|сбрось|очисти|отмени)\\p{L}*\\s+(?:вс[её]\\s+)?(?:мои\\s+|мо[её]\\s+)?(?:предпочтени|ограничени)|\\b(?:снова|опять|теперь)\\s+ем\\b|\\bforget\\s+(?:that\\s+i|about\\s+(?:my|the)|my\\s+(?:preferences|diet))|\\bi\'?m\\s+(?:not\\s+(?:a\\s+)?(?:vegan|vegetarian)\\s+any\\s*more|no\\s+longer)|\\bi\\s+am\\s+no\\s+longer|\\b(?:remove|delete|clear|reset|drop)\\s+(?:all\\s+)?(?:my\\s+)?(?:dietary\\s+)?(?:preferences|restrictions|diet)|\\beat\\s+\\p{L}+\\s+again\\b'), 1],
  // A whole message of apology ("сорри", "извини, я ошибся", "my bad"): "прости" is no search for "Простоквашино".
  ['apology', w('^\\s*(?:ой,?\\s+|oh,?\\s+)?(?:извин\\p{L}*|прости(?:те)?|сорри|сори|сорян|пардон|виноват\\p{L}*|sorry|so\\s+sorry|my\\s+bad|my\\s+mistake|apologies|oops|whoops)\\b[\\s,.!]*(?:(?:пожалуйста|please|я\\s+ошиб\\p{L}*|ошиб\\p{L}*|опечатк\\p{L}*|это\\s+я\\s+случайно|случайно|не\\s+то\\s+(?:написал\\p{L}*|нажал\\p{L}*)|не\\s+туда\\s+нажал\\p{L}*|i\\s+made\\s+a\\s+(?:mistake|typo)|typo|wrong\\s+(?:button|message|chat))[\\s,.!]*)*$'), 0.95],
  ['cancel', w('^\\s*(?:отмен\\p{L}*|стоп|хватит|не\\s+надо|забудь\\s+(?:это|об\\s+этом)|cancel|never\\s*mind|stop|forget\\s+it|quit)\\b[\\s.!]*$'), 0.95],
  ['erase_data', w('\\b(?:удали\\p{L}*|сотри|стереть|очисти\\p{L}*)\\s+(?:\\p{L}+\\s+)?(?:мои|мою|все\\s+мои|всю\\s+мою)?\\s*(?:данные|информаци\\p{L}*|историю|профиль)|забудь\\s+(?:вс[её]\\s+)?обо\\s+мне|(?:erase|delete|remove|wipe)\\s+(?:all\\s+)?(?:my\\s+)?(?:data|information|profile|history)|forget\\s+(?:everything\\s+about\\s+)?me\\b'), 0.92],
  ['withdraw_consent', w('\\b(?:отзыва\\p{L}*|отозвать|отзови)\\s+(?:\\p{L}+\\s+)?согласи\\p{L}*|не\\s+используй\\p{L}*\\s+(?:мо\\p{L}+\\s+)?(?:истори\\p{L}*|данны\\p{L}*|покупк\\p{L}*)|withdraw\\s+(?:my\\s+)?consent|revoke\\s+(?:my\\s+)?consent|stop\\s+using\\s+my|(?:don\'?t|do\\s+not)\\s+use\\s+my\\s+(?:data|history|purchases)'), 0.92],
  ['what_do_you_know', w('\\bчто\\s+(?:ты|вы)\\s+(?:обо\\s+мне|про\\s+меня|знаешь\\s+обо\\s+мне|знаете\\s+обо\\s+мне)|(?:знаешь|знаете)\\s+(?:обо\\s+мне|про\\s+меня)|какие\\s+(?:у\\s+(?:тебя|вас)\\s+)?(?:есть\\s+)?данные\\s+(?:обо\\s+мне|про\\s+меня)|what\\s+do\\s+you\\s+know\\s+about\\s+me|what\\s+data\\s+do\\s+you\\s+(?:have|keep|store)|what\\s+you\\s+know\\s+about\\s+me'), 0.92],
  ['switch_language', w('\\b(?:по-?английски|на\\s+английск\\p{L}*|английский|по-?русски|на\\s+русск\\p{L}*|english\\s+please|switch\\s+to\\s+(?:english|russian)|in\\s+(?:english|russian)|speak\\s+(?:english|russian)|(?:давай|перейд\\p{L}*|переключ\\p{L}*)\\s+на\\s+(?:английский|русский))'), 0.92],
  ['compare', w('\\bсравн\\p{L}*|\\b(?:какой|какое|какая|какую|что)\\s+из\\s+(?:них|двух|этих)\\b|\\bчто\\s+выгоднее\\b|\\bwhich\\s+(?:one\\s+|of\\s+(?:them|these|the\\s+two)\\s+)?is\\s+(?:better|cheaper|a\\s+better\\s+deal)\\b|\\bчем\\s+(?:\\p{L}+\\s+){0,3}?отлича\\p{L}*|\\bв\\s+ч[её]м\\s+(?:\\p{L}+\\s+)?(?:разниц|отличи)\\p{L}*|\\bкакая\\s+(?:между\\s+ними\\s+)?разница|\\bcompare\\b|\\bcomparison\\b|\\bdifferen(?:ce|t)\\b|\\bdiffer\\b|\\bversus\\b|\\bvs\\b|\\bside\\s+by\\s+side\\b'), 0.9],
  ['why_recommended', w('^\\s*(?:а\\s+)?почему\\b|\\bзачем\\s+(?:ты\\s+)?(?:это|предложил\\p{L}*|советуешь)|\\bза\\s+что\\s+(?:ты\\s+)?(?:его|её|это)|^\\s*(?:and\\s+)?why\\b|\\bwhy\\s+(?:this|that|did\\s+you|is\\s+it|the)\\b'), 0.9],
  ['view_cart', w('\\bчто\\s+(?:у\\s+меня\\s+)?в\\s+корзин\\p{L}*|\\bпокажи\\s+корзин\\p{L}*|\\bмоя\\s+корзин\\p{L}*|^\\s*корзин\\p{L}*\\s*\\??$|what\'?s\\s+in\\s+(?:my|the)\\s+(?:cart|basket)|\\bshow\\s+(?:me\\s+)?(?:my\\s+|the\\s+)?(?:cart|basket)|\\bview\\s+(?:my\\s+|the\\s+)?cart|^\\s*(?:my\\s+)?(?:cart|basket)\\s*\\??$'), 0.92],
  ['checkout', w('\\bоформ\\p{L}*|\\bчекаут|\\bк\\s+оплате|\\bcheck\\s*out|\\bplace\\s+(?:the\\s+|my\\s+)?order|\\bproceed\\s+to\\s+(?:checkout|payment)'), 0.88],
  ['remove_from_cart', w('\\b(?:убери\\p{L}*|удали\\p{L}*|выкинь|выброси|убрать|удалить|remove|delete|take\\s+out|drop)\\b|\\bочисти\\p{L}*\\s+корзин\\p{L}*|\\bclear\\s+(?:the\\s+|my\\s+)?(?:cart|basket)|\\bempty\\s+(?:the\\s+|my\\s+)?(?:cart|basket)'), 0.86],
  ['cheaper', w('\\b(?:подешевле|дешевле|бюджетнее|подешевл\\p{L}*|cheaper|less\\s+expensive|more\\s+affordable|lower\\s+price)\\b'), 0.95],
  // "покажи ещё", "ещё варианты", "more options": the next cards. "ещё две такие" / "one more" are added below.
  ['show_more', w('^\\s*(?:а|и|ну|ok|okay|ok,)?\\s*(?:покажи(?:те)?|дай(?:те)?|дальше|давай(?:те)?|предложи|есть)?\\s*(?:ещ[её]|больше|другие|остальные|следующие|дальше)\\s*(?:(?:вариант\\p{L}*|товар\\p{L}*|что-нибудь|что-то|позици\\p{L}*|есть|пожалуйста|покажи)\\s*)*[\\s?!.]*$|\\b(?:ещ[её]|другие|остальные|следующие)\\s+(?:вариант\\p{L}*|предложени\\p{L}*)|\\bследующ\\p{L}*\\s+страниц\\p{L}*|^\\s*(?:(?:show|give|see)\\s+(?:me\\s+|us\\s+)?(?:some\\s+)?)?more(?:\\s+(?:options|results|choices|items|products|suggestions|ideas|please))*[\\s?!.]*$|\\b(?:more|other|next)\\s+(?:options|results|choices|suggestions)\\b|\\bnext\\s+(?:page|ones)\\b|\\bshow\\s+(?:me\\s+)?(?:the\\s+)?(?:rest|others)\\b|^\\s*any\\s+(?:more|others)\\b|^\\s*(?:а\\s+|so\\s+|and\\s+)?(?:что\\s+ещ[её](?:\\s+есть)?|what\\s+else(?:\\s+(?:do\\s+you\\s+have|is\\s+there|have\\s+you\\s+got))?|next(?:\\s+please)?)[\\s?!.]*$'), 0.93],
  ['reorder', w('\\bповтор\\p{L}*|\\bкак\\s+в\\s+прошлый\\s+раз|\\bобычн\\p{L}*\\s+заказ|\\bкак\\s+обычно|\\breorder|\\brepeat\\s+(?:my\\s+|the\\s+)?(?:last\\s+|usual\\s+)?order|\\bsame\\s+as\\s+(?:last\\s+time|before|usual)|\\bmy\\s+usual\\b|\\bas\\s+usual\\b|\\bas\\s+last\\s+time'), 0.9],
  ['add_to_cart', w('\\b(?:добав\\p{L}*|положи|возьм\\p{L}*|беру|закинь|кинь|докинь|в\\s+корзину|add|put|i\'?ll\\s+take|take\\s+(?:the|it|this|that|them)|buy\\s+(?:the|it|this|that))\\b|\\bещ[её]\\s+(?:\\p{L}+\\s+)?(?:так\\p{L}+|одн\\p{L}+|штук\\p{L}*)|\\b(?:more\\s+of\\s+(?:these|those|them|it|this)|another\\s+(?:one|two|three)|(?:one|two|three)\\s+more)\\b'), 0.86],
  ['feedback_negative', w('\\b(?:не\\s+люблю|не\\s+нравится|не\\s+нравятся|не\\s+подходит|не\\s+подходят|терпеть\\s+не\\s+могу|ненавижу|не\\s+то\\b|не\\s+хочу\\s+(?:это|такое|его)|don\'?t\\s+like|do\\s+not\\s+like|not\\s+for\\s+me|doesn\'?t\\s+suit|does\\s+not\\s+suit|i\\s+hate|dislike|not\\s+what\\s+i\\s+want)'), 0.88],
  ['search_product', w('^\\s*(?:пожалуйста,?\\s+)?(?:найди\\p{L}*|найти|поищи\\p{L}*|ищу|поиск|есть\\s+ли|у\\s+вас\\s+есть|где\\s+купить|find|search|look\\s+for|looking\\s+for|do\\s+you\\s+have|have\\s+you\\s+got|i\'?m\\s+looking\\s+for)\\b'), 0.88],
  ['state_preference', w('^\\s*я\\s+(?:веган\\p{L}*|вегетариан\\p{L}*|не\\s+ем|не\\s+пью|соблюдаю|на\\s+диете)|\\bаллерги\\p{L}*|^\\s*(?:без|no)\\s+\\p{L}+(?:\\s*,?\\s*(?:пожалуйста|please))?\\s*[.!]?$|^\\s*(?:only\\s+)?(?:nut|gluten|lactose|dairy|meat|sugar|alcohol)[- ]free(?:\\s*,?\\s*(?:only|food|please))*\\s*[.!]?$|\\bi\'?m\\s+(?:a\\s+)?(?:vegan|vegetarian)|\\bi\\s+am\\s+(?:a\\s+)?(?:vegan|vegetarian)|\\ballergic|\\bi\\s+(?:don\'?t|do\\s+not)\\s+eat|\\bi\\s+(?:eat|keep|follow)\\s+(?:only\\s+)?halal|\\bi\\s+(?:don\'?t|do\\s+not)\\s+drink'), 0.88],
  ['recommend', w('\\bчто\\s+(?:бы\\s+)?(?:мне\\s+|нам\\s+)?(?:взять|купить|приготовить|поесть|выбрать|заказать)|\\b(?:посоветуй\\p{L}*|порекомендуй\\p{L}*|подбери\\p{L}*|предложи\\p{L}*|подскажи\\p{L}*)|\\bрекомендаци\\p{L}*|\\brecommend\\p{L}*|\\bsuggest\\p{L}*|\\bwhat\\s+(?:should|could|can|shall)\\s+(?:i|we)\\s+(?:get|buy|cook|have|eat|order)|\\bideas?\\s+for|\\bsomething\\s+for\\s+(?:dinner|breakfast|lunch|a\\s+party)|\\bчто-нибудь\\s+(?:на|для|к)'), 0.88],
  // "хочу что-нибудь сладкое", "I want something tasty": a wish for a suggestion, not a product to look up.
  ['recommend', w('^\\s*(?:я\\s+)?(?:хочу|хотел\\p{L}*\\s+бы|i\\s+want|i\\s+would\\s+like|i\'?d\\s+like)\\s+(?:что-нибудь|что-то|чего-нибудь|чего-то|something|anything)\\b'), 0.88],
  ['search_product', w('^\\s*(?:я\\s+)?(?:хочу|хотел\\p{L}*\\s+бы|нужн\\p{L}*|мне\\s+нужн\\p{L}*|надо|i\\s+need|i\\s+want|i\\s+would\\s+like|i\'?d\\s+like|get\\s+me)\\b'), 0.6],
  ['recommend', w('^\\s*(?:покажи|show\\s+me)\\b.*\\b(?:продукт\\p{L}*|товар\\p{L}*|food|products|groceries)\\b'), 0.88],
  ['greet', w('^\\s*(?:/start|привет\\p{L}*|здравствуй\\p{L}*|добр\\p{L}+\\s+(?:день|утро|вечер)|доброе\\s+утро|хай|салют|hello|hi|hey|good\\s+(?:morning|afternoon|evening))\\b'), 0.86],
  ['goodbye', w('^\\s*(?:(?:спасибо,?\\s+)?пока|до\\s+свидания|до\\s+встречи|всего\\s+доброго|(?:thanks,?\\s+)?bye|goodbye|see\\s+you|that\'?s\\s+all)\\b'), 0.88],
  ['help', w('^\\s*/?(?:помощь|помоги\\p{L}*|справка|help)\\b|\\bчто\\s+(?:ты\\s+)?(?:умеешь|можешь)|\\bwhat\\s+can\\s+you\\s+do|\\bкак\\s+(?:это|ты)\\s+работает|\\bhow\\s+does\\s+(?:this|it)\\s+work'), 0.88],
  ['feedback_positive', w('^\\s*(?:спасибо|благодарю|отлично|супер|класс|здорово|круто|thanks|thank\\s+you|great|perfect|awesome|nice)\\b'), 0.8],
  ['confirm_yes', w('^\\s*(?:да|ага|угу|давай|конечно|yes|yeah|yep|sure|ok|okay)\\b[\\s.!]*(?:пожалуйста|please)?[\\s.!]*$'), 0.7],
  ['confirm_no', w('^\\s*(?:нет|неа|no|nope|nah)\\b[\\s.!,]*(?:спасибо|thanks)?[\\s.!]*$'), 0.7],
];

/** "купи мне айфон", "закажи гречку", "buy me X", "order X": the lead of a purchase request, before what it names. */
const BUY = w('^\\s*(?:(?:пожалуйста|please),?\\s+)?(?:купи(?:те)?|закажи(?:те)?|buy|order|purchase)\\b(?:\\s*,?\\s*(?:мне|нам|себе|пожалуйста|me|us|please|some))*\\s*,?\\s*\\p{L}');

/** "не, три": a colloquial "no" the core correction check does not read as one ("не" needs a space there). */
const COLLOQUIAL_NO = /^\s*(?:не|неа|nah)\s*,/iu;
/** "not this one", "not the second", "не это", "не второй": a card turned down, whole message ("not that expensive" is none). */
const NOT_THIS = w('^\\s*(?:no|nope|нет|не-а)?[\\s,]*(?:not|не)\\s+(?:this|that|it|these|those|the\\s+(?:first|second|third|fourth|fifth|last)|это(?:т|го)?|эти|эта|эту|то(?:т|го)?|те|та|ту|(?:перв|втор|трет|четв[её]рт|пят|последн)\\p{L}*)(?:\\s+(?:one|ones|вариант|товар))?[\\s.!]*$');

/**
 * "купи мне гречку" is a search; "закажи второе", "купи её" add what was shown. Undefined when the message
 * names nothing after the verb ("закажи", "order it" with nothing on screen).
 */
function purchase(text: string, shown: number): IntentScore | undefined {
  if (!BUY.test(text)) return undefined;
  if (shown > 0 && findItemReference(text)) return { name: 'add_to_cart', confidence: 0.9 };
  return extractProductText(text) ? { name: 'search_product', confidence: 0.9 } : undefined;
}

const OTHER_SERVICE = w('^\\s*(?:а|and|what\\s+about|how\\s+about)?\\s*(?:в|во|на|из|in|on|at|from)?\\s*(?:самокат\\p{L}*|купер\\p{L}*|мега\\s?маркет\\p{L}*|сбермаркет\\p{L}*|samokat|kuper|megamarket)\\s*(?:есть|тоже|\\?|there)?[\\s?!.]*$');

/** "до 500", "а на завтрак?", "только веганское": constraints and nothing that names a product. */
function constraintsOnly(text: string): boolean {
  const said = extractService(text) || extractOccasion(text) || extractPeople(text) || extractBudget(text)
    || extractRequiredTags(text).length || extractExcludedTags(text).length || extractAvoidedWords(text).length;
  return Boolean(said) && text.trim().split(/\s+/).length <= 8 && extractRecommendText(text) === undefined
    && !GENERIC.test(text);
}

const GENERIC = w('\\b(?:продукт\\p{L}*|товар\\p{L}*|еда|еду|food|products?|groceries)\\b');

/**
 * Recognizes the shopping intents from the words and the conversation: follow-ups to what was shown
 * ("а подешевле?", "а в Купере?", "возьми второе", "нет, три") are only understood in context.
 */
export function shoppingRules(text: string, _locale: Locale, raw: Record<string, unknown>): IntentScore | undefined {
  const memory = raw as Partial<ShopMemory>;
  const shown = memory.shown?.length ?? 0;
  if (memory.lastAdded && (isCorrection(text) || COLLOQUIAL_NO.test(text)) && numbersIn(text).length > 0 && !extractService(text)) {
    // Only understood in context (something was just added), so it outranks the recognizer's "нет" = no, however sure.
    return { name: 'cart_correction', confidence: 1 };
  }
  // "сделай три первого", "make it 3" with a cart: the quantity a line should have, never more of it added.
  if ((memory.cart?.length ?? 0) > 0 && SET_QUANTITY.test(text)) return { name: 'set_quantity', confidence: 1 };
  // "not this one" with cards on screen turns one down; its item reference is no order to add it.
  if (shown > 0 && NOT_THIS.test(text)) return { name: 'feedback_negative', confidence: 1 };
  const listed = aboutShownList(text, memory);
  if (listed) return listed;
  if (memory.last && OTHER_SERVICE.test(text)) return { name: 'other_service', confidence: 0.95 };
  // "какая дешевле?" with cards on screen asks which of them costs least, not for cheaper goods or a property "какая".
  if (shown >= 2 && WHICH_CHEAPER.test(text) && !extractService(text)) return { name: 'cheapest_shown', confidence: 1 };
  const followUp = followUpOnLast(text, memory);
  if (followUp) return followUp;
  // "у меня теперь собака, а не кошка", "I don't have a cat anymore": a standing fact about the shopper, however worded.
  // "у меня кошка, что-нибудь для кошки?": the pet is noted first, then its goods are shown (state_preference does both).
  if (petChange(text) && (extractNeed(text) ?? 'pet_').startsWith('pet_')) return { name: 'state_preference', confidence: 1 };
  // "какой лучше?" / "which one is better?" with cards on screen asks for a verdict on them (a product named is a new request).
  if (shown >= 2 && WHICH_BETTER.test(text) && !extractService(text) && !extractProductText(text.replace(WHICH_BETTER_G, ' '))) {
    return { name: 'compare', confidence: 1 };
  }
  // "compare iPhone and Samsung", "iphone vs galaxy": two products named for a side-by-side, never a search for both.
  if (namedProducts(text)) return { name: 'compare', confidence: 1 };
  const rule = RULES.find(([, pattern]) => pattern.test(text));
  // A need ("подарок ребёнку", "от головной боли") asks for a suggestion, however it is worded.
  if ((!rule || rule[0] === 'search_product' || rule[0] === 'recommend') && extractNeed(text)) return { name: 'recommend', confidence: 0.9 };
  // Naming a service ("сравни с Купером") asks for the same request there, not a side-by-side of two cards.
  if (rule?.[0] === 'compare' && memory.last && extractService(text)) return { name: 'other_service', confidence: 0.9 };
  const bought = !rule || rule[0] === 'search_product' || rule[0] === 'add_to_cart' ? purchase(text, shown) : undefined;
  if (bought) return bought;
  if (rule) {
    const [intent, , confidence] = rule;
    if ((intent === 'confirm_yes' || intent === 'confirm_no') && memory.offer) return { name: intent, confidence: 0.95 };
    return { name: intent, confidence };
  }
  const reference = findItemReference(text);
  if (shown > 0 && reference && reference.kind !== 'anaphor' && text.trim().split(/\s+/).length <= 4) {
    return { name: 'add_to_cart', confidence: 0.7 };
  }
  if (memory.last && constraintsOnly(text) && !newOccasionRequest(text)) return { name: 'refine', confidence: 0.85 };
  // "ужин на двоих до 1000р в Самокате", "dinner below 500 rubles": an occasion with its constraints is a request.
  if (extractOccasion(text) && (!memory.last || newOccasionRequest(text))) return { name: 'recommend', confidence: 0.87 };
  return undefined;
}

/**
 * Only understood in context, so decisive: "а беспроводные?" / "and wireless ones?" adds a property to the last
 * request (a follow-up naming a product of its own, "а чайник?", is a new one); "а чехол к нему есть?" asks for an
 * accessory to the item just talked about.
 */
function followUpOnLast(text: string, memory: Partial<ShopMemory>): IntentScore | undefined {
  const reference = findItemReference(text);
  if (memory.last && memory.last.kind !== 'reorder' && (!reference || reference.kind === 'anaphor') && extractProperties(text)) {
    return { name: 'refine_property', confidence: 1 };
  }
  const talkedAbout = memory.focus || memory.lastAdded || (memory.shown?.length ?? 0) > 0;
  if (talkedAbout && asksWhatGoesWith(text)) return { name: 'goes_with', confidence: 1 };
  return talkedAbout && extractAccessoryForIt(text) ? { name: 'accessory', confidence: 1 } : undefined;
}

/** A full occasion request rather than a follow-up ("а на завтрак?"): several words, not opened with "а"/"and". */
function newOccasionRequest(text: string): boolean {
  return Boolean(extractOccasion(text)) && text.trim().split(/\s+/).length >= 4 && !/^\s*(?:а|и|and|what\s+about|how\s+about)\s/iu.test(text);
}

/** "сколько это всё стоит?", "how much for all of them?", "итого?": what everything on screen (or in the cart) comes to. */
const TOTAL = w('\\bсколько\\b[^?]*?\\b(?:всего|вместе|в\\s+сумме|итого|за\\s+вс[её]|за\\s+все|за\\s+них|за\\s+список)\\b|\\bсколько\\s+(?:стоит|стоят|будет|выйдет|выходит|получится|получается)\\s+(?:вс[её]|они|это\\s+вс[её]|все\\s+они)\\b|\\b(?:общая\\s+(?:сумма|стоимость)|итого)\\b|\\bна\\s+какую\\s+сумму\\b|\\bhow\\s+much\\b.*\\b(?:all|altogether|in\\s+total|total|together|everything|them|these|those|the\\s+lot)\\b|\\bwhat(?:\'s|\\s+is|\\s+does|\\s+do)\\s+(?:the\\s+|it\\s+all\\s+|they\\s+|this\\s+|that\\s+)?(?:total|come\\s+to|add\\s+up\\s+to|cost\\s+altogether)\\b|\\b(?:total|sum)\\s+(?:price|cost)\\b|^\\s*(?:the\\s+)?total\\s*\\??\\s*$');

const CART_WORD = w('\\bкорзин\\p{L}*|\\b(?:cart|basket)\\b');

const ADD_VERB = w('\\b(?:добав\\p{L}*|положи|возьм\\p{L}*|беру|закинь|кинь|закажи|add|put|take|get|order|buy)\\b');

/**
 * Follow-ups about the list on screen, only understood in its context (so decisive): its total, "добавь всё кроме
 * второго", and "без молока" / "without the milk" leaving an item out of a usual order that is not in the cart yet.
 */
function aboutShownList(text: string, memory: Partial<ShopMemory>): IntentScore | undefined {
  const shown = memory.shown ?? [];
  const onScreen = memory.view === 'list' && shown.length > 0;
  if (TOTAL.test(text) && !extractService(text)) {
    if (onScreen && !CART_WORD.test(text)) return { name: 'shown_total', confidence: 1 };
    if ((memory.cart?.length ?? 0) > 0) return { name: 'view_cart', confidence: 0.95 };
    return undefined;
  }
  if (shown.length > 0 && ADD_VERB.test(text) && allExceptPart(text) !== undefined) return { name: 'add_to_cart', confidence: 1 };
  // A proposal to add as a whole (a usual order, a list whose total was asked): "без молока" edits it, it states no diet.
  const proposal = memory.last?.kind === 'reorder' || memory.offer?.intent === 'add_to_cart';
  const without = onScreen && proposal ? withoutPart(text) : undefined;
  if (without && namedShown(without, shown).length > 0) return { name: 'remove_from_cart', confidence: 1 };
  return undefined;
}
