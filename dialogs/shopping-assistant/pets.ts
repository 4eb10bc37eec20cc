import type { CatalogItem } from '../../core/catalog/catalog-item.ts';
import type { StatedPreference } from './ports.ts';
import { WORD_END as E, WORD_START as B } from './word-bounds.ts';

/** The pets whose goods the catalog shelves apart. */
export const PETS = ['cat', 'dog'] as const;
export type Pet = (typeof PETS)[number];


/** Every form of the pet's name, in Russian and English. */
const NAMES: Readonly<Record<Pet, string>> = {
  cat: 'кошк\\p{L}*|кошек|кот(?:а|у|ом|е|ы|ов|ик\\p{L}*|ёнок|енок|ята|ят)?|kittens?|kitty|cats?',
  dog: 'собак\\p{L}*|пс(?:а|у|ом)|п[её]с|п[её]сик\\p{L}*|щен(?:ок|к\\p{L}*)|dogs?|pupp(?:y|ies)|doggy',
};

const re = (source: string) => new RegExp(source, 'iu');

/** "у меня теперь собака", "завели щенка", "I have a dog now", "we got a puppy". */
function hasNow(pet: Pet): RegExp {
  const n = `(?:${NAMES[pet]})${E}`;
  return re(`${B}(?:у\\s+(?:меня|нас)\\s+(?:теперь|сейчас|уже|появил\\p{L}*)\\s+(?:есть\\s+)?(?:\\p{L}+\\s+)?${n}|(?:теперь|сейчас)\\s+у\\s+(?:меня|нас)\\s+(?:есть\\s+)?(?:\\p{L}+\\s+)?${n}|(?:завел\\p{L}*|взял\\p{L}*|появил\\p{L}*)\\s+(?:\\p{L}+\\s+)?${n}|(?:i|we)\\s+(?:now\\s+)?(?:have|'ve\\s+got|have\\s+got|got|adopted)\\s+(?:a\\s+|an\\s+)?(?:new\\s+)?(?:\\p{L}+\\s+)?${n}(?:\\s+now)?|(?:i|we)\\s+(?:have|got)\\s+(?:a\\s+)?${n})`);
}

/** "больше нет кошки", "а не кошка", "I don't have a cat anymore", "no more cat". */
function goneNow(pet: Pet): RegExp {
  const n = `(?:${NAMES[pet]})${E}`;
  return re(`${B}(?:(?:больше|уже)\\s+нет\\s+(?:\\p{L}+\\s+)?${n}|нет\\s+больше\\s+${n}|(?:а|но)\\s+не\\s+${n}|${n}\\s+(?:у\\s+(?:меня|нас)\\s+)?(?:больше|уже)\\s+нет|(?:don'?t|do\\s+not|no\\s+longer)\\s+(?:have|own)\\s+(?:a\\s+|an\\s+|my\\s+|the\\s+|any\\s+)?${n}|no\\s+(?:more\\s+)?${n}\\s+any\\s*more|(?:not|instead\\s+of)\\s+(?:a\\s+)?${n})`);
}

/** "у меня кошка", "у нас две собаки", "у меня есть кот": a pet stated as a fact, not as news ("нет", "не" say otherwise). */
function hasStated(pet: Pet): RegExp {
  return re(`${B}у\\s+(?:меня|нас)\\s+(?:есть\\s+)?(?:(?!(?:нет|не|больше|уже)${E})\\p{L}+\\s+)?(?:${NAMES[pet]})${E}`);
}

const HAS = Object.fromEntries(PETS.map((p) => [p, hasNow(p)])) as Record<Pet, RegExp>;
const STATED = Object.fromEntries(PETS.map((p) => [p, hasStated(p)])) as Record<Pet, RegExp>;
const GONE = Object.fromEntries(PETS.map((p) => [p, goneNow(p)])) as Record<Pet, RegExp>;

/** A change of pets the message states: which the shopper has now, which no longer. */
export interface PetChange {
  has: Pet[];
  gone: Pet[];
  /** Of `has`, the pets stated as a plain fact ("у нас собака"), not as news ("у нас теперь собака"). */
  stated: Pet[];
}

/**
 * "у меня теперь собака, а не кошка" -> { has: [dog], gone: [cat] }; "у нас собака" -> { has: [dog], stated: [dog] }:
 * a pet stated plainly is kept like a change. Undefined when the message states no pet.
 */
export function petChange(text: string): PetChange | undefined {
  const gone = PETS.filter((p) => GONE[p].test(text));
  const news = PETS.filter((p) => !gone.includes(p) && HAS[p].test(text));
  const stated = PETS.filter((p) => !gone.includes(p) && !news.includes(p) && STATED[p].test(text));
  const has = [...news, ...stated];
  return has.length || gone.length ? { has, gone, stated } : undefined;
}

/** "что ей взять?", "посоветуй что-нибудь", "what should I get?": the message about a pet also asks for goods. */
const ASKS = re(`${B}(?:что\\s+(?:бы\\s+)?(?:(?:мне|нам|ей|ему|им|для\\s+не(?:ё|е|го|их))\\s+)?(?:взять|купить|заказать|выбрать|брать|покупать|дать|посоветуешь|посоветуете|порекомендуешь|предложишь)|посоветуй\\p{L}*|подбери\\p{L}*|порекомендуй\\p{L}*|предложи\\p{L}*|подскажи\\p{L}*|что-нибудь|что-то|чем\\s+(?:е[её]|его|их)\\s+кормить|what\\s+(?:should|could|can|shall|do)\\s+(?:i|we)\\s+(?:get|buy|order)|recommend\\p{L}*|suggest\\p{L}*|anything|something)${E}`);

/** Whether a message that states a pet also asks what to buy ("у меня кошка, что ей взять?"). */
export function asksForGoods(text: string): boolean {
  return ASKS.test(text);
}

/** Words around a pet's name that name nothing to look for ("кошка ей", "для моей кошки"). */
const AROUND = '(?:у|меня|нас|есть|ей|ему|им|её|ее|его|их|для|неё|нее|него|них|мо(?:й|я|ей|ему|ю)|наш(?:а|ей|ему|у)?|одна|один|две|два|три|\\d+)';
const PET_NAME = re(`^\\s*(?:${AROUND}\\s+)*(?:${Object.values(NAMES).join('|')})(?:\\s+${AROUND})*\\s*$`);

/** Whether a product text only names a pet ("кошка", "кошка ей"): the pet's shelves answer it, not a search for the word. */
export function namesOnlyPet(product: string | undefined): boolean {
  return product !== undefined && PET_NAME.test(product);
}

/** The preferences a change is kept as: `like pet_dog` (has one), `exclude_tag pet_cat` (its goods stay out). */
export function petPreferences(change: PetChange): StatedPreference[] {
  return [
    ...change.has.map((p): StatedPreference => ({ kind: 'like', value: `pet_${p}` })),
    ...change.gone.map((p): StatedPreference => ({ kind: 'exclude_tag', value: `pet_${p}` })),
  ];
}

/** The preferences a change makes obsolete: a dog that is back is no longer excluded, a cat that is gone no longer owned. */
export function obsoletePetPreferences(change: PetChange): StatedPreference[] {
  return [
    ...change.has.map((p): StatedPreference => ({ kind: 'exclude_tag', value: `pet_${p}` })),
    ...change.gone.map((p): StatedPreference => ({ kind: 'like', value: `pet_${p}` })),
  ];
}

/** The shelves of each pet's goods: food, litter, treats and toys "для кошек". */
const SHELVES: Readonly<Record<Pet, RegExp>> = {
  cat: /(?:^|\/)Корм для кошек|для кошек|кошач|котят|(?<!\p{L})(?:cats?|kittens?|kitty)(?!\p{L})|когтеточк|наполнител|scratching post|cat litter/iu,
  dog: /(?:^|\/)Корм для собак|для собак|собач|щенк|(?<!\p{L})(?:dogs?|pupp(?:y|ies))(?!\p{L})/iu,
};
const PET_GOODS = /^(?:Зоотовары|Pets?)(?:\/|$)/iu;

/** Whether the item is goods for that pet (`pet_cat`): a pet-shop shelf item that names it. */
export function isForPet(item: CatalogItem, tag: string): boolean {
  const pet = tag.startsWith('pet_') ? (tag.slice(4) as Pet) : undefined;
  if (!pet || !(pet in SHELVES)) return false;
  return PET_GOODS.test(item.category) && SHELVES[pet].test(`${item.category} ${item.title.ru} ${item.title.en ?? ''}`);
}
