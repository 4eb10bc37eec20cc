import type { CatalogItem } from '../../core/catalog/catalog-item.ts';

/** What fits an occasion, matched against category and title (both languages). */
const OCCASION_GOODS: Readonly<Record<string, RegExp>> = {
  dinner: /готов|мяс|птиц|куриц|индейк|рыб|овощ|паст|макарон|спагетт|круп|рис|пельмен|салат|гарнир|сыр|хлеб|соус|ready|meal|meat|chicken|fish|vegetable|pasta|rice|cheese|bread|salad/i,
  lunch: /готов|суп|мяс|птиц|куриц|рыб|овощ|паст|макарон|круп|салат|хлеб|ready|meal|soup|meat|chicken|fish|vegetable|pasta|salad|sandwich/i,
  breakfast: /завтрак|breakfast|молоч|молок|йогурт|творог|яйц|каш|хлопь|мюсли|гранол|хлеб|сыр|кофе(?!ин)|чай|масл|джем|м[её]д|сок|круассан|milk|yogurt|egg|oat|cereal|granola|bread|cheese|coffee|tea|butter|juice/i,
  party: /снек|чипс|напит|сок|газиров|лимонад|сыр|фрукт|орех|сладост|конфет|торт|пицц|колбас|snack|chips|drink|juice|soda|cheese|fruit|nuts|sweet|cake|pizza/i,
  picnic: /сэндвич|sandwich|мяс|шашлык|гриль|овощ|хлеб|лаваш|напит|сок|вод|снек|фрукт|соус|кетчуп|meat|grill|vegetable|bread|drink|water|juice|snack|fruit|sauce/i,
  // English words whole: "bar" is no snack inside "Barilla" or "barley".
  snack: /снек|батончик|орех|фрукт|йогурт|печень|чипс|сухарик|шоколад|(?<!\p{L})(?:snacks?|bars?|nuts?|fruits?|yogh?urts?|cookies?|chips|chocolate)(?!\p{L})/iu,
};

/** Shelves that never make a meal, whatever their titles say ("Зубная паста" is no pasta, cat food no dinner). */
const NOT_A_MEAL = /^(?:Электрон|Бытов|Зоо|Аптек|Здоровье\/(?:Гигиен|Медтех)|Детские товары\/(?!Детское питание)|Красот|Косметик|Хоз|Дом|Одежд|Обувь|Авто|Сад|Строит|Канц|Книг|Игрушк|Electronics|Appliances|Pets?|Pharmacy|Beauty|Household|Home|Clothing|Toys)/i;

/** Shelves a meal is not made of, even when their section sits next to vegetables ("Овощи и фрукты/Фрукты"). */
const NOT_FOR: Readonly<Record<string, RegExp>> = {
  dinner: /(?:^|\/)(?:Фрукты|Ягоды|Сладости|Снеки|Fruits?|Berries|Sweets|Snacks)(?:\/|$)/i,
  lunch: /(?:^|\/)(?:Фрукты|Ягоды|Сладости|Снеки|Fruits?|Berries|Sweets|Snacks)(?:\/|$)/i,
  // Soup, chips and ice cream are no breakfast, whatever milk or cheese their titles mention.
  breakfast: /(?:^|\/)(?:Супы|Снеки|Чипсы|Мороженое|Алкоголь|Пиво|Вино|Soups?|Snacks|Chips|Ice cream|Alcohol)(?:\/|$)/iu,
};

/** Titles that say an item is no such meal, whatever milk or cheese they mention ("Крем-суп … на молоке", "Чипсы с сыром"). */
const NOT_FOR_TITLES: Readonly<Record<string, RegExp>> = {
  breakfast: /суп|чипс|(?<!\p{L})soup|chips/iu,
};

/**
 * Shelves of cooked dishes: their titles list ingredients ("Пицца «Четыре сыра»", "омлет с молоком"), not the meal they
 * make, so the shelf alone decides ("Готовая еда/Завтраки" is breakfast, "Готовая еда/Пицца" is not).
 */
const DISHES = /^(?:Готовая еда|Замороженные продукты|Кулинария|Ready meals|Ready food|Frozen)(?:\/|$)/iu;

const cache = new WeakMap<CatalogItem, Map<string, boolean>>();

/** Whether an item suits the occasion: food of a fitting kind (remembered per item: catalog items are immutable values). */
export function suitsOccasion(item: CatalogItem, occasion: string | undefined): boolean {
  if (!occasion) return false;
  let known = cache.get(item);
  if (!known) cache.set(item, (known = new Map()));
  let suits = known.get(occasion);
  if (suits === undefined) {
    const pattern = OCCASION_GOODS[occasion];
    const text = `${item.category} ${item.title.ru} ${item.title.en ?? ''}`;
    suits = pattern !== undefined && !NOT_A_MEAL.test(item.category) && !NOT_FOR[occasion]?.test(item.category)
      && !NOT_FOR_TITLES[occasion]?.test(text) && pattern.test(DISHES.test(item.category) ? item.category : text);
    known.set(occasion, suits);
  }
  return suits;
}
