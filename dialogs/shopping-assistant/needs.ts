import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import { WORD_END as E, WORD_START as B } from './word-bounds.ts';

/**
 * Common needs a shopper states without naming a product ("подарок ребёнку", "от головной боли"), each with the
 * shelf that answers it. The words are the dialog's own knowledge; the catalog decides what is on the shelf.
 */
interface NeedDefinition {
  id: string;
  /** How shoppers say it, in Russian and English. */
  said: RegExp;
  /** What answers it, matched against the category path and both titles. */
  answers: RegExp;
  /** Catalog tags that answer it as well ("kids"). */
  tags?: readonly string[];
  /** Shelves shown first within the answer (a dog's food before its leads). */
  first?: RegExp;
  /** Pets' shelves answer it (only the pet needs). */
  pets?: boolean;
}

const re = (source: string) => new RegExp(source.replaceAll('\\b', E), 'iu');

const CHILD_RU = 'реб[её]н\\p{L}*|дет(?:ям|ей|и|ский|ское|ская)?|сын\\p{L}*|доч\\p{L}*|малыш\\p{L}*|внук\\p{L}*|внучк\\p{L}*|мальчик\\p{L}*|девочк\\p{L}*|племянни\\p{L}*';
const CHILD_EN = "child(?:ren)?|kids?|son|daughter|boy|girl|baby|toddler|grandchild|grandson|granddaughter|nephew|niece";

/** "для ребёнка", "малышу", "for my kid": who the goods are for, in the forms that follow "для" / "for" or stand alone. */
const KID_FOR_RU = 'реб[её]нка|реб[её]нку|детей|детям|малыша|малышу|малышки|малышке|малышей|сына|сыну|дочки|дочке|дочери|внука|внуку|внучки|внучке';
const KID_FOR_EN = 'kids?|child(?:ren)?|baby|babies|toddlers?|little\\s+ones?|son|daughter';
/** "для собаки", "for my dog". */
const DOG_FOR_RU = 'собак\\p{L}*|пс(?:а|у|ом)|щенк\\p{L}*|п[её]сика';
const DOG_FOR_EN = 'dogs?|pupp(?:y|ies)|doggy';
const CAT_FOR_RU = 'кош(?:ки|ке|ку|кой|ек|кам)|кот(?:а|у|ов|ам|ика|ику|ят|ёнка|енка)';
const CAT_FOR_EN = 'cats?|kittens?|kitty';
/** Words that ask for goods without naming a product: "что-нибудь для…", "what for…", "breakfast for…". */
const ANY_RU = 'что(?:-нибудь|-то|-либо)?|чего-нибудь|чего-то|товар\\p{L}*|завтрак\\p{L}*|обед\\p{L}*|ужин\\p{L}*|перекус\\p{L}*|ед[ауы]|покуп\\p{L}*';
const ANY_EN = "what(?:'s)?|something|anything|stuff|things|goods|products|breakfast|lunch|dinner|snacks?|food|buy|get";
const OWNER = '(?:мо(?:ей|его|ему|ей|им)\\s+|наш(?:ей|его|ему|им)\\s+|(?:my|our|the|a)\\s+(?:little\\s+)?)?';

/** "что-нибудь для ребёнка", "что взять собаке", "what for my dog?", "something for the baby". */
function forWhom(ru: string, en: string): string {
  return `${B}(?:(?:${ANY_RU})\\s+(?:\\p{L}+\\s+){0,3}?(?:для\\s+)?${OWNER}(?:${ru})\\b|(?:${ANY_EN})\\s+(?:\\p{L}+\\s+){0,3}?for\\s+${OWNER}(?:${en})\\b)`;
}

/** Grown-ups a gift is for ("маме", "коллеге", "for my dad"). */
const ADULT_RU = 'мам\\p{L}*|пап\\p{L}*|мат(?:ери|ерью)|отц\\p{L}*|муж\\p{L}*|жен(?:е|ы|у|ой)|бабушк\\p{L}*|дедушк\\p{L}*|коллег\\p{L}*|начальни\\p{L}*|руководител\\p{L}*|друг(?:у|а)|подруг\\p{L}*|девушк\\p{L}*|парн(?:ю|я)|брат\\p{L}*|сестр\\p{L}*|тёщ\\p{L}*|тещ\\p{L}*|свекров\\p{L}*|свекр\\p{L}*|учител\\p{L}*|врач\\p{L}*|сосед\\p{L}*|родител\\p{L}*|взросл\\p{L}*';
const ADULT_EN = "mum|mom|mother|mummy|mommy|dad|daddy|father|parents?|wife|husband|colleagues?|co-?workers?|boss|friend|girlfriend|boyfriend|partner|grandma|grandmother|grandpa|grandfather|sister|brother|teacher|mother-in-law|father-in-law|neighbou?r|adults?";
/** Holidays gifts are given on: 8 March, 23 February, New Year, birthdays, anniversaries. */
const GIFT_DAY_RU = '8\\s*марта|восьмое\\s+марта|23\\s*февраля|нов(?:ый|ому)\\s+год\\p{L}*|новогодн\\p{L}*|д(?:ень|ню|нём)\\s+рождени\\p{L}*|др(?![\\p{L}])|юбиле\\p{L}*|годовщин\\p{L}*|день\\s+матери|день\\s+святого\\s+валентина|14\\s*февраля|рождеств\\p{L}*';
const GIFT_DAY_EN = "8(?:th)?\\s+(?:of\\s+)?march|march\\s+8(?:th)?|women'?s\\s+day|23(?:rd)?\\s+(?:of\\s+)?february|defender'?s\\s+day|new\\s+year'?s?|christmas|xmas|birthday|anniversary|valentine'?s?(?:\\s+day)?|mother'?s\\s+day|father'?s\\s+day";

const NEEDS: readonly NeedDefinition[] = [
  {
    id: 'kids_gift',
    said: re(`${B}(?:подар\\p{L}*\\s+(?:для\\s+|на\\s+\\p{L}+\\s+)?(?:${CHILD_RU})|(?:${CHILD_RU})\\s+(?:на\\s+)?(?:в\\s+)?подар\\p{L}*|игрушк\\p{L}*(?:\\s+для)?\\s+(?:${CHILD_RU})|(?:gift|present|toy)s?\\s+for\\s+(?:a\\s+|an\\s+|my\\s+|the\\s+|our\\s+)?(?:\\d+[- ]year[- ]old\\s+)?(?:${CHILD_EN})\\b|(?:${CHILD_EN})(?:'s)?\\s+(?:gift|present|toy)s?\\b)`),
    answers: /(?:^|\/)(?:Игрушк|Конструктор|Toys?)|игрушк|конструктор|\blego\b|\btoys?\b/i,
  },
  {
    // After kids_gift: "подарок сыну" is a child's; every other gift ("маме на 8 марта", "коллеге", "на день рождения") a grown-up's.
    id: 'adult_gift',
    said: re(`${B}(?:(?:подар\\p{L}*|сувенир\\p{L}*)\\s+(?:\\p{L}+\\s+){0,3}?(?:для\\s+|на\\s+|к\\s+)?(?:${ADULT_RU}|${GIFT_DAY_RU})|(?:${ADULT_RU})\\s+(?:на\\s+|к\\s+)?(?:\\p{L}+\\s+)?(?:в\\s+)?подар\\p{L}*|что\\s+(?:бы\\s+)?(?:мне\\s+)?подарить|(?:на|к)\\s+(?:${GIFT_DAY_RU})\\s+(?:\\p{L}+\\s+){0,2}?подар\\p{L}*|(?:gifts?|presents?)\\s+(?:idea\\s+)?(?:for\\s+|to\\s+)(?:a\\s+|an\\s+|my\\s+|the\\s+|our\\s+)?(?:${ADULT_EN}|${GIFT_DAY_EN})\\b|(?:${ADULT_EN}|${GIFT_DAY_EN})(?:'s)?\\s+(?:gifts?|presents?)\\b|what\\s+(?:should|could|can|to)\\s+(?:i\\s+)?(?:get|give|buy)\\s+(?:my\\s+|a\\s+|our\\s+)?(?:${ADULT_EN})\\b)`
      // Recipients and holidays around the gift ("папе на 23 февраля") are part of the need, never product words ("марта").
      + `(?:\\s+(?:(?:для|на|к|ко|for|on|to)\\s+)?(?:(?:the|a|an|my|her|his|our)\\s+)?(?:${ADULT_RU}|${GIFT_DAY_RU}|${ADULT_EN}|${GIFT_DAY_EN})\\b)*`),
    // Shelves that make a present for a grown-up: sweets in boxes, tea and coffee, perfume and cosmetics, flowers,
    // gadgets and small appliances, tableware and home textiles; never groceries, medicine or alcohol (no age check here).
    answers: /(?:^|\/)(?:Сладости|Шоколад|Конфеты|Кофе и чай|Чай|Кофе|Парфюмерия|Косметика|Красота|Цветы|Подарки|Наушники|Умные часы|Техника для кухни|Чайники|Посуда|Текстиль|Sweets|Chocolate|Tea|Coffee|Perfume|Cosmetics|Beauty|Flowers|Gifts|Headphones|Smart watches|Kitchen appliances|Tableware)(?:\/|$| )/iu,
  },
  {
    // After the gifts: "что-нибудь для ребёнка на завтрак" is for a child, not a present.
    id: 'kids',
    said: re(forWhom(KID_FOR_RU, KID_FOR_EN)),
    answers: /(?:^|\/)(?:Детские товары|Детское питание|Baby|Kids)|детск|для детей|для малыш|(?<!\p{L})(?:baby|kids|children'?s|toddler|infant)(?!\p{L})/iu,
    tags: ['kids'],
  },
  {
    id: 'pet_dog',
    said: re(forWhom(DOG_FOR_RU, DOG_FOR_EN)),
    answers: /для собак|собак|щен|(?<!\p{L})(?:dogs?|pupp(?:y|ies))(?!\p{L})/iu,
    first: /(?:^|\/)Корм|(?<!\p{L})food(?!\p{L})/iu,
    pets: true,
  },
  {
    id: 'pet_cat',
    said: re(forWhom(CAT_FOR_RU, CAT_FOR_EN)),
    answers: /для кош|кошач|котят|(?<!\p{L})(?:cats?|kittens?)(?!\p{L})/iu,
    first: /(?:^|\/)Корм|(?<!\p{L})food(?!\p{L})/iu,
    pets: true,
  },
  {
    id: 'pain',
    said: re(`${B}(?:(?:от|при)\\s+(?:головн\\p{L}*\\s+|зубн\\p{L}*\\s+|мышечн\\p{L}*\\s+)?бол(?:и|ь|ей)\\b|голов\\p{L}*\\s+бол(?:и|ь|ит)\\b|болит\\s+(?:голова|зуб)|обезбол\\p{L}*|headaches?\\b|pain\\s*killers?\\b|pain\\s+relie\\p{L}*|for\\s+(?:the\\s+|a\\s+)?pain\\b)`),
    answers: /обезбол|ибупрофен|парацетамол|аспирин|нурофен|цитрамон|анальгин|painkill|pain relie|ibuprofen|paracetamol|aspirin|nurofen/i,
  },
  {
    id: 'sweets',
    said: re(`${B}(?:(?:что-нибудь\\s+|чего-нибудь\\s+|что-то\\s+)?сладк(?:ое|ого|енькое|енького)\\b|сладост\\p{L}*|десерт\\p{L}*|вкусняшк\\p{L}*\\s+к\\s+чаю|к\\s+чаю|(?:something\\s+)?sweet(?:s|ie|ies)?\\b(?!\\s+(?:potato|corn|pepper|chili))|desserts?\\b|(?:for|with)\\s+(?:the\\s+|my\\s+)?tea\\b)`),
    // By shelf first: a chocolate oat drink or chocolate cereal is no sweet for tea.
    answers: /(?:^|\/)(?:Сладости|Десерты|Кондитерск|Мороженое|Печенье|Шоколад|Конфеты|Торты|Sweets|Desserts)|(?<!\p{L})(?:конфет|печень|пряник|торт|пирожн|мармелад|зефир|пастил|вафл|халв)/iu,
  },
  {
    id: 'cold',
    said: re(`${B}(?:(?:от|при)\\s+(?:простуд\\p{L}*|гриппа?|насморк\\p{L}*|кашл\\p{L}*)|for\\s+(?:a\\s+|the\\s+)?(?:cold|flu|cough|runny\\s+nose)\\b|cold\\s+(?:medicine|remed\\p{L}*)\\b)`),
    answers: /простуд|грипп|насморк|кашл|\bcold\b|\bflu\b|cough/i,
  },
];

/** Pets' shelves answer none of these needs ("игрушка для собак" is no gift for a child). */
const PETS = /зоо|для (?:собак|кошек|животных)|\bpets?\b|\bdogs?\b|\bcats?\b/i;

/** The need a message states, if any ("нужен подарок ребёнку до 3000" -> kids_gift). */
export function extractNeed(text: string): string | undefined {
  return NEEDS.find((need) => need.said.test(text))?.id;
}

/** The message without the words that state the need, so they never become a product query. */
export function withoutNeed(text: string): string {
  let rest = text;
  for (const said of NEEDS_SAID_G) rest = rest.replace(said, ' ');
  return rest;
}

// Compiled once: this runs on every message.
const NEEDS_SAID_G = NEEDS.map((need) => new RegExp(need.said.source, 'giu'));

const cache = new WeakMap<CatalogItem, Map<string, boolean>>();

/** Whether the item answers the need (remembered per item: catalog items are immutable values). */
export function suitsNeed(item: CatalogItem, need: string | undefined): boolean {
  if (!need) return false;
  let known = cache.get(item);
  if (!known) cache.set(item, (known = new Map()));
  let suits = known.get(need);
  if (suits === undefined) {
    const definition = NEEDS.find((n) => n.id === need);
    const text = `${item.category} ${item.title.ru} ${item.title.en ?? ''}`;
    const tagged = (definition?.tags ?? []).some((tag) => (item.tags ?? []).includes(tag));
    suits = definition !== undefined && (tagged || definition.answers.test(text)) && Boolean(definition.pets) === PETS.test(text);
    known.set(need, suits);
  }
  return suits;
}

/** 0 for the shelves a need shows first (a dog's food before its leads), 1 for the rest of its answer. */
export function needOrder(item: CatalogItem, need: string | undefined): number {
  const first = NEEDS.find((n) => n.id === need)?.first;
  return first && first.test(`${item.category} ${item.title.en ?? ''}`) ? 0 : 1;
}

/** Needs answered only by food ("для ребёнка на завтрак" is baby food, not nappies): an occasion makes them so. */
export function needsFood(need: string | undefined, occasion: string | undefined): boolean {
  return need === 'kids' && occasion !== undefined;
}
