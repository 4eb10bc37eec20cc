/**
 * What goes with a kind of product by the catalog's shelves, independent of anyone's baskets: a case and a charger
 * for a phone, a sauce for pasta. Each complement is searched by its words and kept only on its own shelf, and says
 * why it goes (`assistant:reasons.goes_with_<why>`). Shelves are patterns over the category path, so the demo
 * catalog's "Сыры/Твёрдые сыры" and a store's "Молочные продукты/Сыр" both count; the first matching shelf wins.
 */
export interface Complement {
  /** The reason's locale key is `assistant:reasons.goes_with_<why>`. */
  why: string;
  /** Catalog search words (Russian: the catalog's titles are Russian first). */
  text: string;
  /** The complement's own shelf (a pattern over the category path): a match elsewhere is no such complement. */
  shelf: RegExp;
}

const c = (why: string, text: string, shelf: RegExp): Complement => ({ why, text, shelf });

const ACCESSORIES = /Аксессуары/iu;
const SAUCES = /соус/iu;
const CEREALS = /Крупы/iu;
const CHARGE = [c('charge', 'зарядное устройство', ACCESSORIES), c('charge', 'кабель', ACCESSORIES),
  c('power', 'внешний аккумулятор', ACCESSORIES)];
const EARBUDS = c('listen', 'наушники', /Наушники/iu);
const CHEESE = c('cheese', 'сыр', /(?:^|\/)Сыры?(?:\/|$)/iu);
const BUTTER = c('butter', 'масло сливочное', /Масло сливочное|Молочные продукты/iu);
const SNACKS = /Снеки|Чипсы|Орехи/iu;
const TREATS = /Лакомств/iu;

const BY_SHELF: ReadonlyArray<[shelf: RegExp, complements: readonly Complement[]]> = [
  [/Смартфоны/iu, [c('protect', 'чехол', ACCESSORIES), ...CHARGE, EARBUDS]],
  [/Планшеты/iu, [...CHARGE, EARBUDS]],
  [/Ноутбуки/iu, [c('work', 'мышь', /периферия|Аксессуары/iu), c('work', 'клавиатура', /периферия|Аксессуары/iu), EARBUDS]],
  [/Электроника\/Наушники/iu, CHARGE],
  [/Умные часы/iu, CHARGE.slice(0, 2)],
  [/Игровые консоли/iu, [c('play', 'геймпад', /Электроника/iu), EARBUDS]],
  [/Макарон|(?:^|\/)Паста(?:\/|$)/iu, [c('sauce', 'соус томатный', SAUCES), c('sauce', 'паста томатная', SAUCES), c('sauce', 'песто', SAUCES), CHEESE]],
  [/Бакалея\/Крупы/iu, [BUTTER, c('sauce', 'соус', SAUCES)]],
  [/(?:^|\/)Хлеб(?:\/|$)/iu, [BUTTER, CHEESE, c('sandwich', 'ветчина', /Колбас|Ветчин/iu), c('sandwich', 'хумус', /Хумус|Паштет/iu)]],
  [/Кофе|(?:^|\/)Чай(?:\/|$)/iu, [c('tea', 'печенье', /Сладост|Печенье/iu), c('tea', 'шоколад', /Сладост|Шоколад/iu),
    c('milk', 'молоко', /(?:^|\/)Молоко(?:\/|$)|Растительное молоко/iu)]],
  [/Пиво/iu, [c('snack', 'чипсы', SNACKS), c('snack', 'сухарики', SNACKS), c('snack', 'орехи', SNACKS)]],
  [/(?:^|\/)Вино(?:\/|$)/iu, [CHEESE, c('snack', 'орехи', SNACKS)]],
  [/Пельмени/iu, [c('sour_cream', 'сметана', /Сметана/iu)]],
  [/^Мясо/iu, [c('spice', 'специи', /Специи|Приправ/iu), c('side', 'гречка', CEREALS), c('side', 'рис', CEREALS)]],
  [/^Рыба/iu, [c('spice', 'специи', /Специи|Приправ/iu), c('side', 'рис', CEREALS)]],
  [/Тофу/iu, [c('sauce', 'соус соевый', SAUCES), c('side', 'рис', CEREALS)]],
  [/Корм для кошек/iu, [c('litter', 'наполнитель', /Наполнител/iu), c('treat', 'лакомство для кошек', TREATS)]],
  [/Корм для собак/iu, [c('treat', 'лакомство для собак', TREATS), c('pet_play', 'игрушка для собак', TREATS)]],
  [/Подгузники/iu, [c('baby_care', 'салфетки', /Детские товары|Гигиена/iu), c('baby_care', 'крем', /Детские товары|Гигиена/iu)]],
];

/** The complements of an item on the shelf `category` (none for shelves nothing is known to go with). */
export function complementsOf(category: string | undefined): readonly Complement[] {
  if (!category) return [];
  return BY_SHELF.find(([shelf]) => shelf.test(category))?.[1] ?? [];
}

/** Whether an item's shelf is the complement's own. */
export function onShelf(category: string, complement: Complement): boolean {
  return complement.shelf.test(category);
}
